/// Every command and option compose accepts: the single source for parsing and help.
enum CommandTable {
    static let help = OptionSpec("help", short: "h", "show this help")

    static let templates = OptionSpec("templates", value: "DIR", "templates laid out as DIR/<locale>/<kind>.mustache; they win over built-ins")
    static let locales = OptionSpec("locales", value: "DIR", "locale files DIR/<locale>.json; their keys win over built-ins")
    static let locale = OptionSpec("locale", value: "L", "zh-CN, en-US, … (default: the case's locale, else the profile's, else zh-CN)")

    /// Options shared by `compose KIND`, `compose check` and `compose batch`.
    static let composing: [OptionSpec] = [
        OptionSpec("profile", value: "FILE", "sender defaults merged under the case (default: $COMPOSE_PROFILE)"),
        locale,
        OptionSpec("format", value: "F", "text, mime (.eml) or json (default: text; batch: mime to --out-dir/--mbox, else json)"),
        OptionSpec("date", value: "T", "send time, RFC 3339 (default: $SOURCE_DATE_EPOCH, else now)"),
        OptionSpec("attach", value: "FILE", repeatable: true, "attach a file (repeatable; mime only)"),
        OptionSpec("html", "add a text/html alternative (mime only)"),
        OptionSpec("no-secrets", "treat password- or token-like values as errors instead of warnings"),
        templates,
        locales,
        help,
    ]

    static let reply = CommandSpec(
        name: "KIND", usage: "compose KIND [--case FILE] [options]",
        summary: "Render one reply of KIND from one case (JSON on stdin by default).",
        options: [
            OptionSpec("case", value: "FILE", "case JSON; - is stdin (default: stdin)"),
            OptionSpec("output", short: "o", value: "FILE", "write there instead of stdout; never overwrites without --force"),
            OptionSpec("force", "overwrite an existing output file"),
        ] + composing)

    static let check = CommandSpec(
        name: "check", usage: "compose check KIND [--case FILE] [options]",
        summary: "Validate a case for KIND without writing output: every problem, one a line.",
        options: [OptionSpec("case", value: "FILE", "case JSON; - is stdin (default: stdin)")] + composing)

    static let batch = CommandSpec(
        name: "batch", usage: "compose batch [--input FILE] (--out-dir DIR | --mbox FILE | --format json) [options]",
        summary: "Render many cases: JSON Lines, one JSON array, or CSV.",
        options: [
            OptionSpec("input", value: "FILE", "the cases (default: stdin)"),
            OptionSpec("input-format", value: "F", "jsonl, json or csv (default: from the file name, else jsonl)"),
            OptionSpec("kind", value: "KIND", "the reply kind for records without a 'kind' field"),
            OptionSpec("out-dir", value: "DIR", "one file per case, <case.number>-<kind>.eml (.txt, .json)"),
            OptionSpec("mbox", value: "FILE", "one mboxrd file with every message"),
            OptionSpec("keep-going", "report bad records and go on; exit 65 at the end"),
            OptionSpec("jobs", value: "N", "render on N threads (default: the number of cores)"),
            OptionSpec("limit", value: "N", "render at most N records"),
            OptionSpec("resume", value: "N", "start at record N (1-based), skipping those before"),
            OptionSpec("force", "overwrite existing output files"),
        ] + composing)

    static let kinds = CommandSpec(
        name: "kinds", usage: "compose kinds [--templates DIR]",
        summary: "List the reply kinds and the locales each exists in.",
        options: [templates, help])

    static let fields = CommandSpec(
        name: "fields", usage: "compose fields KIND [--locale L] [--templates DIR]",
        summary: "List the case fields KIND reads: required, optional, lists (derived from the templates).",
        options: [locale, templates, help])

    static let render = CommandSpec(
        name: "render", usage: "compose render TEMPLATE [--data FILE] [--text]",
        summary: "Render one Mustache file with JSON data, exactly the rendered bytes; {{> name}} reads name.mustache beside TEMPLATE.",
        options: [
            OptionSpec("data", value: "FILE", "JSON data; - is stdin (default: no data)"),
            OptionSpec("text", "render as replies do: no HTML escaping, missing variables are errors"),
            help,
        ])

    static let top = CommandSpec(
        name: "compose", usage: "compose KIND [options] | compose COMMAND [options]",
        summary: "compose writes technical-support replies from case JSON.",
        options: [help, OptionSpec("version", "print the version")])

    static let commands: [CommandSpec] = [batch, kinds, fields, check, render]
}
