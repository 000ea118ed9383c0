/// A tag's name split at its dots, once, when the template is compiled.
///
/// `.` is the implicit iterator (the current item); any other name is looked
/// up by its first segment and descended by the rest.
struct VariablePath: Sendable {
    /// The segments, empty for `.`.
    let segments: [String]
    /// The segments as lookup keys.
    let keys: [MemberKey]
    /// The name as written in the template, for messages and field lists.
    let dotted: String

    init(_ dotted: String) {
        self.dotted = dotted
        segments = dotted == "." ? [] : dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        keys = segments.map(MemberKey.init)
    }

    /// `{{.}}`: the current context item itself.
    var isImplicit: Bool { segments.isEmpty }
}
