import MustacheEngine
import Testing

@Suite("Rendering")
struct RendererTests {
    private func render(
        _ source: String, _ data: TemplateValue, partials: [String: String] = [:], escaping: RenderOptions.Escaping = .html
    ) throws -> String {
        var sources = partials
        sources["main"] = source
        return try TemplateSet(sources: sources).render("main", data: data, options: RenderOptions(escaping: escaping))
    }

    @Test(
        "numbers print their literal text",
        arguments: ["1.50", "1e3", "-0", "12345678901234567890", "0.1", "7"])
    func numberLiterals(literal: String) throws {
        #expect(try render("[{{n}}|{{{n}}}]", ["n": .number(literal)]) == "[\(literal)|\(literal)]")
    }

    @Test func scalarsPrintAsText() throws {
        let data: TemplateValue = ["yes": true, "no": false, "nothing": nil, "list": ["a"], "object": ["k": "v"]]
        #expect(try render("{{yes}} {{no}} [{{nothing}}] [{{list}}] [{{object}}]", data) == "true false [] [] []")
    }

    @Test func htmlEscapingCoversQuotesAndApostrophes() throws {
        let data: TemplateValue = ["v": #"<a href="x">Tom & Jerry's</a>"#]
        #expect(
            try render("{{v}}", data) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
    }

    @Test func escapingNonePrintsValuesRaw() throws {
        let data: TemplateValue = ["v": "<b> & \"q\"", "f": .lambda(TemplateLambda { _ in "<{{v}}>" })]
        #expect(try render("{{v}}|{{{v}}}|{{&v}}|{{f}}", data, escaping: .none) == "<b> & \"q\"|<b> & \"q\"|<b> & \"q\"|<<b> & \"q\">")
        #expect(try render("{{v}}|{{{v}}}", data, escaping: .html) == "&lt;b&gt; &amp; &quot;q&quot;|<b> & \"q\"")
        // A variable lambda's result is rendered (escaping its own tags), then
        // escaped again as the tag asks, as the spec's reference does.
        #expect(try render("{{{f}}}", data, escaping: .html) == "<&lt;b&gt; &amp; &quot;q&quot;>")
        #expect(try render("{{f}}", data, escaping: .html) == "&lt;&amp;lt;b&amp;gt; &amp;amp; &amp;quot;q&amp;quot;&gt;")
    }

    @Test func unicodeTextAndValuesPassThrough() throws {
        let data: TemplateValue = ["name": "王芳", "emoji": "👩🏽‍💻"]
        #expect(try render("{{name}}女士 您好 {{emoji}}\n", data) == "王芳女士 您好 👩🏽‍💻\n")
    }

    @Test func standalonePartialIndentsItsOwnLinesOnly() throws {
        let partials = ["box": "| {{text}}\n{{#rows}}\n| {{.}}\n{{/rows}}\n", "inline": "a\nb"]
        let data: TemplateValue = ["text": "one\ntwo", "rows": ["r1", "r2"]]
        #expect(
            try render("  {{>box}}\n> {{>inline}}\n", data, partials: partials)
                == "  | one\ntwo\n  | r1\n  | r2\n> a\nb\n")
    }

    @Test func nestedStandalonePartialsAddTheirIndentation() throws {
        let partials = ["outer": "o\n  {{>inner}}\n", "inner": "i1\ni2\n"]
        #expect(try render("  {{>outer}}\n", [:], partials: partials) == "  o\n    i1\n    i2\n")
    }

    @Test func intoAppendsUTF8() throws {
        let set = TemplateSet([try Template(name: "t", source: "{{a}}é")])
        var output = Array("> ".utf8)
        try set.render("t", data: ["a": "ü"], options: RenderOptions(), into: &output)
        #expect(String(decoding: output, as: UTF8.self) == "> üé")
    }

    @Test func runawayRecursionIsAnError() throws {
        let set = try TemplateSet(sources: ["loop": "x{{>loop}}"])
        #expect(throws: TemplateRenderError.self) { try set.render("loop", data: [:]) }
    }

    @Test func lambdaResultThatDoesNotCompileIsARenderError() throws {
        let set = try TemplateSet(sources: ["main": "a\n {{broken}}"])
        let data: TemplateValue = ["broken": .lambda(TemplateLambda { _ in "{{#open}}" })]
        #expect(throws: TemplateRenderError.self) { try set.render("main", data: data) }
        do {
            _ = try set.render("main", data: data)
        } catch {
            #expect(error.line == 2 && error.column == 2)
            #expect(error.message.contains("unclosed section 'open'"))
        }
    }

    @Test func setReplacesTemplatesByName() throws {
        var set = TemplateSet([try Template(name: "a", source: "1"), try Template(name: "a", source: "2")])
        #expect(try set.render("a", data: [:]) == "2")
        set.insert(try Template(name: "b", source: "{{>a}}3"))
        #expect(set.names == ["a", "b"])
        #expect(try set.render("b", data: [:]) == "23")
        #expect(set["c"] == nil && set["b"]?.name == "b")
    }
}
