/// One piece of the command line, with its position in argv for messages.
enum ArgumentElement: Equatable {
    /// `--name`, `--name=value` or `-n` (value only from the `=` form).
    case option(name: String, inlineValue: String?, index: Int)
    /// Anything else: a positional argument or an option's value.
    case value(String, index: Int)
    /// Everything after `--` is positional.
    case terminator(index: Int)
}

/// Splits argv into options and values before anything is matched, so
/// matching can use exact names only (`--out` is never taken for `--output`).
enum ArgumentSplitter {
    static func split(_ arguments: [String]) -> [ArgumentElement] {
        var elements: [ArgumentElement] = []
        var afterTerminator = false
        for (index, argument) in arguments.enumerated() {
            if afterTerminator {
                elements.append(.value(argument, index: index))
            } else if argument == "--" {
                afterTerminator = true
                elements.append(.terminator(index: index))
            } else if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                if let equals = body.firstIndex(of: "=") {
                    elements.append(.option(name: String(body[..<equals]), inlineValue: String(body[body.index(after: equals)...]), index: index))
                } else {
                    elements.append(.option(name: String(body), inlineValue: nil, index: index))
                }
            } else if argument.hasPrefix("-") && argument.count > 1 {
                elements.append(.option(name: String(argument.dropFirst()), inlineValue: nil, index: index))
            } else {
                elements.append(.value(argument, index: index))
            }
        }
        return elements
    }
}
