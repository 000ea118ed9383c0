/// The duplicate-key check, with exactly the outcome of looking each key up
/// in the `TemplateObject` built so far (which the reader once did), but
/// mostly comparing fingerprints instead of strings.
///
/// `TemplateObject` finds a key among its first 12 members by fingerprint
/// and `==`, and past that through a `[String: Int]` index, where `==`
/// alone decides (so a key canonically equivalent to an earlier one, such
/// as U+212A KELVIN SIGN after "K", is a duplicate there). Two different
/// ASCII strings are never `==`, so while every key is ASCII the fingerprint
/// scan gives the same answer; otherwise, and for large objects, a
/// `Set<String>` does what the index did.
extension JSONParser {
    /// What one object being read knows about its keys.
    struct ObjectKeys {
        /// Members searched like `TemplateObject` before it builds its index.
        static let linearLimit = 12
        /// Past this many ASCII keys, a set keeps the check linear in time.
        static let scanLimit = 64

        var hasNonASCII = false
        var names: Set<String>? = nil
    }

    /// True when `key`, just read by `parseString`, repeats a key of the
    /// object whose members start at `first` and fingerprints at
    /// `firstFingerprint`.
    func isDuplicate(_ key: String, in keys: inout ObjectKeys, first: Int, firstFingerprint: Int) -> Bool {
        let count = keyFingerprints.count - firstFingerprint
        keys.hasNonASCII = keys.hasNonASCII || !lastIsASCII
        if count > ObjectKeys.linearLimit, keys.names != nil || keys.hasNonASCII || count > ObjectKeys.scanLimit {
            if keys.names == nil {
                keys.names = Set(members[first..<first + count].lazy.map(\.key))
            }
            return !keys.names!.insert(key).inserted
        }
        var index = firstFingerprint
        while index < keyFingerprints.count {
            if keyFingerprints[index] == lastFingerprint, members[first + index - firstFingerprint].key == key {
                return true
            }
            index += 1
        }
        return false
    }
}
