/// Works out ``TemplateFields`` by walking a template's nodes twice: once to
/// find the root names, once to classify and record every read.
///
/// When `templates` is given, static partials and parents are followed into
/// it; a template already on the current path of inclusion is not entered
/// again, so recursive partials terminate.
struct FieldAnalysis {
    private let templates: [String: Template]?
    private var roots: Set<String> = []
    private var required: Set<String> = []
    private var optional: Set<String> = []
    private var lists: Set<String> = []
    private var including: [String] = []

    /// Where a read happens: the sections that changed the context, innermost
    /// last, and whether any section or inverted section encloses it.
    private struct Scope {
        var sections: [(path: String, isList: Bool)] = []
        var isOptional = false
    }

    static func fields(of template: Template, templates: [String: Template]?) -> TemplateFields {
        var analysis = FieldAnalysis(templates: templates)
        analysis.including = [template.name]
        analysis.collectRoots(template.nodes)
        analysis.record(template.nodes, in: Scope())
        let optional = analysis.optional.subtracting(analysis.required)
        return TemplateFields(required: analysis.required.sorted(), optional: optional.sorted(), lists: analysis.lists.sorted())
    }

    /// The paths `template` reads outside every section: the `required` of
    /// ``fields(of:templates:)``, found without classifying every other read
    /// (which is most of the cost). Each template is entered once: what a
    /// template reads outside sections does not depend on where it is included.
    static func requiredPaths(of template: Template, templates: [String: Template]?) -> [String] {
        var paths: [String] = []
        var entered = [template.name]
        collectRequired(template.nodes, templates: templates, entered: &entered, into: &paths)
        paths.sort()
        var unique: [String] = []
        unique.reserveCapacity(paths.count)
        for path in paths where path != unique.last { unique.append(path) }
        return unique
    }

    private static func collectRequired(_ nodes: [Node], templates: [String: Template]?, entered: inout [String], into paths: inout [String]) {
        for node in nodes {
            switch node {
            case .text, .section: continue
            case .variable(let variable): paths.append(variable.path.dotted)
            case .partial(let partial): collectRequired(partial.reference, templates: templates, entered: &entered, into: &paths)
            case .parent(let parent):
                for argument in parent.arguments.values { collectRequired(argument, templates: templates, entered: &entered, into: &paths) }
                collectRequired(parent.reference, templates: templates, entered: &entered, into: &paths)
            case .block(let block): collectRequired(block.defaultContent, templates: templates, entered: &entered, into: &paths)
            }
        }
    }

    private static func collectRequired(_ reference: TemplateReference, templates: [String: Template]?, entered: inout [String], into paths: inout [String]) {
        switch reference {
        case .dynamic(let path): paths.append(path.dotted)
        case .named(let name):
            guard let template = templates?[name], !entered.contains(name) else { return }
            entered.append(name)
            collectRequired(template.nodes, templates: templates, entered: &entered, into: &paths)
        }
    }

    private init(templates: [String: Template]?) {
        self.templates = templates
    }

    // MARK: Root names

    private mutating func collectRoots(_ nodes: [Node]) {
        for node in nodes {
            switch node {
            case .text: continue
            case .variable(let variable): addRoot(variable.path)
            case .section(let section):
                addRoot(section.path)
                if section.isInverted { collectRoots(section.children) }
            case .partial(let partial): visit(partial.reference) { $0.collectRoots($1) }
            case .parent(let parent):
                for argument in parent.arguments.values { collectRoots(argument) }
                visit(parent.reference) { $0.collectRoots($1) }
            case .block(let block): collectRoots(block.defaultContent)
            }
        }
    }

    private mutating func addRoot(_ path: VariablePath) {
        if let first = path.first { roots.insert(first) }
    }

    // MARK: Reads

    private mutating func record(_ nodes: [Node], in scope: Scope) {
        for node in nodes {
            switch node {
            case .text: continue
            case .variable(let variable): note(absolute(variable.path, in: scope), in: scope)
            case .section(let section): record(section, in: scope)
            case .partial(let partial): visit(partial.reference, readIn: scope) { $0.record($1, in: scope) }
            case .parent(let parent):
                for argument in parent.arguments.values { record(argument, in: scope) }
                visit(parent.reference, readIn: scope) { $0.record($1, in: scope) }
            case .block(let block): record(block.defaultContent, in: scope)
            }
        }
    }

    private mutating func record(_ section: SectionNode, in scope: Scope) {
        let path = absolute(section.path, in: scope)
        var inner = scope
        inner.isOptional = true
        if section.isInverted {
            optional.insert(path)
        } else {
            var visited = including
            let isList = readsRelativeNames(section.children, visited: &visited)
            if isList { lists.insert(path) } else { optional.insert(path) }
            inner.sections.append((path, isList))
        }
        record(section.children, in: inner)
    }

    private mutating func note(_ path: String, in scope: Scope) {
        if scope.isOptional { optional.insert(path) } else { required.insert(path) }
    }

    /// The path as the data root sees it (see ``TemplateFields``).
    private func absolute(_ path: VariablePath, in scope: Scope) -> String {
        guard let innermost = scope.sections.last else { return path.dotted }
        if path.isImplicit { return innermost.isList ? innermost.path + "[]" : innermost.path }
        if isRoot(path) { return path.dotted }
        return innermost.path + (innermost.isList ? "[]." : ".") + path.dotted
    }

    private func isRoot(_ path: VariablePath) -> Bool {
        path.first.map(roots.contains) ?? false
    }

    /// True when `nodes` read `{{.}}` or a relative name at their own level
    /// (nested sections count by their own path only).
    private func readsRelativeNames(_ nodes: [Node], visited: inout [String]) -> Bool {
        nodes.contains { node in
            switch node {
            case .text: return false
            case .variable(let variable): return !isRoot(variable.path)
            case .section(let section):
                return !isRoot(section.path) || (section.isInverted && readsRelativeNames(section.children, visited: &visited))
            case .partial(let partial):
                return readsRelativeNames(in: partial.reference, visited: &visited)
            case .parent(let parent):
                return parent.arguments.values.contains { readsRelativeNames($0, visited: &visited) }
                    || readsRelativeNames(in: parent.reference, visited: &visited)
            case .block(let block): return readsRelativeNames(block.defaultContent, visited: &visited)
            }
        }
    }

    private func readsRelativeNames(in reference: TemplateReference, visited: inout [String]) -> Bool {
        switch reference {
        case .dynamic(let path): return !isRoot(path)
        case .named(let name):
            guard let template = templates?[name], !visited.contains(name) else { return false }
            visited.append(name)
            return readsRelativeNames(template.nodes, visited: &visited)
        }
    }

    // MARK: Following partials

    /// Runs `body` on the nodes of a named template not already being
    /// visited; a dynamic name is recorded as a read when `scope` is given.
    private mutating func visit(
        _ reference: TemplateReference, readIn scope: Scope? = nil, _ body: (inout FieldAnalysis, [Node]) -> Void
    ) {
        switch reference {
        case .dynamic(let path):
            if let scope { note(absolute(path, in: scope), in: scope) } else { addRoot(path) }
        case .named(let name):
            guard let template = templates?[name], !including.contains(name) else { return }
            including.append(name)
            body(&self, template.nodes)
            including.removeLast()
        }
    }
}
