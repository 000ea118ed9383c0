/// One render: walks compiled nodes into a single output buffer, which is
/// passed along to every step rather than stored.
///
/// All per-render state lives here, never in the templates, so one compiled
/// ``TemplateSet`` can be rendered from many threads at once. The renderer is
/// not generic (its methods are, over the output): a generic struct's
/// metadata is instantiated at run time on first use, and checking that the
/// output conforms to ``RenderOutput`` scans every conformance record of the
/// process, which cost the first render about 0.2M instructions.
///
/// Indentation follows the spec's wording, "prepended to each line of the
/// partial": a standalone partial, parent or re-indented block renders each
/// line *of its own source* (sections included) with the indentation added,
/// while text that values or inline partials bring along is left as is.
struct Renderer {
    /// How deep partials, parents and lambda results may nest before the
    /// render stops (a template that includes itself unconditionally).
    static var maximumNesting: Int { 200 }

    private let templates: [String: Template]
    private let options: RenderOptions
    private var context: ContextStack
    /// Block arguments of the parents being rendered, outermost first: the
    /// outermost template's argument for a name wins.
    private var argumentFrames: [ArgumentFrame] = []
    /// How many sections (of any template) enclose the current node; strict
    /// mode only reports missing variables outside every section.
    private var sectionDepth = 0
    private var indentation = ""
    /// The next node starts a line of the template being indented.
    private var atLineStart = false
    private var nesting = 0

    init(templates: [String: Template], options: RenderOptions, data: TemplateValue) {
        self.templates = templates
        self.options = options
        context = ContextStack(root: data)
    }

    mutating func render<Output: RenderOutput>(
        _ nodes: [Node], in template: Template, to output: inout Output
    ) throws(TemplateRenderError) {
        for index in nodes.indices {
            switch nodes[index] {
            case .text(let text): writeText(text, in: template, to: &output)
            case .variable(let variable): try renderVariable(variable, in: template, to: &output)
            case .section(let section): try renderSection(section, in: template, to: &output)
            case .partial(let partial): try renderPartial(partial, in: template, to: &output)
            case .parent(let parent): try renderParent(parent, in: template, to: &output)
            case .block(let block): try renderBlock(block, in: template, to: &output)
            }
        }
    }

    // MARK: Variables

    private mutating func renderVariable<Output: RenderOutput>(
        _ variable: VariableNode, in template: Template, to output: inout Output
    ) throws(TemplateRenderError) {
        guard let value = context.lookup(variable.path) else {
            if options.strict, sectionDepth == 0 { throw missingVariable(variable.path, at: variable.offset, in: template) }
            startLine(to: &output)
            return
        }
        startLine(to: &output)
        let escapes = variable.escapes && options.escaping == .html
        switch value {
        case .string(let text): write(text, escaping: escapes, to: &output)
        case .number(let literal): write(literal, escaping: escapes, to: &output)
        case .bool(let flag): output.write(flag ? "true" : "false")
        case .null, .list, .object: break
        case .lambda(let lambda): try interpolate(lambda, at: variable, escaping: escapes, in: template, to: &output)
        }
    }

    private mutating func write<Output: RenderOutput>(_ text: String, escaping: Bool, to output: inout Output) {
        if escaping {
            output.writeEscaped(text)
        } else {
            output.write(text)
        }
    }

    /// A variable lambda: its result is a template in the default delimiters,
    /// rendered here and then escaped as the tag asks.
    private mutating func interpolate<Output: RenderOutput>(
        _ lambda: TemplateLambda, at variable: VariableNode, escaping: Bool, in template: Template,
        to output: inout Output
    ) throws(TemplateRenderError) {
        let start = output.count
        try renderLambdaResult(
            lambda.body(nil), delimiters: .standard, name: variable.path.dotted, at: variable.offset, in: template,
            to: &output)
        guard escaping else { return }
        output.writeEscaped(output.removeTail(from: start))
    }

    // MARK: Sections

    private mutating func renderSection<Output: RenderOutput>(
        _ section: SectionNode, in template: Template, to output: inout Output
    ) throws(TemplateRenderError) {
        let value = context.lookup(section.path)
        if section.isInverted {
            if value?.isTruthy != true { try renderChildren(section.children, in: template, to: &output) }
            return
        }
        guard let value, value.isTruthy else { return }
        switch value {
        case .list(let items):
            for item in items {
                context.push(item)
                try renderChildren(section.children, in: template, to: &output)
                context.pop()
            }
        case .lambda(let lambda):
            let body = String(decoding: template.source[section.body], as: UTF8.self)
            sectionDepth += 1
            try renderLambdaResult(
                lambda.body(body), delimiters: section.delimiters, name: section.path.dotted, at: section.offset,
                in: template, to: &output)
            sectionDepth -= 1
        default:
            context.push(value)
            try renderChildren(section.children, in: template, to: &output)
            context.pop()
        }
    }

    private mutating func renderChildren<Output: RenderOutput>(
        _ nodes: [Node], in template: Template, to output: inout Output
    ) throws(TemplateRenderError) {
        sectionDepth += 1
        try render(nodes, in: template, to: &output)
        sectionDepth -= 1
    }

    // MARK: Partials, parents and blocks

    private mutating func renderPartial<Output: RenderOutput>(
        _ partial: PartialNode, in template: Template, to output: inout Output
    ) throws(TemplateRenderError) {
        guard let included = try resolve(partial.reference, at: partial.offset, in: template) else {
            skipInclude(indentation: partial.indentation)
            return
        }
        try include(included, indentation: partial.indentation, at: partial.offset, in: template, to: &output)
    }

