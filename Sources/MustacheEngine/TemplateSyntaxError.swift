/// A template that does not compile: what is wrong and where.
///
/// `line` and `column` are 1-based and point at the opening delimiter of the
/// offending tag (for an unclosed section, its opening tag). The column counts
/// characters as a text editor shows them.
public struct TemplateSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public let templateName: String
    public let line: Int
    public let column: Int
    /// What is wrong, e.g. `unclosed section 'items'`.
    public let message: String

    public init(templateName: String, line: Int, column: Int, message: String) {
        self.templateName = templateName
        self.line = line
        self.column = column
        self.message = message
    }

    init(templateName: String, source: [UInt8], issue: SyntaxIssue) {
        let location = SourceLocation(offset: issue.offset, in: source)
        self.init(templateName: templateName, line: location.line, column: location.column, message: issue.message)
    }

    /// `name:line:column: message`.
    public var description: String { "\(templateName):\(line):\(column): \(message)" }
}
