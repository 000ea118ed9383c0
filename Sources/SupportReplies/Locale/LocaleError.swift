/// A locale file that does not follow the schema: the key path of the
/// offending value (`salutation.with_honorific`, `dates.weekdays[3]`) and
/// what is wrong with it.
public struct LocaleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The dotted key path of the value, with `[n]` for list items; empty
    /// when the locale as a whole is wrong (not an object).
    public let key: String
    /// What is wrong, e.g. `required key is missing`.
    public let message: String

    /// An error about the value at `key`.
    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }

    /// `key: message`, or just the message for the whole locale.
    public var description: String { key.isEmpty ? message : "\(key): \(message)" }
}
