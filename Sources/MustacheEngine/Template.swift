/// A compiled Mustache template: parse once, render many times.
///
/// Compiling checks the whole template and reports the first syntax error
/// with its line and column. A `Template` is an immutable value; render it
/// through a ``TemplateSet``, which resolves the partials and parents it names.
public struct Template: Sendable {
    /// The name partial and parent tags use to refer to this template.
    public let name: String
    /// The source as UTF-8, for error positions, section lambdas and the
    /// byte output's text.
    let source: [UInt8]
    let nodes: [Node]
    /// The names of the templates this one includes with `{{>name}}` or
    /// extends with `{{<name}}` (dynamic `{{>*path}}` names excluded).
    public let partialNames: Set<String>
    /// True when the template has a `{{>*path}}` or `{{<*path}}` tag, whose
    /// template is only known at render time.
    public let usesDynamicPartials: Bool

    /// Compiles `source`.
    /// - Throws: ``TemplateSyntaxError`` locating the first problem.
    public init(name: String, source: String) throws(TemplateSyntaxError) {
        try self.init(name: name, source: source, delimiters: .standard)
    }

    /// Compiles `source` starting with the given delimiters (a section
    /// lambda's result is parsed with the delimiters of its section).
    init(name: String, source: String, delimiters: Delimiters) throws(TemplateSyntaxError) {
        var text = source
        text.makeContiguousUTF8()  // text nodes slice it: keep their UTF-8 in one native buffer
        let bytes = Array(text.utf8)
        let parsed: Parser.Parsed
        do throws(SyntaxIssue) {
            parsed = try Parser.parse(bytes, text: text, delimiters: delimiters)
        } catch {
            throw TemplateSyntaxError(templateName: name, source: bytes, issue: error)
        }
        self.name = name
        self.source = bytes
        nodes = parsed.nodes
        partialNames = parsed.partialNames
        usesDynamicPartials = parsed.usesDynamicPartials
    }

    /// The paths this template reads, by itself (partials are not followed;
    /// ``TemplateSet/fields(of:)`` follows them).
    public var fields: TemplateFields { FieldAnalysis.fields(of: self, templates: nil) }
}
