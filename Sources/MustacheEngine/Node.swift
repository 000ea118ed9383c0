/// The compiled template tree the renderer walks.
///
/// Text is stored as UTF-8 bytes ready to copy, names are split into paths,
/// and every tag keeps the byte offset of its opening delimiter so render
/// errors can point at it.
enum Node: Sendable {
    case text([UInt8])
    case variable(VariableNode)
    case section(SectionNode)
    case partial(PartialNode)
    case parent(ParentNode)
    case block(BlockNode)
}

/// `{{name}}`, `{{{name}}}` or `{{&name}}`.
struct VariableNode: Sendable {
    let path: VariablePath
    /// False for `{{{name}}}` and `{{&name}}`.
    let escapes: Bool
    let offset: Int
}

/// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
struct SectionNode: Sendable {
    let path: VariablePath
    let isInverted: Bool
    let children: [Node]
    let offset: Int
    /// The unrendered text between the tags, which a section lambda receives.
    let body: Range<Int>
    /// The delimiters in force at the opening tag, for parsing a lambda's result.
    let delimiters: Delimiters
}

/// How a partial or parent tag names its template.
enum TemplateReference: Sendable {
    /// `{{>name}}`
    case named(String)
    /// `{{>*path}}`: the value at `path` names the template.
    case dynamic(VariablePath)
}

/// `{{>name}}`.
struct PartialNode: Sendable {
    let reference: TemplateReference
    /// The indentation of a standalone tag; `nil` when the tag is inline.
    let indentation: [UInt8]?
    let offset: Int
}

/// `{{<name}}{{$block}}…{{/block}}{{/name}}`.
struct ParentNode: Sendable {
    let reference: TemplateReference
    /// The blocks the tag passes to its parent, by name.
    let arguments: [String: [Node]]
    /// The indentation of a standalone tag pair; `nil` when inline.
    let indentation: [UInt8]?
    let offset: Int
}

/// `{{$name}}default{{/name}}` outside a parent tag: a parameter.
struct BlockNode: Sendable {
    let name: String
    let defaultContent: [Node]
    /// The indentation the content is rendered with; `nil` when inline.
    let indentation: [UInt8]?
    /// The closing tag stands alone, so what follows starts a line.
    let closeEndsLine: Bool
}
