import MIMEWriter

/// RFC 3339 date-times (`2020-11-09T17:18:00+08:00`), the `--date` and
/// `onsite.time` format.
public enum RFC3339 {
    /// The moment and UTC offset of an RFC 3339 `date-time`, or `nil` when
    /// `text` is not one.
    ///
    /// Accepts `T`, `t` or a space between date and time, `Z`/`z` or
    /// `±hh:mm` as the offset (`-00:00` reads as UTC), and fractional
    /// seconds (dropped). Every field must be in range: month 1–12, day
    /// within its month, hour 0–23, minute 0–59, second 0–60 (a leap second
    /// reads as the next second), offset hours 0–23.
    public static func parse(_ text: String) -> (epochSeconds: Int64, utcOffsetMinutes: Int)? {
        try? read(text)
    }

    /// `parse`, with the reason when `text` is not a date-time (for
    /// messages such as `onsite.time: month 13 is out of range (1–12)`).
    /// - Throws: `RFC3339Error` saying which field is malformed or out of range.
    public static func read(_ text: String) throws(RFC3339Error) -> (epochSeconds: Int64, utcOffsetMinutes: Int) {
        var scanner = Scanner(bytes: Array(text.utf8))
        let year = try scanner.number(digits: 4, "year")
        try scanner.expect("-")
        let month = try scanner.number(digits: 2, "month", in: 1...12)
        try scanner.expect("-")
        let day = try scanner.number(digits: 2, "day", in: 1...daysIn(month: month, year: year))
        try scanner.expect(["T", "t", " "], "\"T\" between date and time")
        let hour = try scanner.number(digits: 2, "hour", in: 0...23)
        try scanner.expect(":")
        let minute = try scanner.number(digits: 2, "minute", in: 0...59)
        try scanner.expect(":")
        let second = try scanner.number(digits: 2, "second", in: 0...60)
        try scanner.skipFraction()
        let offset = try scanner.offset()
        guard scanner.isAtEnd else { throw RFC3339Error(message: "unexpected text after the time zone offset") }
        let date = MessageDate(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, utcOffsetMinutes: offset)
        return (date.epochSeconds, offset)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// A cursor over the ASCII bytes of a date-time.
    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        var isAtEnd: Bool { position == bytes.count }

        mutating func number(digits: Int, _ field: String, in range: ClosedRange<Int>? = nil) throws(RFC3339Error) -> Int {
            var value = 0
            for _ in 0..<digits {
                guard position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) else {
                    throw RFC3339Error(message: "expected \(digits) digits for the \(field)")
                }
                value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
                position += 1
            }
            if let range, !range.contains(value) {
                throw RFC3339Error(message: "\(field) \(value) is out of range (\(range.lowerBound)–\(range.upperBound))")
            }
            return value
        }

        mutating func expect(_ character: Unicode.Scalar) throws(RFC3339Error) {
            guard position < bytes.count, Unicode.Scalar(bytes[position]) == character else {
                throw RFC3339Error(message: "expected \"\(character)\" at character \(position + 1)")
            }
            position += 1
        }

        mutating func expect(_ characters: [Unicode.Scalar], _ what: String) throws(RFC3339Error) {
            guard position < bytes.count, characters.contains(Unicode.Scalar(bytes[position])) else {
                throw RFC3339Error(message: "expected \(what) at character \(position + 1)")
            }
            position += 1
        }

        mutating func skipFraction() throws(RFC3339Error) {
            guard position < bytes.count, bytes[position] == UInt8(ascii: ".") else { return }
            position += 1
            let start = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
                position += 1
            }
            guard position > start else { throw RFC3339Error(message: "expected digits after the decimal point") }
        }

        /// `Z`, `z` or `±hh:mm`, in minutes east of UTC.
        mutating func offset() throws(RFC3339Error) -> Int {
            guard position < bytes.count else {
                throw RFC3339Error(message: "missing time zone offset (\"Z\" or \"+08:00\")")
            }
            switch bytes[position] {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                position += 1
                return 0
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                let sign = bytes[position] == UInt8(ascii: "-") ? -1 : 1
                position += 1
                let hours = try number(digits: 2, "offset hour", in: 0...23)
                try expect(":")
                let minutes = try number(digits: 2, "offset minute", in: 0...59)
                return sign * (hours * 60 + minutes)
            default:
                throw RFC3339Error(message: "expected a time zone offset (\"Z\" or \"+08:00\") at character \(position + 1)")
            }
        }
    }
}

/// Why a text is not an RFC 3339 date-time.
public struct RFC3339Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, e.g. `month 13 is out of range (1–12)`.
    public let message: String

    public var description: String { message }
}
