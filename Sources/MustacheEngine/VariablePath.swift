/// A tag's name split at its dots, once, when the template is compiled.
///
/// `.` is the implicit iterator (the current item); any other name is looked
/// up by its first segment and descended by the rest.
struct VariablePath: Sendable {
    /// The segments as lookup keys, empty for `.`: a slice of the one key
    /// array that all paths of a template share (see ``PathTable``).
    let keys: ArraySlice<MemberKey>
    /// The name as written in the template, for messages and field lists.
    let dotted: String

    /// `{{.}}`: the current context item itself.
    var isImplicit: Bool { keys.isEmpty }

    /// The first segment, `nil` for `.`.
    var first: String? { keys.first?.name }
}
