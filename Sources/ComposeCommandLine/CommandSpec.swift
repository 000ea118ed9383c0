/// An option a command accepts.
struct OptionSpec {
    /// The long name without dashes (`output`).
    let name: String
    /// An optional one-letter name (`o` for `-o`).
    let short: String?
    /// The placeholder shown in help (`FILE`); nil for a flag.
    let valueName: String?
    /// True when the option may be given more than once.
    let repeatable: Bool
    /// One line of help.
    let help: String

    init(_ name: String, short: String? = nil, value: String? = nil, repeatable: Bool = false, _ help: String) {
        self.name = name
        self.short = short
        self.valueName = value
        self.repeatable = repeatable
        self.help = help
    }

    var takesValue: Bool { valueName != nil }
}

/// A command: its name, what it does, its positional arguments and options.
/// This one table drives both parsing and `--help`.
struct CommandSpec {
    let name: String
    let usage: String
    let summary: String
    let options: [OptionSpec]

    func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name || $0.short == name }
    }
}

/// The command line after matching: option values by long name, flags, positionals.
struct ParsedArguments {
    private(set) var values: [String: [String]] = [:]
    private(set) var positionals: [String] = []

    /// The last value of an option, or nil.
    func value(_ name: String) -> String? { values[name]?.last }

    /// Every value of a repeatable option, in order.
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// True when a flag was given.
    func flag(_ name: String) -> Bool { values[name] != nil }

    /// Matches split elements against a command's options; unknown options,
    /// missing values, values given to flags and repeats of single options are usage errors.
    static func parse(_ elements: [ArgumentElement], for command: CommandSpec) throws(Failure) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        while index < elements.count {
            switch elements[index] {
            case .terminator:
                break
            case .value(let text, _):
                parsed.positionals.append(text)
            case .option(let name, let inlineValue, _):
                guard let spec = command.option(named: name) else {
                    throw .usage("unknown option '\(display(name))' for 'compose \(command.name)'")
                }
                var value = inlineValue ?? ""
                if spec.takesValue && inlineValue == nil {
                    guard index + 1 < elements.count, case .value(let next, _) = elements[index + 1] else {
                        throw .usage("option '\(display(name))' needs a value (\(spec.valueName!))")
                    }
                    value = next
                    index += 1
                } else if !spec.takesValue && inlineValue != nil {
                    throw .usage("option '\(display(name))' takes no value")
                }
                if !spec.repeatable && parsed.values[spec.name] != nil {
                    throw .usage("option '--\(spec.name)' is given more than once")
                }
                parsed.values[spec.name, default: []].append(value)
            }
            index += 1
        }
        return parsed
    }

    private static func display(_ name: String) -> String {
        name.count == 1 ? "-" + name : "--" + name
    }
}