    private mutating func renderParent<Output: RenderOutput>(
        _ parent: ParentNode, in template: Template, to output: inout Output
    ) throws(TemplateRenderError) {
        guard let included = try resolve(parent.reference, at: parent.offset, in: template) else {
            skipInclude(indentation: parent.indentation)
            return
        }
        argumentFrames.append(ArgumentFrame(arguments: parent.arguments, template: template))
        try include(included, indentation: parent.indentation, at: parent.offset, in: template, to: &output)
        argumentFrames.removeLast()
    }

    /// A parameter block renders the outermost argument given for its name,
    /// else its default content.
    private mutating func renderBlock<Output: RenderOutput>(
        _ block: BlockNode, in template: Template, to output: inout Output
    ) throws(TemplateRenderError) {
        var content = block.defaultContent
        var owner = template
        if let frame = argumentFrames.first(where: { $0.arguments[block.name] != nil }) {
            content = frame.arguments[block.name]!
            owner = frame.template
        }
        guard let extra = block.indentation, !extra.isEmpty else {
            try render(content, in: owner, to: &output)
            return
        }
        let saved = indentation
        indentation += extra
        atLineStart = true
        try render(content, in: owner, to: &output)
        indentation = saved
        atLineStart = block.closeEndsLine
    }

    /// Renders an included template: a standalone tag indents each of its
    /// lines, an inline one renders it as is.
    private mutating func include<Output: RenderOutput>(
        _ included: Template, indentation extra: String?, at offset: Int, in template: Template,
        to output: inout Output
    ) throws(TemplateRenderError) {
        guard nesting < Self.maximumNesting else {
            throw failure(
                "templates nest more than \(Self.maximumNesting) deep (does '\(included.name)' include itself?)",
                at: offset, in: template)
        }
        nesting += 1
        let saved = indentation
        if let extra {
            indentation += extra
            atLineStart = true
        } else {
            startLine(to: &output)
            indentation = ""
        }
        try render(included.nodes, in: included, to: &output)
        indentation = saved
        atLineStart = extra != nil
        nesting -= 1
    }

    /// A partial or parent that resolved to nothing: a standalone tag's line is gone.
    private mutating func skipInclude(indentation extra: String?) {
        if extra != nil { atLineStart = true }
    }

    /// The template a partial or parent tag names, `nil` when lenient mode
    /// renders nothing for it.
    private func resolve(
        _ reference: TemplateReference, at offset: Int, in template: Template
    ) throws(TemplateRenderError) -> Template? {
        let name: String
        switch reference {
        case .named(let written):
            name = written
        case .dynamic(let path):
            switch context.lookup(path) {
            case .string(let text): name = text
            case .number(let literal): name = literal
            case nil where options.strict && sectionDepth == 0: throw missingVariable(path, at: offset, in: template)
            default: return nil
            }
        }
        if let found = templates[name] { return found }
        guard options.strict else { return nil }
        throw failure("missing partial '\(name)'", at: offset, in: template)
    }

    // MARK: Lambdas

    /// Compiles the text a lambda returned and renders it where the lambda
    /// was, without indenting its lines. Errors inside it name the template
    /// `<template> (lambda '<name>')`.
    private mutating func renderLambdaResult<Output: RenderOutput>(
        _ text: String, delimiters: Delimiters, name: String, at offset: Int, in template: Template,
        to output: inout Output
    ) throws(TemplateRenderError) {
        guard nesting < Self.maximumNesting else {
            throw failure("lambdas nest more than \(Self.maximumNesting) deep", at: offset, in: template)
        }
        let result: Template
        do throws(TemplateSyntaxError) {
            result = try Template(name: "\(template.name) (lambda '\(name)')", source: text, delimiters: delimiters)
        } catch {
            throw failure("lambda '\(name)' returned a template that does not compile: \(error)", at: offset, in: template)
        }
        nesting += 1
        let saved = indentation
        indentation = ""
        try render(result.nodes, in: result, to: &output)
        indentation = saved
        atLineStart = false
        nesting -= 1
    }

    // MARK: Output

    private mutating func writeText<Output: RenderOutput>(_ text: TextNode, in template: Template, to output: inout Output) {
        if indentation.isEmpty {
            output.write(text, in: template.source)
        } else {
            writeIndented(text.string, to: &output)
        }
    }

    /// Text with the current indentation before each line it starts.
    private mutating func writeIndented<Output: RenderOutput>(_ text: Substring, to output: inout Output) {
        let lines = text.utf8
        var start = lines.startIndex
        while start < lines.endIndex {
            if atLineStart { output.write(indentation) }
            let end = lines[start...].firstIndex(of: ASCII.lineFeed).map(lines.index(after:)) ?? lines.endIndex
            output.write(text[start..<end])
            atLineStart = lines[lines.index(before: end)] == ASCII.lineFeed
            start = end
        }
    }

    /// Writes the indentation when a value or inline partial starts a line.
    @inline(__always)
    private mutating func startLine<Output: RenderOutput>(to output: inout Output) {
        if atLineStart, !indentation.isEmpty { output.write(indentation) }
        atLineStart = false
    }

    // MARK: Errors

    private func missingVariable(_ path: VariablePath, at offset: Int, in template: Template) -> TemplateRenderError {
        failure("missing variable '\(path.dotted)'", path: path.dotted, at: offset, in: template)
    }

    private func failure(_ message: String, path: String? = nil, at offset: Int, in template: Template) -> TemplateRenderError {
        let location = SourceLocation(offset: offset, in: template.source)
        return TemplateRenderError(
            templateName: template.name, line: location.line, column: location.column, path: path, message: message)
    }
}

/// The block arguments of one parent tag being rendered.
private struct ArgumentFrame {
    let arguments: [String: [Node]]
    /// The template the arguments were written in, for error positions.
    let template: Template
}
