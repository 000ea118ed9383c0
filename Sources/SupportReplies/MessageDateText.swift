import MIMEWriter

/// Fixed-width numeric forms of a moment.
enum MessageDateText {
    /// Appends the `yyyymmddhhmmss` UTC stamp of `epochSeconds`.
    static func appendUTCStamp(_ epochSeconds: Int64, to bytes: inout [UInt8]) {
        let date = MessageDate(epochSeconds: epochSeconds, utcOffsetMinutes: 0)
        bytes.appendDecimal(date.year, width: 4)
        bytes.appendDecimal(date.month, width: 2)
        bytes.appendDecimal(date.day, width: 2)
        bytes.appendDecimal(date.hour, width: 2)
        bytes.appendDecimal(date.minute, width: 2)
        bytes.appendDecimal(date.second, width: 2)
    }
}
