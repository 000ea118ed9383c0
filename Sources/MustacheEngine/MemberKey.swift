/// An object member name with a fingerprint computed once: its UTF-8 length
/// and first seven bytes packed into 64 bits.
///
/// Comparing fingerprints rejects almost every non-matching key with one
/// integer comparison, so the linear search of a small object rarely
/// compares strings at all. Template paths compute theirs when the template
/// is compiled, objects when a member is added.
struct MemberKey: Sendable, Equatable {
    let name: String
    let fingerprint: UInt64

    init(_ name: String) {
        var fingerprint = UInt64(truncatingIfNeeded: name.utf8.count) << 56
        for (position, byte) in name.utf8.prefix(7).enumerated() {
            fingerprint |= UInt64(byte) << (8 * UInt64(position))
        }
        self.name = name
        self.fingerprint = fingerprint
    }

    @inline(__always)
    func matches(_ other: MemberKey) -> Bool {
        fingerprint == other.fingerprint && name == other.name
    }
}
