/// File names for batch output that are safe on any file system and unique in the batch.
///
/// `<case.number>-<kind>.<ext>` with path separators, `..`, control
/// characters and the characters Windows refuses replaced by `_`, no leading
/// dot, Windows device names (`CON`, `NUL`, `COM1`, …) prefixed with `_`, and
/// at most 200 bytes (cut at a character boundary). A name seen before in
/// the batch (ignoring case) gets `-2`, `-3`, … before the extension.
///
/// The names handed out are remembered as 64-bit FNV-1a hashes, not as
/// strings, so a batch of a million files costs a few megabytes, not
/// hundreds. A collision (odds about 1 in 30 million for a batch of a
/// million files) would only add a needless `-2`.
struct SafeFileNames {
    private var taken = HashSet64()
    /// The last suffix of each stem that repeated.
    private var counts: [UInt64: Int] = [:]

    static let maximumBytes = 200

    /// The next unique name for a case number, kind and extension.
    mutating func next(caseNumber: String, kind: String, extension ext: String) -> String {
        let stem = Self.clean(caseNumber) + "-" + Self.clean(kind)
        let key = Self.hash(stem.lowercased())
        var count = counts[key, default: 0]
        while true {
            count += 1
            let candidate = count == 1 ? stem : stem + "-\(count)"
            let name = candidate + "." + ext
            if taken.insert(Self.hash(name.lowercased())) {
                if count > 1 { counts[key] = count }
                return name
            }
        }
    }

    /// 64-bit FNV-1a of the UTF-8 bytes: the same in every run, unlike `Hasher`.
    private static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// One name component made safe.
    static func clean(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let unsafe = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || "/\\:*?\"<>|".unicodeScalars.contains(scalar)
            result.unicodeScalars.append(unsafe || scalar.properties.isWhitespace ? "_" : scalar)
        }
        result = result.replacingDoubleDots
        while result.hasPrefix(".") || result.hasPrefix("-") { result = "_" + result.dropFirst() }
        if result.isEmpty { result = "case" }
        if isDeviceName(result) { result = "_" + result }
        return truncated(result, toBytes: maximumBytes / 2)
    }

    private static func isDeviceName(_ name: String) -> Bool {
        let base = name.split(separator: ".").first.map { $0.uppercased() } ?? ""
        if ["CON", "PRN", "AUX", "NUL"].contains(base) { return true }
        guard base.count == 4, let digit = base.last, ("1"..."9").contains(digit) else { return false }
        return base.hasPrefix("COM") || base.hasPrefix("LPT")
    }

    private static func truncated(_ text: String, toBytes limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var result = ""
        for character in text {
            if result.utf8.count + character.utf8.count > limit { break }
            result.append(character)
        }
        return result
    }
}

extension String {
    /// Each `..` with its second dot made `_`; one pass leaves no two dots in a row.
    fileprivate var replacingDoubleDots: String {
        var result = ""
        var previousDot = false
        for character in self {
            if character == "." && previousDot {
                result.append("_")
                previousDot = false
                continue
            }
            previousDot = character == "."
            result.append(character)
        }
        return result
    }
}
