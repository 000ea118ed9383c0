#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Octet-level helpers: the writer works on UTF-8 octets, not on
/// `Character`s, so it neither allocates per character nor runs grapheme
/// breaking where ASCII rules decide, and it writes into buffers in place.
extension String {
    /// Calls `body` with the string's UTF-8 octets, in place for a native
    /// string (the usual case), else after making a contiguous copy.
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var contiguous = self
        return contiguous.withUTF8(body)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The offset of the first `byte` at or after `start`, or `count` when
    /// there is none (C `memchr`, which reads a vector register at a time).
    func firstOffset(of byte: UInt8, from start: Int) -> Int {
        guard let base = baseAddress, start < count, let found = memchr(base + start, Int32(byte), count - start) else {
            return count
        }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The number of octets equal to `byte`.
    func count(of byte: UInt8) -> Int {
        var found = 0
        var offset = firstOffset(of: byte, from: 0)
        while offset < count {
            found += 1
            offset = firstOffset(of: byte, from: offset + 1)
        }
        return found
    }

    /// The lines of a text whose line breaks are LF or CRLF (as `TextContent`
    /// leaves them), each without its line break and with whether one ended
    /// it: only a last line can lack one, and nothing follows a final one.
    var lines: LineSequence { LineSequence(bytes: self) }

    /// Whether every octet is below 0x80, eight at a time.
    var isASCII: Bool {
        guard let base = baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        var highBits: UInt64 = 0
        while offset + 8 <= count {
            highBits |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        while offset < count {
            highBits |= UInt64(base[offset])
            offset += 1
        }
        return highBits & OctetWord.topBits == 0
    }

    /// Whether more than `limit` octets are 0x80 or above, counted 32 at a
    /// time until the count passes `limit`.
    func hasNonASCIIOctets(moreThan limit: Int) -> Bool {
        var found = 0
        var offset = 0
        if let base = baseAddress {
            let raw = UnsafeRawPointer(base)
            /// A one in the low bit of each octet of the word at `offset` that is 0x80 or above.
            func flags(at offset: Int) -> UInt64 {
                raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) >> 7 & OctetWord.lowBits
            }
            while offset + 32 <= count && found <= limit {
                // At most four flags per octet: the sums stay within their octets.
                let sums = flags(at: offset) &+ flags(at: offset + 8) &+ flags(at: offset + 16) &+ flags(at: offset + 24)
                found += Int(truncatingIfNeeded: (sums &* OctetWord.lowBits) >> 56)
                offset += 32
            }
        }
        while offset < count && found <= limit {
            if self[offset] >= 0x80 { found += 1 }
            offset += 1
        }
        return found > limit
    }

    /// Whether the octets might fit in `limit` characters with each
    /// non-ASCII one escaped as `=XX` (Q encoding, quoted-printable): they
    /// take one character each at least and three each when non-ASCII, so
    /// text with many of those (CJK) is ruled out without encoding it.
    func mayFitEscaped(within limit: Int) -> Bool {
        count <= limit && !hasNonASCIIOctets(moreThan: (limit - count) / 2)
    }

    /// Whether the octets hold `=?`, which starts an encoded-word.
    var containsEncodedWordOpener: Bool {
        var offset = firstOffset(of: UInt8(ascii: "="), from: 0)
        while offset + 1 < count {
            if self[offset + 1] == UInt8(ascii: "?") { return true }
            offset = firstOffset(of: UInt8(ascii: "="), from: offset + 1)
        }
        return false
    }
}

/// The lines of a text, found eight octets at a time (see `lines`).
struct LineSequence: Sequence, IteratorProtocol {
    let bytes: UnsafeBufferPointer<UInt8>
    private var start = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func next() -> (line: UnsafeBufferPointer<UInt8>, endsWithLineFeed: Bool)? {
        guard start < bytes.count else { return nil }
        let end = bytes.firstOffset(of: 0x0A, from: start)
        defer { start = end + 1 }
        let contentEnd = end < bytes.count && end > start && bytes[end - 1] == 0x0D ? end - 1 : end
        return (UnsafeBufferPointer(rebasing: bytes[start..<contentEnd]), end < bytes.count)
    }
}

extension [UInt8] {
    /// Appends at most `maxCount` octets that `fill` writes into the new
    /// capacity it is given, returning how many it wrote. The array grows
    /// geometrically, as with `append`.
    mutating func append(upTo maxCount: Int, _ fill: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        append(addingCapacity: maxCount) { span in
            span.withUnsafeMutableBufferPointer { buffer, count in
                count += fill(UnsafeMutableBufferPointer(rebasing: buffer[count...]))
            }
        }
    }
}

extension UnsafeMutableBufferPointer<UInt8> {
    /// Copies `source` in at `offset`; returns the offset after it. A few
    /// octets (a line break) are copied one by one, cheaper than a call.
    @inline(__always)
    func copy(_ source: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        guard source.count > 4 else {
            for (index, octet) in source.enumerated() { self[offset + index] = octet }
            return offset + source.count
        }
        UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(self)[offset...])
            .copyMemory(from: UnsafeRawBufferPointer(source))
        return offset + source.count
    }

    /// Copies the octets of `text` in at `offset`; returns the offset after them.
    func copy(_ text: StaticString, at offset: Int) -> Int {
        text.withUTF8Buffer { copy($0, at: offset) }
    }
}
