import Foundation
import Testing

/// The README shows real output and commands that work.
@Suite("README")
struct ReadmeTests {
    static let readme = (try? String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""

    @Test("the gallery is the golden output of every kind (scripts/readme-gallery)", arguments: GoldenReplyTests.kinds, GoldenReplyTests.locales)
    func galleryIsCurrent(kind: String, locale: String) throws {
        let golden = try String(contentsOf: Golden.folder.appendingPathComponent("\(kind).\(locale).txt"), encoding: .utf8)
        #expect(Self.readme.contains("```text\n" + golden + "```\n"), "run scripts/readme-gallery")
    }

    @Test func firstScreenHasTheTwoCommands() {
        let firstScreen = Self.readme.split(separator: "\n", omittingEmptySubsequences: false).prefix(30).joined(separator: "\n")
        #expect(firstScreen.contains("swift run compose analysis-result --case examples/case-zh.json --profile examples/profile-zh.json"))
        #expect(firstScreen.contains("swift test"))
    }

    @Test func firstCommandWorksAsWritten() throws {
        let result = try BinaryRunner.run(
            ["analysis-result", "--case", "examples/case-zh.json", "--profile", "examples/profile-zh.json"], in: BinaryRunner.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text.contains("分析发现"))
    }
}
