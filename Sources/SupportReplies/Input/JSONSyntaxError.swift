/// A JSON syntax error as the parser finds it: a byte offset, a message,
/// and the path, collected innermost first while the error travels up.
struct JSONSyntaxError: Error {
    let offset: Int
    let message: String
    /// Path components, innermost first (reversed), appended on the way out.
    private(set) var reversedPath: [JSONPath.Component] = []
    /// False for errors whose path says nothing useful (256 levels of `[0]`).
    private let hasPath: Bool

    init(offset: Int, message: String, hasPath: Bool = true) {
        self.offset = offset
        self.message = message
        self.hasPath = hasPath
    }

    /// This error, seen from the container one level up.
    func inside(_ component: JSONPath.Component) -> JSONSyntaxError {
        guard hasPath else { return self }
        var copy = self
        copy.reversedPath.append(component)
        return copy
    }

    /// The public error: line and column counted now, root path left out.
    func dataError(in text: UnsafeBufferPointer<UInt8>, position: TextPosition) -> DataError {
        DataError(
            location: position.location(of: offset, in: text),
            path: reversedPath.isEmpty ? nil : JSONPath(reversedPath.reversed()),
            message: message)
    }
}
