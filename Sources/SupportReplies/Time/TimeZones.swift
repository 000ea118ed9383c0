import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A time zone that cannot be used: its name and why.
public struct TimeZoneError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The zone name as given.
    public let zone: String
    /// What is wrong, e.g. `unknown time zone`.
    public let message: String

    /// `Mars/Olympus: unknown time zone (no /usr/share/zoneinfo/Mars/Olympus)`.
    public var description: String { "\(zone): \(message)" }
}

/// IANA time zones, read from the system's TZif files without Foundation.
public enum TimeZones {
    /// Where the TZif files live.
    static let directory = "/usr/share/zoneinfo"

    /// Offset in minutes east of UTC of an IANA zone ("Asia/Shanghai",
    /// "Europe/Berlin", "UTC", "Etc/GMT-8") at a moment, read from the
    /// system's TZif files.
    ///
    /// `UTC`, `GMT` and the `Etc/` zones are fixed offsets known without
    /// files. Other zones are read from `/usr/share/zoneinfo/<zone>` once
    /// per process and kept. An offset with seconds (local mean time before
    /// 1900) is rounded to the nearest minute.
    /// - Throws: `TimeZoneError` for a malformed name, an unknown zone, or
    ///   a file that is not valid TZif.
    public static func utcOffsetMinutes(zone: String, at epochSeconds: Int64) throws(TimeZoneError) -> Int {
        try offsets(zone: zone)(epochSeconds)
    }

    /// ``utcOffsetMinutes(zone:at:)`` for any moment, the zone looked up
    /// once here: a reply writes several dates in one zone.
    static func offsets(zone: String) throws(TimeZoneError) -> @Sendable (Int64) -> Int {
        if let fixed = fixedOffsetMinutes(zone) { return { _ in fixed } }
        let info = try zoneInfo(zone)
        return { minutes(fromSeconds: info.offset(at: $0)) }
    }

    /// Seconds to minutes, rounded to the nearest (half a minute away from zero).
    static func minutes(fromSeconds seconds: Int) -> Int {
        (seconds < 0 ? -1 : 1) * ((abs(seconds) + 30) / 60)
    }

    /// The offset of `UTC`, `GMT` and `Etc/*` names (`Etc/GMT-8` is +08:00:
    /// the POSIX sign, west positive), or `nil` for other names.
    static func fixedOffsetMinutes(_ zone: String) -> Int? {
        let name = zone.hasPrefix("Etc/") ? String(zone.dropFirst(4)) : zone
        if ["UTC", "UCT", "GMT", "GMT0", "GMT+0", "GMT-0", "Universal", "Zulu", "Greenwich"].contains(name) {
            return 0
        }
        guard zone.hasPrefix("Etc/GMT"), let sign = name.dropFirst(3).first, sign == "+" || sign == "-",
            let hours = Int(name.dropFirst(4)), String(hours) == name.dropFirst(4),
            (1...(sign == "-" ? 14 : 12)).contains(hours)
        else { return nil }
        return (sign == "-" ? 60 : -60) * hours
    }

    /// A zone read, and the one read before it: the zones a process has
    /// read, newest first. A process reads one or a few, and a list of
    /// them costs less to set up than a dictionary (a new generic type).
    private final class ReadZone: Sendable {
        let name: String
        let info: ZoneInfo
        let next: ReadZone?

        init(name: String, info: ZoneInfo, next: ReadZone?) {
            self.name = name
            self.info = info
            self.next = next
        }

        /// The zone called `name` in this list, if it was read.
        func find(_ name: String) -> ReadZone? {
            var node: ReadZone? = self
            while let current = node, current.name != name { node = current.next }
            return node
        }
    }

    private static let cache = Mutex<ReadZone?>(nil)

    private static func zoneInfo(_ zone: String) throws(TimeZoneError) -> ZoneInfo {
        if let cached = cache.withLock({ $0?.find(zone) }) { return cached.info }
        guard isValidName(zone) else {
            throw TimeZoneError(zone: zone, message: "not an IANA time zone name (like \"Asia/Shanghai\")")
        }
        let path = "\(directory)/\(zone)"
        guard let bytes = readFile(path) else {
            throw TimeZoneError(zone: zone, message: "unknown time zone (no \(path))")
        }
        guard let info = ZoneInfo(tzif: bytes) else {
            throw TimeZoneError(zone: zone, message: "\(path) is not a valid TZif time zone file")
        }
        cache.withLock { read in
            if read?.find(zone) == nil { read = ReadZone(name: zone, info: info, next: read) }
        }
        return info
    }

    /// Names made of `/`-separated parts of ASCII letters, digits, `_`, `-`,
    /// `+` and `.`, none of them empty, `.` or `..`; checked on the UTF-8
    /// bytes, with no parts cut out.
    static func isValidName(_ zone: String) -> Bool {
        guard zone.utf8.count <= 255 else { return false }
        var partLength = 0
        var partDots = 0
        for byte in zone.utf8 {
            if byte == UInt8(ascii: "/") {
                guard isValidPart(length: partLength, dots: partDots) else { return false }
                partLength = 0
                partDots = 0
                continue
            }
            guard isNameByte(byte) else { return false }
            partLength += 1
            if byte == UInt8(ascii: ".") { partDots += 1 }
        }
        return isValidPart(length: partLength, dots: partDots)
    }

    /// A part of `length` bytes, `dots` of them `.`, is neither empty nor `.` or `..`.
    private static func isValidPart(length: Int, dots: Int) -> Bool {
        length > 0 && !(length <= 2 && dots == length)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    /// The bytes of a regular file of at most 1 MiB, or `nil`.
    private static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let limit = 1 << 20
        var bytes: [UInt8] = []
        let chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 16_384)  // uninitialized: read fills what it returns
        defer { chunk.deallocate() }
        while bytes.count <= limit {
            let count = read(descriptor, chunk.baseAddress, chunk.count)
            guard count >= 0 else { return nil }
            if count == 0 { return bytes }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<count]))
        }
        return nil
    }
}
