import MIMEWriter

/// Fixed-width numeric forms of a moment.
enum MessageDateText {
    /// `yyyymmddhhmmss` in UTC.
    static func utcStamp(_ epochSeconds: Int64) -> String {
        let date = MessageDate(epochSeconds: epochSeconds, utcOffsetMinutes: 0)
        return [date.year, date.month, date.day, date.hour, date.minute, date.second]
            .enumerated()
            .map { index, value in pad(value, to: index == 0 ? 4 : 2) }
            .joined()
    }

    static func pad(_ value: Int, to width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
