public import MIMEWriter

/// How a locale writes a moment in prose (`dates.long` in the locale file):
/// `2020年11月27日(星期五) 下午3:52`, `Friday, November 27, 2020 3:52 PM`.
///
/// Placeholders: `{year}`, `{month}`, `{day}` (unpadded), `{month2}`,
/// `{day2}`, `{hour}` (0–23), `{hour2}`, `{hour12}` (12, 1 … 11: midnight
/// is 12 AM, noon 12 PM), `{minute2}`, `{second2}`, `{weekday}`,
/// `{monthName}`, `{ampm}` and `{offset}` (`+08:00`).
public struct DateStyle: Sendable, Equatable {
    static let placeholders = [
        "year", "month", "day", "month2", "day2", "hour", "hour2", "hour12", "minute2", "second2",
        "weekday", "monthName", "ampm", "offset",
    ]

    private let pattern: String
    private let weekdays: [String]
    private let months: [String]
    private let ante: String
    private let post: String

    /// A style from a validated pattern, 7 weekday names (Sunday first),
    /// 12 month names and the before/after-noon markers.
    init(pattern: String, weekdays: [String], months: [String], ante: String, post: String) {
        self.pattern = pattern
        self.weekdays = weekdays
        self.months = months
        self.ante = ante
        self.post = post
    }

    /// `date` written in this style, at the date's own UTC offset.
    public func write(_ date: MessageDate) -> String {
        PlaceholderPattern.fill(pattern) { placeholder in
            switch placeholder {
            case "year": return String(date.year)
            case "month": return String(date.month)
            case "day": return String(date.day)
            case "month2": return Self.twoDigits(date.month)
            case "day2": return Self.twoDigits(date.day)
            case "hour": return String(date.hour)
            case "hour2": return Self.twoDigits(date.hour)
            case "hour12": return String(date.hour % 12 == 0 ? 12 : date.hour % 12)
            case "minute2": return Self.twoDigits(date.minute)
            case "second2": return Self.twoDigits(date.second)
            case "weekday": return weekdays[date.weekday]
            case "monthName": return months[date.month - 1]
            case "ampm": return date.hour < 12 ? ante : post
            case "offset": return Self.offset(date.utcOffsetMinutes)
            default: return nil
            }
        }
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }

    /// `+08:00`, `-03:30`, `+00:00`.
    private static func offset(_ minutes: Int) -> String {
        let sign = minutes < 0 ? "-" : "+"
        let magnitude = abs(minutes)
        return sign + twoDigits(magnitude / 60) + ":" + twoDigits(magnitude % 60)
    }
}
