/// A JSON-shaped value that templates render: the data model of the engine.
///
/// Values are plain `Sendable` data, so one case can be rendered from many
/// threads and nothing is looked up by reflection at render time.
/// Numbers keep the literal text JSON wrote (`1.5` stays `1.5`, `10` stays
/// `10`), because a template prints what the data says, not a reformatted
/// floating-point value.
public enum TemplateValue: Sendable {
    case null
    case bool(Bool)
    /// A number as its JSON literal text, printed verbatim.
    case number(String)
    case string(String)
    case list([TemplateValue])
    case object(TemplateObject)
    /// A Swift closure called by the template (the spec's optional lambdas).
    case lambda(TemplateLambda)
}

extension TemplateValue {
    /// The Mustache truthiness rule: `null`, `false`, a zero number, the
    /// empty string and the empty list are falsey; everything else is truthy.
    /// (The spec defers to the host language; these are JavaScript's rules,
    /// which the spec's examples follow, with objects and lambdas truthy.)
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let flag): return flag
        case .number(let literal): return !Self.isZeroLiteral(literal)
        case .string(let text): return !text.isEmpty
        case .list(let items): return !items.isEmpty
        case .object, .lambda: return true
        }
    }

    /// The member named `key` when this is an object, else `nil`.
    public subscript(key: String) -> TemplateValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The member at `key` when this is an object, else `nil`: the lookup
    /// for a key made once and used on many values.
    public subscript(key: MemberKey) -> TemplateValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// Follows a dotted path (`["customer", "name"]`) through nested objects.
    public func value(at path: some Sequence<String>) -> TemplateValue? {
        var current = self
        for key in path {
            guard let next = current[key] else { return nil }
            current = next
        }
        return current
    }

    /// The text when this is a string, else `nil`.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The items when this is a list, else `nil`.
    public var listValue: [TemplateValue]? {
        if case .list(let items) = self { return items }
        return nil
    }

    /// The object when this is one, else `nil`.
    public var objectValue: TemplateObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// True for a JSON number literal whose value is zero (`0`, `-0`, `0.0`, `0e5`).
    private static func isZeroLiteral(_ literal: String) -> Bool {
        var sawExponent = false
        for byte in literal.utf8 {
            switch byte {
            case UInt8(ascii: "e"), UInt8(ascii: "E"): sawExponent = true
            case UInt8(ascii: "1")...UInt8(ascii: "9") where !sawExponent: return false
            default: continue
            }
        }
        return true
    }
}

extension TemplateValue: Equatable {
    /// Structural equality; two lambdas are never equal (closures have no identity to compare).
    public static func == (lhs: TemplateValue, rhs: TemplateValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.list(let a), .list(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        default: return false
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByIntegerLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(integerLiteral value: Int) { self = .number(String(value)) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(elements))
    }
}

/// An object whose members keep the order they were written in.
///
/// Small objects (the usual case) are searched linearly, which beats hashing
/// for a handful of keys; larger ones keep a hash index beside the members.
/// Members are stored as one array of entries, so copying an object (which
/// rendering does for every lookup) retains a single buffer.
public struct TemplateObject: Sendable, Equatable {
    private var entries: [Entry] = []
    private var index: [String: Int]? = nil

    private struct Entry: Sendable, Equatable {
        let key: MemberKey
        var value: TemplateValue
    }

    private static let indexThreshold = 12

    /// An empty object.
    public init() {}

    /// An object from `(key, value)` pairs; a repeated key keeps its first
    /// position and its last value, as JSON readers commonly do.
    public init(_ pairs: some Sequence<(String, TemplateValue)>) {
        for (key, value) in pairs { self[key] = value }
    }

    /// An object from members whose keys all differ (as `String` compares
    /// them), in order. Nothing is compared, so this is the cheap way in for
    /// a reader that has already rejected duplicate keys; a repeated key
    /// would leave two members of that name.
    ///
    /// `indexed: false` skips the lookup index a large object otherwise
    /// gets, for an object read member by member (``subscript(member:)``):
    /// a lookup by key then searches it from the start.
    public init(uniqueKeys members: ArraySlice<(key: String, value: TemplateValue)>, indexed: Bool = true) {
        entries = members.map { Entry(key: MemberKey($0.key), value: $0.value) }
        if indexed { rebuildIndex() }
    }

    /// Member names, in order of first appearance.
    public var keys: [String] { entries.map(\.key.name) }

    /// Member values, parallel to `keys`.
    public var values: [TemplateValue] { entries.map(\.value) }

    /// The number of members.
    public var count: Int { entries.count }

    /// True when the object has no members.
    public var isEmpty: Bool { entries.isEmpty }

    /// The members in order.
    public var pairs: Zip2Sequence<[String], [TemplateValue]> { zip(keys, values) }

    /// The member at `position` (in `0..<count`, the order of `keys`):
    /// a walk over the members without building `keys` and `values`.
    public subscript(member position: Int) -> (key: String, value: TemplateValue) {
        (entries[position].key.name, entries[position].value)
    }

    /// The member named `key`; setting `nil` removes it.
    public subscript(key: String) -> TemplateValue? {
        get { position(of: MemberKey(key)).map { entries[$0].value } }
        set {
            if let position = position(of: MemberKey(key)) {
                if let newValue {
                    entries[position].value = newValue
                } else {
                    entries.remove(at: position)
                    rebuildIndex()
                }
            } else if let newValue {
                entries.append(Entry(key: MemberKey(key), value: newValue))
                if index != nil {
                    index![key] = entries.count - 1
                } else if entries.count > Self.indexThreshold {
                    rebuildIndex()
                }
            }
        }
    }

    /// The member named by `key`, a key made once for many lookups.
    public subscript(key: MemberKey) -> TemplateValue? {
        position(of: key).map { entries[$0].value }
    }

    /// The value of the member at `position` (from ``position(of:)``), then
    /// the value at `rest` below it; `nil` when a key is absent or a value
    /// on the way is not an object. Walks without recursion so that only the
    /// objects passed through and the result are copied.
    func value(at position: Int, then rest: ArraySlice<MemberKey>) -> TemplateValue? {
        var object = self
        var position = position
        for key in rest {
            guard case .object(let next) = object.entries[position].value, let found = next.position(of: key) else {
                return nil
            }
            object = next
            position = found
        }
        return object.entries[position].value
    }

    func position(of key: MemberKey) -> Int? {
        if let index { return index[key.name] }
        return entries.firstIndex { $0.key.matches(key) }
    }

    private mutating func rebuildIndex() {
        guard entries.count > Self.indexThreshold else {
            index = nil
            return
        }
        var built = [String: Int](minimumCapacity: entries.count)
        for (position, entry) in entries.enumerated() { built[entry.key.name] = position }
        index = built
    }

    public static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        lhs.entries == rhs.entries
    }
}

/// A Swift closure a template can call (the spec's optional `~lambdas`).
///
/// Used as a variable (`{{name}}`), the closure receives `nil` and its result
/// is rendered as a template with the default delimiters, then escaped as the
/// tag asks. Used as a section (`{{#name}}…{{/name}}`), it receives the
/// section's raw, unrendered text and its result is rendered with the
/// delimiters in force at the section.
public struct TemplateLambda: Sendable {
    /// The closure: `nil` for a variable tag, the raw section text for a section.
    public let body: @Sendable (_ sectionText: String?) -> String

    /// Wraps a closure.
    public init(_ body: @escaping @Sendable (_ sectionText: String?) -> String) {
        self.body = body
    }
}
