import MustacheEngine

/// Why a reply could not be composed: one or more problems of one category.
///
/// The category decides the exit status (usage 64, data 65, config 78); each
/// problem carries the JSON path of the data at fault, or the file position
/// of the template or locale at fault, so every message says what and where.
public struct CompositionError: Error, Sendable {
    /// What kind of input is at fault.
    public enum Category: Sendable, Equatable {
        /// The request: unknown kind or locale.
        case usage
        /// The case data: missing, empty or wrongly typed fields.
        case data
        /// A template or locale file.
        case config
    }

    /// One problem: what is wrong and where (the data's JSON path, or a
    /// template's or locale's file position), printed `file:line:column: path: message`.
    public typealias Problem = DataError

    public let category: Category
    public var problems: [Problem]

    public init(_ category: Category, _ problems: [Problem]) {
        self.category = category
        self.problems = problems
    }

    static func usage(_ message: String) -> CompositionError {
        CompositionError(.usage, [Problem(message: message)])
    }

    static func data(_ path: JSONPath, _ message: String) -> CompositionError {
        CompositionError(.data, [Problem(path: path, message: message)])
    }

    static func config(_ location: SourceLocation?, _ message: String) -> CompositionError {
        CompositionError(.config, [Problem(location: location, message: message)])
    }
}
