import Foundation
import Testing

@testable import SupportReplies

let zoneInfoPresent = FileManager.default.fileExists(atPath: "/usr/share/zoneinfo/Europe/Berlin")

@Suite struct TimeZoneTests {
    /// Zones with northern and southern daylight saving, half- and
    /// quarter-hour offsets, negative DST (Dublin), 30-minute DST (Lord
    /// Howe), and rules beyond the TZif transition table.
    static let zones = [
        "Asia/Shanghai", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Australia/Sydney",
        "Australia/Lord_Howe", "Asia/Kolkata", "Asia/Kathmandu", "Europe/London", "Europe/Dublin",
        "Pacific/Auckland", "Pacific/Chatham", "America/St_Johns", "America/Santiago", "Asia/Tokyo",
        "America/Sao_Paulo", "Asia/Tehran", "UTC", "Etc/GMT-8", "Etc/GMT+5",
    ]

    /// Every zone agrees with Foundation at about 3,400 instants from 1970 to 2100.
    @Test(.enabled(if: zoneInfoPresent, "needs /usr/share/zoneinfo"), arguments: zones)
    func agreesWithFoundation(_ zone: String) throws {
        let reference = try #require(TimeZone(identifier: zone))
        var moment: Int64 = 0
        var mismatches: [String] = []
        while moment < 4_102_444_800 {  // 2100-01-01
            let expected = reference.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(moment))) / 60
            let actual = try TimeZones.utcOffsetMinutes(zone: zone, at: moment)
            if actual != expected { mismatches.append("\(moment): \(actual) ≠ \(expected)") }
            moment += 1_209_600 - 3_599  // two weeks less an hour: drifts across every time of day
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// Around each daylight-saving change of a few years, to the second.
    @Test(
        .enabled(if: zoneInfoPresent, "needs /usr/share/zoneinfo"),
        arguments: ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Europe/Dublin", "America/Santiago"])
    func agreesWithFoundationAtTransitions(_ zone: String) throws {
        let reference = try #require(TimeZone(identifier: zone))
        var checked = 0
        for year in [1996, 2021, 2037, 2038, 2061, 2099] {
            let start = Date(timeIntervalSince1970: TimeInterval(MessageDateFixture.januaryFirst(year)))
            var transition = reference.nextDaylightSavingTimeTransition(after: start)
            for _ in 0..<2 {
                guard let current = transition else { break }
                let at = Int64(current.timeIntervalSince1970)
                for moment in [at - 1, at, at + 1] {
                    let expected = reference.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(moment))) / 60
                    #expect(try TimeZones.utcOffsetMinutes(zone: zone, at: moment) == expected, "\(zone) at \(moment)")
                    checked += 1
                }
                transition = reference.nextDaylightSavingTimeTransition(after: current)
            }
        }
        #expect(checked == 6 * 2 * 3)
    }

    @Test(.enabled(if: zoneInfoPresent, "needs /usr/share/zoneinfo"))
    func knownOffsets() throws {
        #expect(try TimeZones.utcOffsetMinutes(zone: "Asia/Shanghai", at: 1_606_463_520) == 480)
        #expect(try TimeZones.utcOffsetMinutes(zone: "Europe/Berlin", at: 1_616_893_199) == 60)  // 2021-03-28T00:59:59Z
        #expect(try TimeZones.utcOffsetMinutes(zone: "Europe/Berlin", at: 1_616_893_200) == 120)  // 01:00:00Z
        #expect(try TimeZones.utcOffsetMinutes(zone: "Asia/Kathmandu", at: 1_606_463_520) == 345)
        #expect(try TimeZones.utcOffsetMinutes(zone: "America/St_Johns", at: 1_606_463_520) == -210)
    }

    /// The offsets of a zone looked up once are those looked up each time.
    @Test(.enabled(if: zoneInfoPresent, "needs /usr/share/zoneinfo"), arguments: ["Europe/Berlin", "Asia/Shanghai", "Etc/GMT-8", "UTC"])
    func offsetsLookUpTheZoneOnce(_ zone: String) throws {
        let offsetAt = try TimeZones.offsets(zone: zone)
        for moment: Int64 in [-2_000_000_000, 0, 1_616_893_199, 1_616_893_200, 4_102_444_800] {
            #expect(offsetAt(moment) == (try TimeZones.utcOffsetMinutes(zone: zone, at: moment)), "\(zone) at \(moment)")
        }
    }

    @Test func offsetsRejectWhatTheLookUpRejects() {
        #expect(throws: TimeZoneError(zone: "Mars/Olympus_Mons", message: "unknown time zone (no /usr/share/zoneinfo/Mars/Olympus_Mons)")) {
            try TimeZones.offsets(zone: "Mars/Olympus_Mons")
        }
    }

    @Test(arguments: [
        ("UTC", 0), ("Etc/UTC", 0), ("GMT", 0), ("Etc/GMT", 0), ("Etc/GMT0", 0), ("Etc/GMT+0", 0), ("Etc/Zulu", 0),
        ("Etc/GMT-8", 480), ("Etc/GMT+5", -300), ("Etc/GMT-14", 840), ("Etc/GMT+12", -720),
    ])
    func fixedZonesNeedNoFiles(_ zone: String, _ minutes: Int) throws {
        #expect(TimeZones.fixedOffsetMinutes(zone) == minutes)
        #expect(try TimeZones.utcOffsetMinutes(zone: zone, at: 4_000_000_000) == minutes)
    }

    @Test(arguments: ["Etc/GMT-15", "Etc/GMT+13", "Etc/GMT-08", "Etc/GMT+x", "Asia/Shanghai", "GMT-8"])
    func notFixed(_ zone: String) {
        #expect(TimeZones.fixedOffsetMinutes(zone) == nil)
    }

    @Test(arguments: [
        "", "/etc/localtime", "../../etc/passwd", "Asia/../../../etc/passwd", "Asia//Shanghai", "Asia/Shanghai/",
        "./Asia/Shanghai", "Asia/Shang hai", "Asia/Shanghai\n", "亚洲/上海",
    ])
    func malformedNamesAreRejected(_ zone: String) {
        #expect(
            throws: TimeZoneError(zone: zone, message: "not an IANA time zone name (like \"Asia/Shanghai\")")
        ) {
            try TimeZones.utcOffsetMinutes(zone: zone, at: 0)
        }
    }

    @Test(arguments: ["Mars/Olympus_Mons", "Asia", "America"])
    func unknownZonesAreRejected(_ zone: String) {
        #expect(
            throws: TimeZoneError(zone: zone, message: "unknown time zone (no /usr/share/zoneinfo/\(zone))")
        ) {
            try TimeZones.utcOffsetMinutes(zone: zone, at: 0)
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/share/zoneinfo/zone.tab")))
    func nonTZifFilesAreRejected() {
        #expect(
            throws: TimeZoneError(zone: "zone.tab", message: "/usr/share/zoneinfo/zone.tab is not a valid TZif time zone file")
        ) {
            try TimeZones.utcOffsetMinutes(zone: "zone.tab", at: 0)
        }
    }

    @Test(arguments: [(29_143, 486), (-29_143, -486), (29_129, 485), (-12_600, -210), (30, 1), (-30, -1), (29, 0), (0, 0)])
    func secondsRoundToTheNearestMinute(_ seconds: Int, _ minutes: Int) {
        #expect(TimeZones.minutes(fromSeconds: seconds) == minutes)
    }

    @Test func errorDescription() {
        #expect(TimeZoneError(zone: "Mars/Base", message: "unknown time zone").description == "Mars/Base: unknown time zone")
    }
}

