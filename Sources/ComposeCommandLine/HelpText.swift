/// Help screens, generated from `CommandTable` so they never drift from the parser.
enum HelpText {
    static let version = "compose 0.1.0"

    static func overview(kinds: [String]) -> String {
        var lines = [
            CommandTable.top.summary, "",
            "Usage:",
            "  compose KIND [--case FILE] [options]",
            "      Render one reply of KIND (case JSON on stdin by default)",
        ]
        for command in CommandTable.commands {
            lines.append("  " + command.usage)
            lines.append("      " + firstSentence(command.summary))
        }
        lines += [
            "  compose --help | CMD --help | --version", "",
            "Kinds: " + kinds.joined(separator: ", "), "",
            "Examples:",
            "  compose analysis-result --case case.json --profile profile.json",
            "  compose closure --format mime -o reply.eml < case.json",
            "  compose initial-response --format mime < case.json | sendmail -t",
            "  compose batch --input cases.jsonl --out-dir outbox/", "",
            "Exit status: 0 ok, 64 usage, 65 data, 66 input unreadable, 73 output cannot be created,",
            "74 write error, 78 invalid template or locale.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    static func command(_ spec: CommandSpec) -> String {
        var lines = ["Usage: " + spec.usage, "", spec.summary, "", "Options:"]
        for option in spec.options {
            var left = "--" + option.name
            if let short = option.short { left = "-\(short), " + left }
            if let value = option.valueName { left += " " + value }
            lines.append("  " + pad(left, to: 24) + " " + option.help)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func pad(_ text: String, to width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private static func firstSentence(_ text: String) -> String {
        text.split(separator: ".", maxSplits: 1).first.map(String.init) ?? text
    }
}
