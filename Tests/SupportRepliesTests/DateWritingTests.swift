import Foundation
import MIMEWriter
import MustacheEngine
import Testing

@testable import SupportReplies

@Suite struct DateWritingTests {
    static func date(_ rfc3339: String) throws -> MessageDate {
        let moment = try #require(RFC3339.parse(rfc3339))
        return MessageDate(epochSeconds: moment.epochSeconds, utcOffsetMinutes: moment.utcOffsetMinutes)
    }

    @Test(arguments: [
        ("2020-11-27T15:52:00+08:00", "2020年11月27日(星期五) 下午3:52", "Friday, November 27, 2020 3:52 PM"),
        ("2020-11-27T00:05:00+08:00", "2020年11月27日(星期五) 上午12:05", "Friday, November 27, 2020 12:05 AM"),
        ("2020-11-29T12:00:00+08:00", "2020年11月29日(星期日) 下午12:00", "Sunday, November 29, 2020 12:00 PM"),
        ("2021-01-04T11:59:59+08:00", "2021年1月4日(星期一) 上午11:59", "Monday, January 4, 2021 11:59 AM"),
        ("2024-02-29T23:09:00-05:00", "2024年2月29日(星期四) 下午11:09", "Thursday, February 29, 2024 11:09 PM"),
        ("2023-07-01T09:30:00Z", "2023年7月1日(星期六) 上午9:30", "Saturday, July 1, 2023 9:30 AM"),
        ("2019-12-31T13:00:00+08:00", "2019年12月31日(星期二) 下午1:00", "Tuesday, December 31, 2019 1:00 PM"),
    ])
    func longDates(_ moment: String, _ chinese: String, _ english: String) throws {
        let date = try Self.date(moment)
        #expect(TestLocales.zhBundle.dateStyle.write(date) == chinese)
        #expect(TestLocales.enBundle.dateStyle.write(date) == english)
    }

    static let everyPlaceholder =
        "{year}|{month}|{day}|{month2}|{day2}|{hour}|{hour2}|{hour12}|{minute2}|{second2}|{weekday}|{monthName}|{ampm}|{offset}"

    @Test(arguments: [
        ("2021-03-07T08:04:09-03:30", "2021|3|7|03|07|8|08|8|04|09|Sunday|March|AM|-03:30"),
        ("2021-10-17T20:45:01+05:45", "2021|10|17|10|17|20|20|8|45|01|Sunday|October|PM|+05:45"),
        ("1970-01-01T00:00:00Z", "1970|1|1|01|01|0|00|12|00|00|Thursday|January|AM|+00:00"),
    ])
    func everyPlaceholderIsWritten(_ moment: String, _ expected: String) throws {
        let locale = try LocaleBundle(TestLocales.en.setting(["dates", "long"], to: .string(Self.everyPlaceholder)))
        #expect(locale.dateStyle.write(try Self.date(moment)) == expected)
    }

    /// A placeholder no field has (which locale validation rejects) is written as it stands.
    @Test func unknownPlaceholderIsWrittenAsItStands() throws {
        let style = DateStyle(
            pattern: PlaceholderPattern("{year}-{era}{month2}{}"), weekdays: Array(repeating: "", count: 7),
            months: Array(repeating: "", count: 12), ante: "AM", post: "PM")
        #expect(style.write(try Self.date("2021-03-07T08:04:09Z")) == "2021-{era}03{}")
    }

    @Test func weekdaysFollowTheCalendar() throws {
        let names = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"]
        for (offset, name) in names.enumerated() {  // 2023-01-01 was a Sunday
            let date = MessageDate(epochSeconds: 1_672_531_200 + Int64(offset) * 86_400, utcOffsetMinutes: 0)
            #expect(TestLocales.zhBundle.dateStyle.write(date) == "2023年1月\(offset + 1)日(\(name)) 上午12:00")
        }
    }
}

@Suite struct RFC3339Tests {
    @Test(arguments: [
        ("2020-11-09T17:18:00+08:00", 1_604_913_480, 480),
        ("2020-11-09t17:18:00+08:00", 1_604_913_480, 480),
        ("2020-11-09 17:18:00+08:00", 1_604_913_480, 480),
        ("2020-11-09T09:18:00Z", 1_604_913_480, 0),
        ("2020-11-09T09:18:00z", 1_604_913_480, 0),
        ("2020-11-09T09:18:00.987654321Z", 1_604_913_480, 0),
        ("2020-11-09T09:18:00-00:00", 1_604_913_480, 0),
        ("2020-02-29T23:59:59-05:00", 1_583_038_799, -300),
        ("2016-12-31T23:59:60Z", 1_483_228_800, 0),
        ("2021-06-30T10:00:00+05:45", 1_625_026_500, 345),
        ("1969-12-31T23:00:00-03:30", 9000, -210),
        ("1970-01-01T00:00:00Z", 0, 0),
        ("9999-12-31T23:59:59Z", 253_402_300_799, 0),
        ("2000-01-01T00:00:00+23:59", 946_684_800 - 86_340, 1439),
    ] as [(String, Int64, Int)])
    func valid(_ text: String, _ epochSeconds: Int64, _ offset: Int) throws {
        let parsed = try #require(RFC3339.parse(text))
        #expect(parsed.epochSeconds == epochSeconds)
        #expect(parsed.utcOffsetMinutes == offset)
    }

