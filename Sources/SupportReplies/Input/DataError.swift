/// A problem with input data: what went wrong, and where.
///
/// Printed as `file:line:column: path: message`; the location and the path
/// are left out when they are not known. A problem at the root of a JSON
/// text has no path (it would only print `$`).
public struct DataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where in the source text, when known.
    public var location: SourceLocation?
    /// The JSON path of the value concerned, when known.
    public var path: JSONPath?
    /// What is wrong, in lower case, without a final period.
    public var message: String

    /// An error with as much of the "where" as is known.
    public init(location: SourceLocation? = nil, path: JSONPath? = nil, message: String) {
        self.location = location
        self.path = path
        self.message = message
    }

    /// `file:line:column: path: message`, leaving out the unknown parts.
    public var description: String {
        var parts: [String] = []
        if let location { parts.append(location.description) }
        if let path { parts.append(path.description) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}
