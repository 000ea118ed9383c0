import MIMEWriter

/// A POSIX `TZ` rule such as `CET-1CEST,M3.5.0,M10.5.0/3`, `<+08>-8` or
/// `EST5EDT,M3.2.0,M11.1.0`: the footer of a TZif file, which gives the
/// offsets after the file's last transition.
///
/// Grammar (POSIX.1-2017 §8.3, with RFC 8536's extensions: signed
/// transition times up to ±167 hours):
/// `std offset [dst [offset] [,start[/time],end[/time]]]`, where a name is
/// three or more letters or `<…>`, an offset is `[+-]hh[:mm[:ss]]` west of
/// UTC, and a date is `Jn` (1–365, no February 29), `n` (0–365) or
/// `Mm.w.d` (day `d` of week `w` of month `m`, week 5 meaning the last).
struct PosixTimeZoneRule: Sendable, Equatable {
    /// Seconds east of UTC in standard time.
    let standardOffset: Int
    /// The daylight-saving part, if the zone has one.
    let daylight: Daylight?

    struct Daylight: Sendable, Equatable {
        /// Seconds east of UTC in daylight-saving time.
        let offset: Int
        let start: Transition
        let end: Transition
    }

    struct Transition: Sendable, Equatable {
        let date: TransitionDate
        /// Seconds after local midnight (may be negative or beyond a day).
        let time: Int
    }

    enum TransitionDate: Sendable, Equatable {
        case julianSkippingLeapDay(Int)
        case dayOfYear(Int)
        case monthWeekDay(month: Int, week: Int, weekday: Int)
    }

    /// The rule `text` writes, or `nil` when it is malformed.
    init?(_ text: String) {
        var scanner = RuleScanner(bytes: Array(text.utf8))
        guard scanner.skipName(), let standard = scanner.offset() else { return nil }
        standardOffset = standard
        guard !scanner.isAtEnd else {
            daylight = nil
            return
        }
        guard scanner.skipName() else { return nil }
        let daylightOffset: Int
        if scanner.isAtEnd || scanner.peek == UInt8(ascii: ",") {
            daylightOffset = standard + 3600
        } else if let offset = scanner.offset() {
            daylightOffset = offset
        } else {
            return nil
        }
        let start: Transition
        let end: Transition
        if scanner.isAtEnd {  // POSIX's default: the United States rules
            start = Transition(date: .monthWeekDay(month: 3, week: 2, weekday: 0), time: 7200)
            end = Transition(date: .monthWeekDay(month: 11, week: 1, weekday: 0), time: 7200)
        } else {
            guard scanner.skip(","), let first = scanner.transition(), scanner.skip(","),
                let second = scanner.transition(), scanner.isAtEnd
            else { return nil }
            start = first
            end = second
        }
        daylight = Daylight(offset: daylightOffset, start: start, end: end)
    }

    /// Seconds east of UTC at `epochSeconds`.
    func offset(at epochSeconds: Int64) -> Int {
        guard let daylight else { return standardOffset }
        let year = MessageDate(epochSeconds: epochSeconds + Int64(standardOffset), utcOffsetMinutes: 0).year
        let start = Self.moment(daylight.start, in: year) - Int64(standardOffset)
        let end = Self.moment(daylight.end, in: year) - Int64(daylight.offset)
        let inDaylight = start < end
            ? start <= epochSeconds && epochSeconds < end
            : !(end <= epochSeconds && epochSeconds < start)
        return inDaylight ? daylight.offset : standardOffset
    }

    /// The transition in `year` as seconds since the epoch of local wall-clock time.
    private static func moment(_ transition: Transition, in year: Int) -> Int64 {
        day(transition.date, in: year) * 86_400 + Int64(transition.time)
    }

    /// The day (days since 1970-01-01) a transition date falls on in `year`.
    private static func day(_ date: TransitionDate, in year: Int) -> Int64 {
        let januaryFirst = days(year, 1, 1)
        switch date {
        case .julianSkippingLeapDay(let day):
            let isLeap = RFC3339.daysIn(month: 2, year: year) == 29
            return januaryFirst + Int64(day - 1) + (isLeap && day >= 60 ? 1 : 0)
        case .dayOfYear(let day):
            return januaryFirst + Int64(day)
        case .monthWeekDay(let month, let week, let weekday):
            let first = MessageDate(year: year, month: month, day: 1, hour: 0, minute: 0, second: 0, utcOffsetMinutes: 0)
            var day = 1 + (weekday - first.weekday + 7) % 7 + (week - 1) * 7
            while day > RFC3339.daysIn(month: month, year: year) {
                day -= 7
            }
            return days(year, month, day)
        }
    }

    private static func days(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
        MessageDate(year: year, month: month, day: day, hour: 0, minute: 0, second: 0, utcOffsetMinutes: 0)
            .epochSeconds / 86_400
    }
}

/// A cursor over the bytes of a `TZ` rule.
private struct RuleScanner {
    let bytes: [UInt8]
    var position = 0

    var isAtEnd: Bool { position == bytes.count }
    var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard peek == UInt8(ascii: character) else { return false }
        position += 1
        return true
    }

    /// A zone abbreviation: `<…>` or three or more ASCII letters.
    mutating func skipName() -> Bool {
        if skip("<") {
            guard let close = bytes[position...].firstIndex(of: UInt8(ascii: ">")), close > position else {
                return false
            }
            position = close + 1
            return true
        }
        let start = position
        while let byte = peek, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) {
            position += 1
        }
        return position - start >= 3
    }

    /// An offset west of UTC, returned as seconds east of UTC.
    mutating func offset() -> Int? {
        guard let seconds = signedTime(maximumHours: 24) else { return nil }
        return -seconds
    }

    /// `date[/time]`, the time defaulting to 02:00:00.
    mutating func transition() -> PosixTimeZoneRule.Transition? {
        guard let date = transitionDate() else { return nil }
        guard skip("/") else { return .init(date: date, time: 7200) }
        guard let time = signedTime(maximumHours: 167) else { return nil }
        return .init(date: date, time: time)
    }

    private mutating func transitionDate() -> PosixTimeZoneRule.TransitionDate? {
        if skip("J") {
            guard let day = number(), (1...365).contains(day) else { return nil }
            return .julianSkippingLeapDay(day)
        }
        if skip("M") {
            guard let month = number(), (1...12).contains(month), skip("."),
                let week = number(), (1...5).contains(week), skip("."),
                let weekday = number(), (0...6).contains(weekday)
            else { return nil }
            return .monthWeekDay(month: month, week: week, weekday: weekday)
        }
        guard let day = number(), (0...365).contains(day) else { return nil }
        return .dayOfYear(day)
    }

    /// `[+-]hh[:mm[:ss]]` in seconds.
    private mutating func signedTime(maximumHours: Int) -> Int? {
        let sign = skip("-") ? -1 : 1
        if sign == 1 { _ = skip("+") }
        guard let hours = number(), hours <= maximumHours else { return nil }
        var seconds = hours * 3600
        for unit in [60, 1] {
            guard skip(":") else { break }
            guard let value = number(), value <= 59 else { return nil }
            seconds += value * unit
        }
        return sign * seconds
    }

    /// One to three decimal digits.
    private mutating func number() -> Int? {
        var value = 0
        let start = position
        while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), position - start < 3 {
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            position += 1
        }
        return position > start ? value : nil
    }
}
