public import MIMEWriter

/// How a locale writes a moment in prose (`dates.long` in the locale file):
/// `2020年11月27日(星期五) 下午3:52`, `Friday, November 27, 2020 3:52 PM`.
///
/// Placeholders: `{year}`, `{month}`, `{day}` (unpadded), `{month2}`,
/// `{day2}`, `{hour}` (0–23), `{hour2}`, `{hour12}` (12, 1 … 11: midnight
/// is 12 AM, noon 12 PM), `{minute2}`, `{second2}`, `{weekday}`,
/// `{monthName}`, `{ampm}` and `{offset}` (`+08:00`).
public struct DateStyle: Sendable, Equatable {
    /// The placeholders' names, in the order of `Field`'s cases.
    static let placeholders = [
        "year", "month", "day", "month2", "day2", "hour", "hour2", "hour12", "minute2", "second2",
        "weekday", "monthName", "ampm", "offset",
    ]

    /// The literal text of the pattern: `literals[i]` comes before
    /// `fields[i]`, and the last one ends it.
    private let literals: [String]
    /// The fields of the placeholders, as `Field` raw values. (Bytes and
    /// strings rather than an array of pieces: an array of a type of its
    /// own costs its set-up at start-up.)
    private let fields: [UInt8]
    private let weekdays: [String]
    private let months: [String]
    private let ante: String
    private let post: String

    /// The values a placeholder can name, in the order of `placeholders`.
    private enum Field: UInt8 {
        case year, month, day, month2, day2, hour, hour2, hour12, minute2, second2
        case weekday, monthName, ampm, offset
    }

    /// A style from a validated pattern, 7 weekday names (Sunday first),
    /// 12 month names and the before/after-noon markers. (An unknown
    /// placeholder, which validation rejects, would be written as it stands.)
    init(pattern: PlaceholderPattern, weekdays: [String], months: [String], ante: String, post: String) {
        var literals: [String] = []
        var fields: [UInt8] = []
        var literal = ""
        pattern.forEachPiece(
            literal: { literal += $0 },
            placeholder: { name in
                if let index = Self.placeholders.firstIndex(of: name) {
                    literals.append(literal)
                    literal = ""
                    fields.append(UInt8(index))
                } else {
                    literal += "{" + name + "}"
                }
            })
        literals.append(literal)
        self.literals = literals
        self.fields = fields
        self.weekdays = weekdays
        self.months = months
        self.ante = ante
        self.post = post
    }

    /// `date` written in this style, at the date's own UTC offset.
    public func write(_ date: MessageDate) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for (position, literal) in literals.enumerated() {
            if !literal.isEmpty { text.append(contentsOf: literal.utf8) }
            if position < fields.count { append(Field(rawValue: fields[position])!, of: date, to: &text) }
        }
        return String(decoding: text, as: UTF8.self)
    }

    private func append(_ field: Field, of date: MessageDate, to text: inout [UInt8]) {
        switch field {
        case .year: text.appendDecimal(date.year)
        case .month: text.appendDecimal(date.month)
        case .day: text.appendDecimal(date.day)
        case .month2: text.appendDecimal(date.month, width: 2)
        case .day2: text.appendDecimal(date.day, width: 2)
        case .hour: text.appendDecimal(date.hour)
        case .hour2: text.appendDecimal(date.hour, width: 2)
        case .hour12: text.appendDecimal(date.hour % 12 == 0 ? 12 : date.hour % 12)
        case .minute2: text.appendDecimal(date.minute, width: 2)
        case .second2: text.appendDecimal(date.second, width: 2)
        case .weekday: text.append(contentsOf: weekdays[date.weekday].utf8)
        case .monthName: text.append(contentsOf: months[date.month - 1].utf8)
        case .ampm: text.append(contentsOf: (date.hour < 12 ? ante : post).utf8)
        case .offset: Self.appendOffset(date.utcOffsetMinutes, to: &text)
        }
    }

    /// `+08:00`, `-03:30`, `+00:00`.
    private static func appendOffset(_ minutes: Int, to text: inout [UInt8]) {
        text.append(minutes < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        text.appendDecimal(abs(minutes) / 60, width: 2)
        text.append(UInt8(ascii: ":"))
        text.appendDecimal(abs(minutes) % 60, width: 2)
    }
}
