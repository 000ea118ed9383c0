import MustacheEngine

/// One value of a locale object together with its key path, with typed
/// readers that throw a `LocaleError` naming that path.
struct LocaleField {
    let value: TemplateValue?
    /// The path of the enclosing field and this field's last step: the
    /// whole path is only spelled out for an error or a grandchild, as most
    /// fields are read without either.
    private let parentPath: String
    private let step: String

    init(root: TemplateValue) {
        self.init(value: root, parentPath: "", step: "")
    }

    private init(value: TemplateValue?, parentPath: String, step: String) {
        self.value = value
        self.parentPath = parentPath
        self.step = step
    }

    /// The key path of this field (`salutation.honorifics`, `dates.months[3]`).
    var path: String { parentPath.isEmpty ? step : "\(parentPath).\(step)" }

    /// The member `key` of this object (absent when this is not an object).
    func child(_ key: String) -> LocaleField {
        LocaleField(value: value?[key], parentPath: path, step: key)
    }

    func error(_ message: String) -> LocaleError {
        LocaleError(key: path, message: message)
    }

    func object() throws(LocaleError) -> TemplateObject {
        guard let object = try present().objectValue else { throw mismatch("an object") }
        return object
    }

    /// A string with at least one non-space character.
    func string() throws(LocaleError) -> String {
        guard let text = try present().stringValue else { throw mismatch("a string") }
        guard text.hasNonWhitespace else { throw error("must not be empty") }
        return text
    }

    /// A boolean, or `nil` when the key is absent.
    func optionalBool() throws(LocaleError) -> Bool? {
        switch value {
        case nil: return nil
        case .bool(let flag)?: return flag
        default: throw mismatch("true or false")
        }
    }

    /// A string whose `{placeholders}` are all among `known`, split into its
    /// pieces (once: the rules keep the pattern as checked).
    func pattern(placeholders known: [String]) throws(LocaleError) -> PlaceholderPattern {
        let pattern = PlaceholderPattern(try string())
        if let name = pattern.firstPlaceholder(notAmong: known) {
            let list = known.map { "{\($0)}" }.joined(separator: ", ")
            throw error("unknown placeholder {\(name)} (known: \(list))")
        }
        return pattern
    }

    /// A list of strings, of exactly `count` items when `count` is given.
    func strings(count: Int? = nil) throws(LocaleError) -> [String] {
        guard let items = try present().listValue else { throw mismatch("a list of strings") }
        if let count, items.count != count {
            throw error("expected \(count) strings, found \(items.count)")
        }
        var strings: [String] = []
        strings.reserveCapacity(items.count)
        for (position, item) in items.enumerated() {
            if case .string(let text) = item, text.hasNonWhitespace {
                strings.append(text)
            } else {  // the item's own field says what is wrong with it
                strings.append(try LocaleField(value: item, parentPath: "", step: "\(path)[\(position)]").string())
            }
        }
        return strings
    }

    /// An object whose members are all strings.
    func stringObject() throws(LocaleError) -> TemplateObject {
        let object = try object()
        for position in 0..<object.count {
            let (key, value) = object[member: position]
            if case .string(let text) = value, text.hasNonWhitespace { continue }
            _ = try child(key).string()  // the member's own field says what is wrong with it
        }
        return object
    }

    private func present() throws(LocaleError) -> TemplateValue {
        guard let value else { throw error("required key is missing") }
        return value
    }

    private func mismatch(_ expected: String) -> LocaleError {
        error("expected \(expected), found \(Self.describe(value))")
    }

    private static func describe(_ value: TemplateValue?) -> String {
        switch value {
        case nil, .null?: return "null"
        case .bool?: return "a boolean"
        case .number?: return "a number"
        case .string?: return "a string"
        case .list?: return "a list"
        case .object?: return "an object"
        case .lambda?: return "a function"
        }
    }
}
