import MustacheEngine
import Testing

@Suite("Mustache spec")
struct SpecTests {
    /// The name the row's template gets in its set (no spec partial uses it).
    static let templateName = "(template)"

    @Test(
        "spec row renders as expected",
        .enabled(if: SpecCase.folderExists, "../shared/mustache-spec is absent; spec rows not run"),
        arguments: SpecCase.all)
    func specRow(_ row: SpecCase) throws {
        #expect(!row.missingLambda, "no Swift closure for lambda row '\(row.name)'")
        var sources = row.partials
        sources[Self.templateName] = row.template
        let set = try TemplateSet(sources: sources)
        let output = try set.render(Self.templateName, data: row.data)
        #expect(output == row.expected)
    }

    @Test(.enabled(if: SpecCase.folderExists, "../shared/mustache-spec is absent"))
    func everySpecFileHasRows() {
        let files = Set(SpecCase.all.map(\.file))
        #expect(files.count == SpecCase.files.count)
        #expect(SpecCase.all.count >= 190)
    }
}
