@testable import MIMEWriter
import Testing

@Suite("MessageDate")
struct MessageDateTests {
    @Test(
        "epoch seconds and wall-clock fields agree",
        arguments: [
            (Int64(0), 0, "1970-01-01 00:00:00", 4),
            (Int64(1_604_913_480), 480, "2020-11-09 17:18:00", 1),
            (Int64(951_782_400), 0, "2000-02-29 00:00:00", 2),
            (Int64(-1), -300, "1969-12-31 18:59:59", 3),
            (Int64(4_102_444_800), 60, "2100-01-01 01:00:00", 5),
        ])
    func conversions(epoch: Int64, offset: Int, expected: String, weekday: Int) {
        let date = MessageDate(epochSeconds: epoch, utcOffsetMinutes: offset)
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        let text = "\(date.year)-\(two(date.month))-\(two(date.day)) \(two(date.hour)):\(two(date.minute)):\(two(date.second))"
        #expect(text == expected)
        #expect(date.weekday == weekday)
        #expect(date.epochSeconds == epoch)
    }
}

@Suite("MessageDate formats and validation")
struct MessageDateFormatTests {
    @Test(
        "RFC 5322, RFC 3339 and mbox asctime forms",
        arguments: [
            (MessageDate(year: 2020, month: 11, day: 9, hour: 17, minute: 18, second: 0, utcOffsetMinutes: 480),
             "Mon, 09 Nov 2020 17:18:00 +0800", "2020-11-09T17:18:00+08:00", "Mon Nov  9 09:18:00 2020"),
            (MessageDate(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59, utcOffsetMinutes: -210),
             "Thu, 29 Feb 2024 23:59:59 -0330", "2024-02-29T23:59:59-03:30", "Fri Mar  1 03:29:59 2024"),
            (MessageDate(year: 2000, month: 2, day: 29, hour: 0, minute: 0, second: 0, utcOffsetMinutes: 0),
             "Tue, 29 Feb 2000 00:00:00 +0000", "2000-02-29T00:00:00+00:00", "Tue Feb 29 00:00:00 2000"),
            (MessageDate(year: 1900, month: 3, day: 1, hour: 1, minute: 2, second: 3, utcOffsetMinutes: 345),
             "Thu, 01 Mar 1900 01:02:03 +0545", "1900-03-01T01:02:03+05:45", "Wed Feb 28 19:17:03 1900"),
            (MessageDate(year: 2021, month: 1, day: 1, hour: 0, minute: 30, second: 0, utcOffsetMinutes: 60),
             "Fri, 01 Jan 2021 00:30:00 +0100", "2021-01-01T00:30:00+01:00", "Thu Dec 31 23:30:00 2020"),
            (MessageDate(year: 2038, month: 1, day: 19, hour: 3, minute: 14, second: 8, utcOffsetMinutes: -1),
             "Tue, 19 Jan 2038 03:14:08 -0001", "2038-01-19T03:14:08-00:01", "Tue Jan 19 03:15:08 2038"),
        ])
    func formats(date: MessageDate, rfc5322: String, rfc3339: String, asctime: String) {
        #expect(date.rfc5322 == rfc5322)
        #expect(date.rfc3339 == rfc3339)
        #expect(date.asctimeUTC == asctime)
        #expect(MessageDate(epochSeconds: date.epochSeconds, utcOffsetMinutes: date.utcOffsetMinutes) == date)
    }

    @Test("every day from 1900 to 2100 converts both ways with consecutive weekdays")
    func everyDay() {
        var previous = MessageDate(year: 1899, month: 12, day: 31, hour: 12, minute: 0, second: 0, utcOffsetMinutes: 0)
        for day in 1...(201 * 366) {
            let epoch = previous.epochSeconds + 86_400
            let date = MessageDate(epochSeconds: epoch, utcOffsetMinutes: 0)
            guard date.year <= 2100 else { break }
            #expect(date.weekday == (previous.weekday + 1) % 7, "\(date)")
            #expect(date.day == 1 || date.day == previous.day + 1, "\(date) after \(previous), day \(day)")
            #expect(date.day <= MessageDate.daysIn(month: date.month, year: date.year))
            previous = date
        }
        #expect(previous.year == 2100 && previous.month == 12 && previous.day == 31)
    }

    @Test(
        "invalid dates name the field",
        arguments: [
            (2023, 2, 29, 0, 0, 0, "day 29 does not exist in 2023-02"),
            (1900, 2, 29, 0, 0, 0, "day 29 does not exist in 1900-02"),
            (2020, 13, 1, 0, 0, 0, "month 13 is outside 1–12"),
            (1899, 12, 31, 0, 0, 0, "year 1899 is outside 1900–9999"),
            (2020, 1, 1, 24, 0, 0, "time 24:0:0 is not a time of day"),
            (2020, 1, 1, 0, 0, 1440, "UTC offset of 1440 minutes is 24 hours or more"),
        ])
    func invalid(year: Int, month: Int, day: Int, hour: Int, minute: Int, offset: Int, message: String) {
        let date = MessageDate(year: year, month: month, day: day, hour: hour, minute: minute, second: 0, utcOffsetMinutes: offset)
        #expect(throws: MIMEError(field: "date", message: message)) { try date.validate() }
    }
}