    @Test(arguments: [
        ("2020-13-09T17:18:00+08:00", "month 13 is out of range (1–12)"),
        ("2020-00-09T17:18:00+08:00", "month 0 is out of range (1–12)"),
        ("2020-11-31T17:18:00+08:00", "day 31 is out of range (1–30)"),
        ("2021-02-29T17:18:00+08:00", "day 29 is out of range (1–28)"),
        ("2100-02-29T17:18:00+08:00", "day 29 is out of range (1–28)"),
        ("2020-11-00T17:18:00+08:00", "day 0 is out of range (1–30)"),
        ("2020-11-09T24:00:00+08:00", "hour 24 is out of range (0–23)"),
        ("2020-11-09T17:60:00+08:00", "minute 60 is out of range (0–59)"),
        ("2020-11-09T17:18:61+08:00", "second 61 is out of range (0–60)"),
        ("2020-11-09T17:18:00+24:00", "offset hour 24 is out of range (0–23)"),
        ("2020-11-09T17:18:00-24:00", "offset hour 24 is out of range (0–23)"),
        ("2020-11-09T17:18:00+08:60", "offset minute 60 is out of range (0–59)"),
        ("2020-11-09T17:18:00", "missing time zone offset (\"Z\" or \"+08:00\")"),
        ("2020-11-09T17:18:00+0800", "expected \":\" at character 23"),
        ("2020-11-09T17:18:00 +08:00", "expected a time zone offset (\"Z\" or \"+08:00\") at character 20"),
        ("2020-11-09T17:18+08:00", "expected \":\" at character 17"),
        ("2020-11-09", "expected \"T\" between date and time at character 11"),
        ("2020-11-09T17:18:00.Z", "expected digits after the decimal point"),
        ("2020-11-09T17:18:00Z ", "unexpected text after the time zone offset"),
        ("20-11-09T17:18:00Z", "expected 4 digits for the year"),
        ("２０２０-11-09T17:18:00Z", "expected 4 digits for the year"),
        ("", "expected 4 digits for the year"),
    ])
    func invalid(_ text: String, _ message: String) {
        #expect(RFC3339.parse(text) == nil)
        #expect(throws: RFC3339Error.self) { try RFC3339.read(text) }
        do {
            _ = try RFC3339.read(text)
        } catch {
            #expect(error.message == message)
        }
    }
}

@Suite struct SendTimeTests {
    @Test func dateOptionWinsAndKeepsItsOffset() throws {
        let moment = try SendTime.resolve(dateOption: "2020-11-27T15:52:00+08:00", sourceDateEpoch: "0")
        #expect(moment.epochSeconds == 1_606_463_520)
        #expect(moment.utcOffsetMinutes == 480)
    }

    @Test func sourceDateEpochIsUTC() throws {
        let moment = try SendTime.resolve(dateOption: nil, sourceDateEpoch: "1606463520")
        #expect(moment.epochSeconds == 1_606_463_520)
        #expect(moment.utcOffsetMinutes == 0)
        #expect(try SendTime.resolve(dateOption: nil, sourceDateEpoch: "0").epochSeconds == 0)
        #expect(try SendTime.resolve(dateOption: nil, sourceDateEpoch: "253402300799").epochSeconds == 253_402_300_799)
    }

    @Test(arguments: [nil, ""] as [String?])
    func withoutEitherItIsNow(_ sourceDateEpoch: String?) throws {
        let before = Int64(Date().timeIntervalSince1970)
        let moment = try SendTime.resolve(dateOption: nil, sourceDateEpoch: sourceDateEpoch)
        let after = Int64(Date().timeIntervalSince1970)
        #expect((before - 1...after + 1).contains(moment.epochSeconds))
        #expect(moment.utcOffsetMinutes == 0)
    }

    @Test func badDateOptionIsNamed() {
        #expect(
            throws: SendTimeError(
                source: "--date", value: "2020-13-27T15:52:00+08:00",
                message: "is not an RFC 3339 date-time: month 13 is out of range (1–12)")
        ) {
            try SendTime.resolve(dateOption: "2020-13-27T15:52:00+08:00", sourceDateEpoch: "1606463520")
        }
        #expect(throws: SendTimeError.self) { try SendTime.resolve(dateOption: "", sourceDateEpoch: nil) }
    }

    @Test(arguments: ["12.5", "-1", "+5", "abc", " 1606463520", "1606463520\n", "253402300800", "99999999999999999999999"])
    func badSourceDateEpochIsNamed(_ value: String) {
        #expect(
            throws: SendTimeError(
                source: "SOURCE_DATE_EPOCH", value: value,
                message: "is not a whole number of seconds between 0 and 253402300799")
        ) {
            try SendTime.resolve(dateOption: nil, sourceDateEpoch: value)
        }
    }

    @Test func errorDescriptionNamesSourceAndValue() {
        let error = SendTimeError(source: "--date", value: "soon", message: "is not an RFC 3339 date-time: expected 4 digits for the year")
        #expect(error.description == "--date: \"soon\" is not an RFC 3339 date-time: expected 4 digits for the year")
    }
}
