import MIMEWriter
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
