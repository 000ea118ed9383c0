/// A tag's name split at its dots, once, when the template is compiled.
///
/// `.` is the implicit iterator (the current item); any other name is looked
/// up by its first segment and descended by the rest.
struct VariablePath: Sendable {
    /// The keys of all the paths of the template, shared (see ``PathTable``).
    private let allKeys: [MemberKey]
    /// Where this path's keys are in `allKeys`: one per segment, none for `.`.
    private let segments: Range<Int>

    init(keys allKeys: [MemberKey], segments: Range<Int>) {
        self.allKeys = allKeys
        self.segments = segments
    }

    /// The name as written in the template, for messages and field lists:
    /// its keys joined by dots, or `.`.
    ///
    /// Made when asked for, not kept: only errors, lambdas and field lists
    /// read it, and keeping it cost compiling a string for every long name.
    var dotted: String {
        guard let firstKey else { return "." }
        var dotted = firstKey.name
        for key in keysAfterFirst {
            dotted += "."
            dotted += key.name
        }
        return dotted
    }

    /// `{{.}}`: the current context item itself.
    var isImplicit: Bool { segments.isEmpty }

    /// The key of the first segment, `nil` for `.`.
    var firstKey: MemberKey? { isImplicit ? nil : allKeys[segments.lowerBound] }

    /// The keys of the segments after the first.
    var keysAfterFirst: ArraySlice<MemberKey> {
        allKeys[min(segments.lowerBound + 1, segments.upperBound)..<segments.upperBound]
    }

    /// The first segment, `nil` for `.`.
    var first: String? { firstKey?.name }
}
