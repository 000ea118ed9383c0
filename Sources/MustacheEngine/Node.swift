/// The compiled template tree the renderer walks.
///
/// Text is stored ready to copy, names are split into paths, and every tag
/// keeps the byte offset of its opening delimiter so render errors can point
/// at it.
///
/// Nodes are immutable final classes rather than structs: walking the tree
/// copies each node out of its array, and copying one reference is much
/// cheaper than copying a struct of arrays and strings field by field (or an
/// enum whose cases hold more than one reference).
enum Node: Sendable {
    case text(TextNode)
    case variable(VariableNode)
    case section(SectionNode)
    case partial(PartialNode)
    case parent(ParentNode)
    case block(BlockNode)
}

/// Template text between tags: one stretch of the template's source, as a
/// slice of its string for the `String` output, and as a byte range for the
/// byte output, which copies those bytes from the template's UTF-8 source.
/// Compiling copies no text, and both outputs copy contiguous UTF-8 without
/// conversion or validation.
final class TextNode: Sendable {
    let string: Substring
    /// The same text's offsets in ``Template/source``.
    let bytes: Range<Int>

    init(string: Substring, bytes: Range<Int>) {
        self.string = string
        self.bytes = bytes
    }
}

/// `{{name}}`, `{{{name}}}` or `{{&name}}`.
final class VariableNode: Sendable {
    let path: VariablePath
    /// False for `{{{name}}}` and `{{&name}}`.
    let escapes: Bool
    let offset: Int

    init(path: VariablePath, escapes: Bool, offset: Int) {
        self.path = path
        self.escapes = escapes
        self.offset = offset
    }
}

/// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
final class SectionNode: Sendable {
    let path: VariablePath
    let isInverted: Bool
    let children: [Node]
    let offset: Int
    /// The unrendered text between the tags, which a section lambda receives.
    let body: Range<Int>
    /// The delimiters in force at the opening tag, for parsing a lambda's result.
    let delimiters: Delimiters

    init(path: VariablePath, isInverted: Bool, children: [Node], offset: Int, body: Range<Int>, delimiters: Delimiters) {
        self.path = path
        self.isInverted = isInverted
        self.children = children
        self.offset = offset
        self.body = body
        self.delimiters = delimiters
    }
}

/// How a partial or parent tag names its template.
enum TemplateReference: Sendable {
    /// `{{>name}}`
    case named(String)
    /// `{{>*path}}`: the value at `path` names the template.
    case dynamic(VariablePath)
}

/// `{{>name}}`.
final class PartialNode: Sendable {
    let reference: TemplateReference
    /// The indentation of a standalone tag; `nil` when the tag is inline.
    let indentation: String?
    let offset: Int

    init(reference: TemplateReference, indentation: String?, offset: Int) {
        self.reference = reference
        self.indentation = indentation
        self.offset = offset
    }
}

/// `{{<name}}{{$block}}…{{/block}}{{/name}}`.
final class ParentNode: Sendable {
    let reference: TemplateReference
    /// The blocks the tag passes to its parent, by name.
    let arguments: [String: [Node]]
    /// The indentation of a standalone tag pair; `nil` when inline.
    let indentation: String?
    let offset: Int

    init(reference: TemplateReference, arguments: [String: [Node]], indentation: String?, offset: Int) {
        self.reference = reference
        self.arguments = arguments
        self.indentation = indentation
        self.offset = offset
    }
}

/// `{{$name}}default{{/name}}` outside a parent tag: a parameter.
final class BlockNode: Sendable {
    let name: String
    let defaultContent: [Node]
    /// The indentation the content is rendered with; `nil` when inline.
    let indentation: String?
    /// The closing tag stands alone, so what follows starts a line.
    let closeEndsLine: Bool

    init(name: String, defaultContent: [Node], indentation: String?, closeEndsLine: Bool) {
        self.name = name
        self.defaultContent = defaultContent
        self.indentation = indentation
        self.closeEndsLine = closeEndsLine
    }
}