enum MessageDateFixture {
    static func januaryFirst(_ year: Int) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return Int64(calendar.date(from: DateComponents(year: year, month: 1, day: 1))!.timeIntervalSince1970)
    }
}

@Suite struct PosixTimeZoneRuleTests {
    /// (rule, UTC moment, expected offset in seconds)
    @Test(arguments: [
        ("CET-1CEST,M3.5.0,M10.5.0/3", "2021-03-28T00:59:59Z", 3600),
        ("CET-1CEST,M3.5.0,M10.5.0/3", "2021-03-28T01:00:00Z", 7200),
        ("CET-1CEST,M3.5.0,M10.5.0/3", "2021-10-31T00:59:59Z", 7200),
        ("CET-1CEST,M3.5.0,M10.5.0/3", "2021-10-31T01:00:00Z", 3600),
        ("<+08>-8", "2050-07-01T00:00:00Z", 28800),
        ("EST5EDT,M3.2.0,M11.1.0", "2040-03-11T06:59:59Z", -18000),
        ("EST5EDT,M3.2.0,M11.1.0", "2040-03-11T07:00:00Z", -14400),
        ("EST5EDT,M3.2.0,M11.1.0", "2040-11-04T05:59:59Z", -14400),
        ("EST5EDT,M3.2.0,M11.1.0", "2040-11-04T06:00:00Z", -18000),
        ("EST5EDT", "2040-07-01T00:00:00Z", -14400),  // POSIX default rules
        ("IST-1GMT0,M10.5.0,M3.5.0/1", "2045-07-01T00:00:00Z", 3600),  // Dublin: negative DST
        ("IST-1GMT0,M10.5.0,M3.5.0/1", "2045-01-15T00:00:00Z", 0),
        ("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0", "2050-01-01T00:00:00Z", 39600),  // Lord Howe
        ("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0", "2050-06-01T00:00:00Z", 37800),
        ("<-04>4<-03>,M9.1.6/24,M4.1.6/24", "2050-01-01T00:00:00Z", -10800),  // Santiago: 24:00 times
        ("<-04>4<-03>,M9.1.6/24,M4.1.6/24", "2050-06-01T00:00:00Z", -14400),
        ("EST5EDT,0/0,J365/25", "2050-06-01T00:00:00Z", -14400),  // DST all year
        ("EST5EDT,0/0,J365/25", "2050-12-31T12:00:00Z", -14400),
        ("XXX3YYY,J60/2,300", "2021-03-01T04:59:59Z", -10800),  // J60 is March 1 in every year
        ("XXX3YYY,J60/2,300", "2021-03-01T05:00:00Z", -7200),
        ("XXX3YYY,J60/2,300", "2024-03-01T05:00:00Z", -7200),
        ("XXX3YYY,J60/2,300", "2024-02-29T12:00:00Z", -10800),
        ("<-03>3<-02>,M3.5.0/-2,M10.5.0/-1", "2050-03-27T00:59:59Z", -10800),  // negative times: Saturday 22:00
        ("<-03>3<-02>,M3.5.0/-2,M10.5.0/-1", "2050-03-27T01:00:00Z", -7200),
    ])
    func offsets(_ rule: String, _ moment: String, _ expected: Int) throws {
        let parsed = try #require(PosixTimeZoneRule(rule))
        let at = try #require(RFC3339.parse(moment)).epochSeconds
        #expect(parsed.offset(at: at) == expected)
    }

