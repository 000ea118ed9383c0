/// A moment as the sender's wall clock showed it: broken-down local time
/// plus the offset from UTC. Calendar arithmetic is proleptic Gregorian, done
/// here without Foundation.
public struct MessageDate: Sendable, Equatable {
    public var year, month, day, hour, minute, second: Int
    /// Local time minus UTC, in minutes: `480` for +08:00, `-210` for -03:30.
    public var utcOffsetMinutes: Int

    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, utcOffsetMinutes: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// The wall-clock time at `epochSeconds` (seconds since 1970-01-01T00:00:00Z)
    /// in a zone `utcOffsetMinutes` ahead of UTC.
    public init(epochSeconds: Int64, utcOffsetMinutes: Int) {
        let local = epochSeconds + Int64(utcOffsetMinutes) * 60
        let days = Self.floorDivide(local, 86_400)
        let secondOfDay = Int(local - days * 86_400)
        let (year, month, day) = Self.civil(fromDays: days)
        self.init(
            year: year, month: month, day: day,
            hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60,
            utcOffsetMinutes: utcOffsetMinutes)
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    public var epochSeconds: Int64 {
        let days = Self.days(fromCivil: year, month, day)
        let seconds = Int64(hour * 3600 + minute * 60 + second - utcOffsetMinutes * 60)
        return days * 86_400 + seconds
    }

    /// Day of the week of the local date: 0 = Sunday … 6 = Saturday.
    public var weekday: Int {
        Self.weekday(ofDay: Self.days(fromCivil: year, month, day))
    }

    /// Day of the week of the day `days` after 1970-01-01 (a Thursday).
    private static func weekday(ofDay days: Int64) -> Int {
        Int(floorModulo(days + 4, 7))
    }

    /// RFC 5322 3.3 date-time: `Mon, 09 Nov 2020 17:18:00 +0800`.
    public var rfc5322: String { DateText.string(appendRFC5322) }

    /// RFC 3339 date-time: `2020-11-09T17:18:00+08:00` (UTC as `+00:00`).
    public var rfc3339: String {
        DateText.string { text in
            text.append(year, digits: 4)
            text.append("-")
            text.append(month, digits: 2)
            text.append("-")
            text.append(day, digits: 2)
            text.append("T")
            text.appendTime(hour, minute, second)
            appendOffset(to: &text, separator: ":")
        }
    }

    /// C `asctime` layout in UTC, as mbox `From ` lines carry it:
    /// `Mon Nov  9 09:18:00 2020`.
    var asctimeUTC: String { DateText.string(appendAsctimeUTC) }

    /// Appends `rfc5322`'s octets.
    func appendRFC5322(to text: inout DateText) {
        text.appendName(weekday, of: Self.dayNames)
        text.append(", ")
        text.append(day, digits: 2)
        text.append(" ")
        text.appendName(month - 1, of: Self.monthNames)
        text.append(" ")
        text.append(year, digits: 4)
        text.append(" ")
        text.appendTime(hour, minute, second)
        text.append(" ")
        appendOffset(to: &text, separator: "")
    }

    /// Appends `asctimeUTC`'s octets.
    func appendAsctimeUTC(to text: inout DateText) {
        let seconds = epochSeconds
        let utc = MessageDate(epochSeconds: seconds, utcOffsetMinutes: 0)
        text.appendName(Self.weekday(ofDay: Self.floorDivide(seconds, 86_400)), of: Self.dayNames)
        text.append(" ")
        text.appendName(utc.month - 1, of: Self.monthNames)
        text.append(utc.day < 10 ? "  " : " ")
        text.append(utc.day, digits: 1)
        text.append(" ")
        text.appendTime(utc.hour, utc.minute, utc.second)
        text.append(" ")
        text.append(utc.year, digits: 4)
    }

    /// `+0800`, or `+08:00` with `separator` ":".
    private func appendOffset(to text: inout DateText, separator: StaticString) {
        let magnitude = abs(utcOffsetMinutes)
        text.append(utcOffsetMinutes < 0 ? "-" : "+")
        text.append(magnitude / 60, digits: 2)
        text.append(separator)
        text.append(magnitude % 60, digits: 2)
    }

    /// Checks that the fields name a real moment RFC 5322 can carry:
    /// years 1900–9999, a day that exists in its month, a time of day, and an
    /// offset under 24 hours.
    func validate() throws(MIMEError) {
        func fail(_ message: String) -> MIMEError { MIMEError(field: "date", message: message) }
        guard (1900...9999).contains(year) else { throw fail("year \(year) is outside 1900–9999") }
        guard (1...12).contains(month) else { throw fail("month \(month) is outside 1–12") }
        guard (1...Self.daysIn(month: month, year: year)).contains(day) else {
            let yearAndMonth = DateText.string { text in
                text.append(year, digits: 4)
                text.append("-")
                text.append(month, digits: 2)
            }
            throw fail("day \(day) does not exist in \(yearAndMonth)")
        }
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else {
            throw fail("time \(hour):\(minute):\(second) is not a time of day")
        }
        guard (-1439...1439).contains(utcOffsetMinutes) else {
            throw fail("UTC offset of \(utcOffsetMinutes) minutes is 24 hours or more")
        }
    }

    /// Three letters each, Sunday first.
    private static let dayNames: StaticString = "SunMonTueWedThuFriSat"
    /// Three letters each, January first.
    private static let monthNames: StaticString = "JanFebMarAprMayJunJulAugSepOctNovDec"

    static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
    /// `days_from_civil`).
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let monthFromMarch = Int64((month + 9) % 12)
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthFromMarch + 2) / 5 + 1)
        let month = Int(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9)
        let year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor < 0) ? quotient - 1 : quotient
    }

    private static func floorModulo(_ value: Int64, _ divisor: Int64) -> Int64 {
        value - floorDivide(value, divisor) * divisor
    }
}

