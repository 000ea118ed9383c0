import MIMEWriter

/// Fixed-width numeric forms of a moment.
enum MessageDateText {
    /// `yyyymmddhhmmss` in UTC.
    static func utcStamp(_ epochSeconds: Int64) -> String {
        let date = MessageDate(epochSeconds: epochSeconds, utcOffsetMinutes: 0)
        var digits: [UInt8] = []
        digits.reserveCapacity(14)
        for (value, width) in [(date.year, 4), (date.month, 2), (date.day, 2), (date.hour, 2), (date.minute, 2), (date.second, 2)] {
            appendDigits(of: value, width: width, to: &digits)
        }
        return String(decoding: digits, as: UTF8.self)
    }

    /// Appends `value` (not negative) in decimal, zero-padded to `width` digits.
    private static func appendDigits(of value: Int, width: Int, to digits: inout [UInt8]) {
        let start = digits.count
        var rest = value
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0 || digits.count - start < width
        digits[start...].reverse()
    }
}
