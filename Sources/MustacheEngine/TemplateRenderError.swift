/// A render that cannot complete: a missing variable or partial in strict
/// mode, a lambda whose result does not parse, or runaway partial recursion.
///
/// `templateName`, `line` and `column` locate the tag (1-based, column in
/// characters); they are `0` only when no tag is involved, as when the
/// template asked for is not in the set.
public struct TemplateRenderError: Error, Sendable, Equatable, CustomStringConvertible {
    public let templateName: String
    public let line: Int
    public let column: Int
    /// The dotted path of a missing variable (`customer.name`), else `nil`.
    public let path: String?
    /// What went wrong, e.g. `missing variable 'customer.name'`.
    public let message: String

    public init(templateName: String, line: Int, column: Int, path: String?, message: String) {
        self.templateName = templateName
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    /// `name:line:column: message`.
    public var description: String { "\(templateName):\(line):\(column): \(message)" }
}
