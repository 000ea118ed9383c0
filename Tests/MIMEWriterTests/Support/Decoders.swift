import Foundation

/// Small, independent decoders for checking the writer's output in Swift.
enum Decoders {
    /// The encoding letter and the octets of one `=?UTF-8?X?text?=` word.
    static func encodedWord(_ word: String) -> (encoding: Character, octets: [UInt8])? {
        guard word.hasPrefix("=?UTF-8?"), word.hasSuffix("?="), word.count >= 12 else { return nil }
        let encoding = word[word.index(word.startIndex, offsetBy: 8)]
        let text = String(word.dropFirst(10).dropLast(2))
        switch encoding {
        case "B":
            guard let data = Data(base64Encoded: text) else { return nil }
            return ("B", Array(data))
        case "Q":
            guard let octets = quoted(Array(text.utf8), underscoreIsSpace: true) else { return nil }
            return ("Q", octets)
        default:
            return nil
        }
    }

    /// Quoted-printable lines (without line breaks) back to octets: soft
    /// breaks joined, hard breaks as LF.
    static func quotedPrintable(_ lines: [String]) -> [UInt8]? {
        var result: [UInt8] = []
        for line in lines {
            var bytes = Array(line.utf8)
            let soft = bytes.last == UInt8(ascii: "=")
            if soft { bytes.removeLast() }
            guard let decoded = quoted(bytes, underscoreIsSpace: false) else { return nil }
            result += decoded
            if !soft { result.append(0x0A) }
        }
        return result
    }

    private static func quoted(_ bytes: [UInt8], underscoreIsSpace: Bool) -> [UInt8]? {
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "=") {
                guard index + 2 < bytes.count,
                    let value = UInt8(String(decoding: bytes[index + 1...index + 2], as: UTF8.self), radix: 16)
                else { return nil }
                result.append(value)
                index += 3
            } else {
                result.append(underscoreIsSpace && byte == UInt8(ascii: "_") ? 0x20 : byte)
                index += 1
            }
        }
        return result
    }

    /// `bytes` split at CRLF; `nil` if a bare CR or LF occurs.
    static func crlfLines(_ bytes: [UInt8]) -> [String]? {
        var lines: [String] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A {
                lines.append(String(decoding: bytes[start..<index], as: UTF8.self))
                index += 2
                start = index
            } else if bytes[index] == 0x0D || bytes[index] == 0x0A {
                return nil
            } else {
                index += 1
            }
        }
        if start < bytes.count { lines.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return lines
    }

    /// The header section of a message, unfolded: (name, value) pairs.
    static func headers(_ message: [UInt8]) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = []
        for line in crlfLines(message) ?? [] {
            if line.isEmpty { break }
            if line.first == " " {
                fields[fields.count - 1].value += line
            } else if let colon = line.firstIndex(of: ":") {
                fields.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
        return fields
    }
}
