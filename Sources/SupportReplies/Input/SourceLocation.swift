/// A place in a source text: `file:line:column`, both numbers 1-based.
///
/// The column counts Unicode scalars on the line, so a Chinese character is
/// one column, as editors show it. A column of `0` means "this whole line"
/// (CSV rows, for example) and is left out when printed: `file:line`.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    /// The name the text is known by in messages (`case.json`, `<stdin>`).
    public let file: String
    /// The 1-based line number.
    public let line: Int
    /// The 1-based column in Unicode scalars, or `0` for the whole line.
    public let column: Int

    /// A location; pass `column: 0` when only the line is known.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, or `file:line` when the column is `0`.
    public var description: String {
        column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
    }
}
