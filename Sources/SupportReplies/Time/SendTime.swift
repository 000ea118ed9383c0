#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A send time that cannot be read: where it came from (`--date`,
/// `SOURCE_DATE_EPOCH`), the value, and what is wrong with it.
public struct SendTimeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--date` or `SOURCE_DATE_EPOCH`.
    public let source: String
    /// The value as given.
    public let value: String
    /// What is wrong with it.
    public let message: String

    /// `--date: "2020-13-09T17:18:00+08:00" is not an RFC 3339 date-time: month 13 is out of range (1–12)`.
    public var description: String { "\(source): \"\(value)\" \(message)" }
}

/// The moment a reply is sent.
public enum SendTime {
    /// The latest moment written as a four-digit year (9999-12-31T23:59:59Z).
    static let latestEpochSeconds: Int64 = 253_402_300_799

    /// The `--date` value, else `SOURCE_DATE_EPOCH` (integer seconds; offset
    /// UTC), else now (UTC): the send moment and its offset.
    ///
    /// `dateOption` is an RFC 3339 date-time and keeps its own offset.
    /// `sourceDateEpoch` is a non-negative decimal integer of seconds since
    /// 1970-01-01T00:00:00Z, as reproducible builds define it; an empty
    /// value counts as unset.
    /// - Throws: `SendTimeError` naming the option or variable and the value.
    public static func resolve(
        dateOption: String?, sourceDateEpoch: String?
    ) throws(SendTimeError) -> (epochSeconds: Int64, utcOffsetMinutes: Int) {
        if let dateOption {
            do {
                return try RFC3339.read(dateOption)
            } catch {
                throw SendTimeError(
                    source: "--date", value: dateOption, message: "is not an RFC 3339 date-time: \(error.message)")
            }
        }
        if let sourceDateEpoch, !sourceDateEpoch.isEmpty {
            guard let seconds = epochSeconds(sourceDateEpoch) else {
                throw SendTimeError(
                    source: "SOURCE_DATE_EPOCH", value: sourceDateEpoch,
                    message: "is not a whole number of seconds between 0 and \(latestEpochSeconds)")
            }
            return (seconds, 0)
        }
        return (Int64(time(nil)), 0)
    }

    private static func epochSeconds(_ text: String) -> Int64? {
        var seconds: Int64 = 0
        for byte in text.utf8 {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            seconds = seconds * 10 + Int64(byte - UInt8(ascii: "0"))
            guard seconds <= latestEpochSeconds else { return nil }
        }
        return seconds
    }
}
