/// How a render treats values and gaps.
public struct RenderOptions: Sendable {
    /// What `{{name}}` does to the text it prints.
    public enum Escaping: Sendable {
        /// Replace `& < > " '` with HTML entities (the spec's behaviour).
        case html
        /// Print values as they are (plain-text output such as email bodies).
        case none
    }

    /// Escaping for `{{name}}`; `{{{name}}}` and `{{&name}}` never escape.
    public var escaping: Escaping
    /// When true, a variable outside every section whose path does not
    /// resolve, and a partial or parent that is not in the set, are errors
    /// instead of empty output. Values that are present but `null` still
    /// print as empty text.
    public var strict: Bool

    public init(escaping: Escaping = .html, strict: Bool = false) {
        self.escaping = escaping
        self.strict = strict
    }
}
