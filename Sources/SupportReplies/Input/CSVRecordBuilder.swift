public import MustacheEngine

/// Turns CSV rows into case records, for mail merge from a spreadsheet.
///
/// The header names the fields: `customer.name` builds nested objects
/// (`{"customer": {"name": …}}`). Every cell is text. A cell of a column
/// whose path is a list is split at `;` into trimmed items, empty items
/// dropped. An empty cell is left out of the record (absent, not `""`), so
/// required-field checks see it as missing; other cells are kept exactly.
/// A column without a header name is ignored while its cells are empty.
///
/// Header problems (indexed names like `thread[0].body`, empty segments,
/// repeated or clashing columns) are reported by `record`, so a bad header
/// stops the first record.
public struct CSVRecordBuilder: Sendable {
    private struct Column: Sendable {
        let number: Int
        /// The object keys from the root; `nil` for a column without a name.
        let keys: [String]?
    }

    private let file: String
    private let columns: [Column]
    private let headerProblem: DataError?

    /// A builder for rows under `header`, read from `file` where the header
    /// is on `headerLine`.
    public init(header: [String], file: String, headerLine: Int = 1) {
        self.file = file
        let columns = header.enumerated().map { index, name in
            let trimmed = name.trimmingWhitespace
            return Column(
                number: index + 1,
                keys: trimmed.isEmpty
                    ? nil : trimmed.split(separator: ".", omittingEmptySubsequences: false).map(String.init))
        }
        self.columns = columns
        self.headerProblem = Self.problem(in: columns, names: header).map {
            DataError(location: SourceLocation(file: file, line: headerLine, column: 0), message: $0)
        }
    }

    /// The record for one row that starts on `line`.
    ///
    /// - Parameter isList: whether the field at a path is a list (a kind's
    ///   `compose fields` lists), so its cells are split at `;`.
    /// - Throws: `DataError` for a bad header, a row with the wrong number of
    ///   fields (`file:line: expected N fields, found M`), or a value in a
    ///   column without a name.
    public func record(_ fields: [String], line: Int, isList: (JSONPath) -> Bool) throws(DataError) -> TemplateValue {
        if let headerProblem { throw headerProblem }
        let location = SourceLocation(file: file, line: line, column: 0)
        guard fields.count == columns.count else {
            throw DataError(location: location, message: "expected \(columns.count) fields, found \(fields.count)")
        }
        var record = TemplateObject()
        for (column, cell) in zip(columns, fields) where !cell.isEmpty {
            guard let keys = column.keys else {
                throw DataError(location: location, message: "column \(column.number) has a value but no header name")
            }
            let path = JSONPath(keys.map { .key($0) })
            let value: TemplateValue = isList(path) ? Self.listValue(cell) : .string(cell)
            if value == .list([]) { continue }
            Self.insert(value, at: keys[...], into: &record)
        }
        return .object(record)
    }

    /// `a; b ;;c` → `["a", "b", "c"]`
    private static func listValue(_ cell: String) -> TemplateValue {
        .list(cell.split(separator: ";").map { $0.trimmingWhitespace }.filter { !$0.isEmpty }.map { .string($0) })
    }

    private static func insert(_ value: TemplateValue, at keys: ArraySlice<String>, into object: inout TemplateObject) {
        guard let key = keys.first else { return }
        guard keys.count > 1 else {
            object[key] = value
            return
        }
        var child = object[key]?.objectValue ?? TemplateObject()
        insert(value, at: keys.dropFirst(), into: &child)
        object[key] = .object(child)
    }

    /// The first problem with the header, as a message, or `nil`.
    private static func problem(in columns: [Column], names: [String]) -> String? {
        var seen: [[String]] = []
        for column in columns {
            guard let keys = column.keys else { continue }
            let name = names[column.number - 1].trimmingWhitespace
            if name.contains("[") || name.contains("]") {
                return "column '\(name)': indexed names are not supported; name nested fields with dots (customer.name)"
            }
            if keys.contains(where: \.isEmpty) {
                return "column '\(name)': empty name between dots"
            }
            for other in seen {
                if other == keys { return "column '\(name)' appears twice" }
                if other.starts(with: keys) || keys.starts(with: other) {
                    return
                        "column '\(name)' clashes with column '\(other.joined(separator: "."))': one is inside the other"
                }
            }
            seen.append(keys)
        }
        return nil
    }
}