    @Test(arguments: [
        "", "CET", "CE-1", "CET-1CEST,M3.5.0", "CET-1CEST,M13.5.0,M10.5.0", "CET-1CEST,M3.6.0,M10.5.0",
        "CET-1CEST,M3.5.7,M10.5.0", "CET-25", "CET-1CEST,J366,J1", "<+08-8", "CET-1CEST,M3.5.0,M10.5.0/168",
        "CET-1:60", "CET-1CEST,M3.5.0,M10.5.0 ",
    ])
    func malformedRules(_ rule: String) {
        #expect(PosixTimeZoneRule(rule) == nil)
    }
}

@Suite struct ZoneInfoTests {
    /// A TZif file with one time type per offset and transitions at the given moments.
    static func tzif(
        version: UInt8, offsets: [Int32], transitions: [(Int64, UInt8)], footer: String
    ) -> [UInt8] {
        func header(_ timeCount: Int) -> [UInt8] {
            var bytes = Array("TZif".utf8) + [version] + [UInt8](repeating: 0, count: 15)
            for count in [0, 0, 0, timeCount, offsets.count, offsets.count * 4] {
                bytes += withUnsafeBytes(of: UInt32(count).bigEndian, Array.init)
            }
            return bytes
        }
        func block(timeSize: Int) -> [UInt8] {
            var bytes: [UInt8] = []
            for (moment, _) in transitions {
                bytes += timeSize == 8
                    ? withUnsafeBytes(of: moment.bigEndian, Array.init)
                    : withUnsafeBytes(of: Int32(moment).bigEndian, Array.init)
            }
            bytes += transitions.map(\.1)
            for (index, offset) in offsets.enumerated() {
                bytes += withUnsafeBytes(of: offset.bigEndian, Array.init) + [0, UInt8(index * 4)]
            }
            bytes += offsets.flatMap { _ in Array("ABC\0".utf8) }
            return bytes
        }
        var file = header(transitions.count) + block(timeSize: 4)
        if version >= UInt8(ascii: "2") {
            file += header(transitions.count) + block(timeSize: 8) + Array("\n\(footer)\n".utf8)
        }
        return file
    }

