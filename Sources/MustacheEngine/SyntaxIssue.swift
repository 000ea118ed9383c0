/// A syntax problem found while compiling, located by byte offset; it becomes
/// a public ``TemplateSyntaxError`` (with line and column) at the API boundary.
struct SyntaxIssue: Error {
    /// Byte offset of the offending tag's opening delimiter.
    let offset: Int
    let message: String
}