/// The octets of a date being formatted, written into stack storage
/// without building a `String` per field.
struct DateText: ~Copyable {
    /// Room for any date's text, even one with 20-digit fields (`rfc3339`
    /// of a date that `validate()` refuses).
    private static let capacity = 160
    private let storage: UnsafeMutableBufferPointer<UInt8>
    private var count = 0

    private init(storage: UnsafeMutableBufferPointer<UInt8>) {
        self.storage = storage
    }

    /// Calls `body` with an empty text.
    static func withText<Result>(_ body: (inout DateText) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { storage in
            var text = DateText(storage: storage)
            return body(&text)
        }
    }

    /// The text `write` makes.
    static func string(_ write: (inout DateText) -> Void) -> String {
        withText { text in
            write(&text)
            return String(decoding: text.octets, as: UTF8.self)
        }
    }

    /// The octets written so far.
    var octets: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: storage[..<count]) }

    private mutating func append(_ octet: UInt8) {
        precondition(count < storage.count, "date text too long")
        storage[count] = octet
        count += 1
    }

    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { for octet in $0 { append(octet) } }
    }

    /// The `index`th three-letter name of `names`.
    mutating func appendName(_ index: Int, of names: StaticString) {
        names.withUTF8Buffer { names in
            precondition((0..<names.count / 3).contains(index), "no name \(index)")
            for offset in 3 * index..<3 * index + 3 { append(names[offset]) }
        }
    }

    /// `value` in decimal, zero-padded to at least `digits` digits.
    mutating func append(_ value: Int, digits: Int) {
        if digits == 2 && (0..<100).contains(value) {  // most fields: day, hour, minute, second, offset
            append(UInt8(ascii: "0") + UInt8(value / 10))
            append(UInt8(ascii: "0") + UInt8(value % 10))
            return
        }
        guard value >= 0 else {
            let text = String(value)
            for octet in (String(repeating: "0", count: max(0, digits - text.utf8.count)) + text).utf8 { append(octet) }
            return
        }
        var length = 1
        var scale = value
        while scale >= 10 {
            scale /= 10
            length += 1
        }
        length = max(length, digits)
        precondition(length <= storage.count - count, "date text too long")
        // The digits from the last: `rest` runs out into the leading zeros.
        var rest = value
        for offset in (count..<count + length).reversed() {
            storage[offset] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        count += length
    }

    /// `hh:mm:ss`.
    mutating func appendTime(_ hour: Int, _ minute: Int, _ second: Int) {
        append(hour, digits: 2)
        append(":")
        append(minute, digits: 2)
        append(":")
        append(second, digits: 2)
    }
}
