/// The rules of one time zone as a TZif file (RFC 8536) gives them: the
/// transitions it lists, then its POSIX `TZ` footer for later moments.
///
/// A class: the zone cache and the readers of a zone share one, and an
/// optional of it, unlike one of a struct this complex, is copied without
/// run-time type metadata.
final class ZoneInfo: Sendable {
    /// Transition moments, ascending (seconds since the epoch). `Int`, 64
    /// bits wide here: an array of it costs no new run-time type, one of
    /// `Int64` does.
    private let transitions: [Int]
    /// For each transition, the index into `offsets` that starts there.
    private let transitionTypes: [Int]
    /// The local time types' offsets, in seconds east of UTC.
    private let offsets: [Int]
    /// The rule after the last transition, if the file has one.
    private let footer: PosixTimeZoneRule?

    /// Reads TZif data, version 1 (32-bit) or 2 and later (64-bit, with footer).
    init?(tzif bytes: [UInt8]) {
        var reader = TZifReader(bytes: bytes)
        guard let version = reader.header() else { return nil }
        if version >= UInt8(ascii: "2") {
            guard reader.skipBlock(timeSize: 4), reader.header() != nil else { return nil }
        }
        let timeSize = version >= UInt8(ascii: "2") ? 8 : 4
        guard let block = reader.block(timeSize: timeSize) else { return nil }
        transitions = block.transitions
        transitionTypes = block.types
        offsets = block.offsets
        if version >= UInt8(ascii: "2"), let text = reader.footer(), !text.isEmpty {
            guard let rule = PosixTimeZoneRule(text) else { return nil }
            footer = rule
        } else {
            footer = nil
        }
    }

    /// Seconds east of UTC at `epochSeconds`.
    func offset(at epochSeconds: Int64) -> Int {
        let moment = Int(epochSeconds)
        guard let last = transitions.last else { return footer?.offset(at: epochSeconds) ?? offsets[0] }
        if moment >= last, let footer { return footer.offset(at: epochSeconds) }
        guard moment >= transitions[0] else { return offsets[0] }
        var low = 0
        var high = transitions.count - 1
        while low < high {  // the last transition at or before the moment
            let middle = (low + high + 1) / 2
            if transitions[middle] <= moment { low = middle } else { high = middle - 1 }
        }
        return offsets[transitionTypes[low]]
    }
}

/// A cursor over TZif bytes: the 44-byte header, the data block, the footer.
private struct TZifReader {
    let bytes: [UInt8]
    var position = 0
    /// The six counts of the last header read.
    private var counts = Counts(isUT: 0, isStandard: 0, leap: 0, time: 0, type: 0, characters: 0)

    private struct Counts {
        let isUT, isStandard, leap, time, type, characters: Int
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Reads a header; returns the version byte (0, `2`, `3`, `4`).
    mutating func header() -> UInt8? {
        guard position + 44 <= bytes.count, bytes[position..<position + 4].elementsEqual("TZif".utf8) else {
            return nil
        }
        let version = bytes[position + 4]
        let values = (0..<6).map { Int(UInt32(truncatingIfNeeded: integer(at: position + 20 + $0 * 4, size: 4))) }
        counts = Counts(
            isUT: values[0], isStandard: values[1], leap: values[2], time: values[3], type: values[4],
            characters: values[5])
        position += 44
        return version
    }

    private func blockSize(timeSize: Int) -> Int {
        counts.time * (timeSize + 1) + counts.type * 6 + counts.characters
            + counts.leap * (timeSize + 4) + counts.isStandard + counts.isUT
    }

    mutating func skipBlock(timeSize: Int) -> Bool {
        let size = blockSize(timeSize: timeSize)
        guard position + size <= bytes.count else { return false }
        position += size
        return true
    }

    mutating func block(timeSize: Int) -> (transitions: [Int], types: [Int], offsets: [Int])? {
        guard counts.type >= 1, position + blockSize(timeSize: timeSize) <= bytes.count else { return nil }
        let transitions = (0..<counts.time).map { integer(at: position + $0 * timeSize, size: timeSize) }
        let typesStart = position + counts.time * timeSize
        let types = (0..<counts.time).map { Int(bytes[typesStart + $0]) }
        let infoStart = typesStart + counts.time
        let offsets = (0..<counts.type).map { integer(at: infoStart + $0 * 6, size: 4) }
        guard types.allSatisfy({ $0 < counts.type }), zip(transitions, transitions.dropFirst()).allSatisfy({ $0 < $1 })
        else { return nil }
        position += blockSize(timeSize: timeSize)
        return (transitions, types, offsets)
    }

    /// The footer's `TZ` string: the text between two newlines after the v2+ block.
    func footer() -> String? {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\n"),
            let end = bytes[(position + 1)...].firstIndex(of: UInt8(ascii: "\n"))
        else { return nil }
        return String(decoding: bytes[(position + 1)..<end], as: UTF8.self)
    }

    /// A big-endian two's-complement integer of `size` (4 or 8) bytes.
    private func integer(at offset: Int, size: Int) -> Int {
        var value: UInt64 = 0
        for byte in bytes[offset..<offset + size] {
            value = value << 8 | UInt64(byte)
        }
        return size == 4 ? Int(Int32(bitPattern: UInt32(truncatingIfNeeded: value))) : Int(Int64(bitPattern: value))
    }
}
