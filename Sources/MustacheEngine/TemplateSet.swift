/// Named templates that render together: partial tags (`{{>name}}`) and
/// parent tags (`{{<name}}`) are resolved by name within the set.
///
/// A set is an immutable-by-default value and `Sendable`: compile it once
/// and render it from as many tasks as you like.
public struct TemplateSet: Sendable {
    private var templates: [String: Template] = [:]

    /// A set of compiled templates; of two with the same name, the later wins.
    public init(_ templates: [Template] = []) {
        for template in templates { insert(template) }
    }

    /// Compiles every source, keyed by template name.
    /// - Throws: the ``TemplateSyntaxError`` of the first template, in name
    ///   order, that does not compile.
    public init(sources: [String: String]) throws(TemplateSyntaxError) {
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            insert(try Template(name: name, source: source))
        }
    }

    /// The template named `name`, if the set has one.
    public subscript(name: String) -> Template? { templates[name] }

    /// Adds `template`, replacing one of the same name.
    public mutating func insert(_ template: consuming Template) {
        // Moved in, not copied: copying a template's fields field by field
        // sets up their types' runtime metadata, a cost at start-up.
        let name = template.name
        templates[name] = consume template
    }

    /// The template names, sorted.
    public var names: [String] { templates.keys.sorted() }

    /// Renders the template named `name` against `data`.
    /// - Throws: ``TemplateRenderError`` when the template is not in the set,
    ///   or (strict mode) a variable or partial is missing.
    public func render(
        _ name: String, data: TemplateValue, options: RenderOptions = RenderOptions()
    ) throws(TemplateRenderError) -> String {
        var output = StringOutput()
        try render(name, data: data, options: options, to: &output)
        return output.string
    }

    /// Renders the template named `name`, appending UTF-8 to `output`. On
    /// error `output` is left as it was.
    public func render(
        _ name: String, data: TemplateValue, options: RenderOptions, into output: inout [UInt8]
    ) throws(TemplateRenderError) {
        var bytes = ByteOutput()
        swap(&bytes.bytes, &output)
        defer { swap(&bytes.bytes, &output) }
        let start = bytes.count
        do {
            try render(name, data: data, options: options, to: &bytes)
        } catch {
            bytes.bytes.removeSubrange(start...)
            throw error
        }
    }

    private func render<Output: RenderOutput>(
        _ name: String, data: TemplateValue, options: RenderOptions, to output: inout Output
    ) throws(TemplateRenderError) {
        guard let template = templates[name] else {
            throw TemplateRenderError(
                templateName: name, line: 0, column: 0, path: nil, message: "no template named '\(name)'")
        }
        var renderer = Renderer(templates: templates, options: options, data: data)
        output.reserveCapacity(output.count + 2 * template.source.count + 256)
        try renderer.render(template.nodes, in: template, to: &output)
    }

    /// The paths the template named `name` reads, following its static
    /// partials and parents through the set (each template once per path of
    /// inclusion, so recursive partials are safe). Empty for an unknown name.
    public func fields(of name: String) -> TemplateFields {
        guard let template = templates[name] else { return TemplateFields() }
        return FieldAnalysis.fields(of: template, templates: templates)
    }

    /// The paths the template named `name` reads outside every section:
    /// `fields(of: name).required`, at a fraction of the cost. Empty for an unknown name.
    public func requiredPaths(of name: String) -> [String] {
        guard let template = templates[name] else { return [] }
        return FieldAnalysis.requiredPaths(of: template, templates: templates)
    }
}
