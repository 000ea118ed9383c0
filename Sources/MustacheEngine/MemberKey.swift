/// An object member name with a fingerprint computed once: its UTF-8 length
/// and first seven bytes packed into 64 bits.
///
/// Comparing fingerprints rejects almost every non-matching key with one
/// integer comparison, so the linear search of a small object rarely
/// compares strings at all. Template paths compute theirs when the template
/// is compiled, objects when a member is added; code that reads the same
/// members of many values makes its keys once and looks up with
/// ``TemplateValue/subscript(_:)``.
public struct MemberKey: Sendable, Equatable {
    /// The member name.
    public let name: String
    let fingerprint: UInt64

    /// The key for the member named `name`.
    public init(_ name: String) {
        var name = name
        fingerprint = name.withUTF8(Self.fingerprint(of:))
        self.name = name
    }

    /// A key whose name is `name`, already decoded from its UTF-8 `bytes`
    /// (a template path segment, built straight from the source).
    init(_ name: String, utf8 bytes: UnsafeBufferPointer<UInt8>) {
        self.name = name
        fingerprint = Self.fingerprint(of: bytes)
    }

    @inline(__always)
    func matches(_ other: MemberKey) -> Bool {
        fingerprint == other.fingerprint && name == other.name
    }

    private static func fingerprint(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var fingerprint = UInt64(truncatingIfNeeded: bytes.count) << 56
        for position in 0..<min(bytes.count, 7) {
            fingerprint |= UInt64(bytes[position]) << (8 * UInt64(position))
        }
        return fingerprint
    }
}