    @Test func versionTwoUsesTransitionsThenFooter() throws {
        let bytes = Self.tzif(
            version: UInt8(ascii: "2"), offsets: [29_143, 28_800, 32_400], transitions: [(-1_000, 1), (1_000, 2), (2_000, 1)],
            footer: "<+09>-9")
        let zone = try #require(ZoneInfo(tzif: bytes))
        #expect(zone.offset(at: -5_000) == 29_143)  // before the first transition: type 0
        #expect(zone.offset(at: -1_000) == 28_800)
        #expect(zone.offset(at: 999) == 28_800)
        #expect(zone.offset(at: 1_000) == 32_400)
        #expect(zone.offset(at: 1_999) == 32_400)
        #expect(zone.offset(at: 2_000) == 32_400)  // from the last transition on, the footer rules
    }

    @Test func versionOneHasNoFooter() throws {
        let bytes = Self.tzif(version: 0, offsets: [3_600, 7_200], transitions: [(100, 1)], footer: "")
        let zone = try #require(ZoneInfo(tzif: bytes))
        #expect(zone.offset(at: 99) == 3_600)
        #expect(zone.offset(at: 1_000_000) == 7_200)
    }

    @Test func emptyFooterKeepsTheLastType() throws {
        let bytes = Self.tzif(version: UInt8(ascii: "3"), offsets: [0, 3_600], transitions: [(0, 1)], footer: "")
        #expect(try #require(ZoneInfo(tzif: bytes)).offset(at: 9_000_000_000) == 3_600)
    }

    @Test func offsetsKeepTheirSeconds() throws {
        let zone = ZoneInfo(tzif: Self.tzif(version: UInt8(ascii: "2"), offsets: [29_143], transitions: [], footer: ""))
        #expect(zone?.offset(at: 0) == 29_143)
    }

    @Test func malformedDataIsRejected() {
        let good = Self.tzif(version: UInt8(ascii: "2"), offsets: [0, 3_600], transitions: [(0, 1), (10, 0)], footer: "UTC0")
        #expect(ZoneInfo(tzif: good) != nil)
        #expect(ZoneInfo(tzif: []) == nil)
        #expect(ZoneInfo(tzif: Array(good.prefix(60))) == nil)
        #expect(ZoneInfo(tzif: Array("TZaf".utf8) + good.dropFirst(4)) == nil)
        #expect(ZoneInfo(tzif: Self.tzif(version: UInt8(ascii: "2"), offsets: [0], transitions: [(0, 1)], footer: "")) == nil)
        #expect(ZoneInfo(tzif: Self.tzif(version: UInt8(ascii: "2"), offsets: [0], transitions: [(10, 0), (5, 0)], footer: "")) == nil)
        #expect(ZoneInfo(tzif: Self.tzif(version: UInt8(ascii: "2"), offsets: [], transitions: [], footer: "")) == nil)
        #expect(ZoneInfo(tzif: Self.tzif(version: UInt8(ascii: "2"), offsets: [0], transitions: [], footer: "bogus")) == nil)
    }
}
