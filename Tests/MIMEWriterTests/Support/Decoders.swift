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

extension Decoders {
    /// A strict RFC 5322 / RFC 2047 reading of an address-list field value as
    /// the writer lays it out: words (atoms, quoted strings, encoded-words)
    /// then `<addr-spec>`, or a bare addr-spec; mailboxes separated by `,`.
    /// White space between two encoded-words is dropped, between other words
    /// it is one space. `nil` when the value does not parse.
    static func mailboxes(_ value: String) -> [(name: String, address: String)]? {
        var result: [(name: String, address: String)] = []
        var name = ""
        var previousWasEncoded = false
        var wordCount = 0
        var rest = Substring(value)
        func skipSpaces() { rest = rest.drop(while: { $0 == " " }) }
        skipSpaces()
        while !rest.isEmpty {
            var word: String
            var encoded = false
            if rest.first == "\"" {
                var text = ""
                var index = rest.index(after: rest.startIndex)
                while index < rest.endIndex && rest[index] != "\"" {
                    if rest[index] == "\\" { index = rest.index(after: index) }
                    guard index < rest.endIndex else { return nil }
                    text.append(rest[index])
                    index = rest.index(after: index)
                }
                guard index < rest.endIndex else { return nil }
                word = text
                rest = rest[rest.index(after: index)...]
            } else if rest.first == "<" {
                guard let close = rest.firstIndex(of: ">") else { return nil }
                result.append((name, String(rest[rest.index(after: rest.startIndex)..<close])))
                rest = rest[rest.index(after: close)...]
                skipSpaces()
                if rest.first == "," { rest = rest.dropFirst() }
                skipSpaces()
                name = ""
                wordCount = 0
                previousWasEncoded = false
                continue
            } else {
                let token = rest.prefix { $0 != " " && $0 != "," && $0 != "<" && $0 != "\"" }
                rest = rest.dropFirst(token.count)
                if token.contains("@") && wordCount == 0 {
                    result.append(("", String(token)))
                    skipSpaces()
                    if rest.first == "," { rest = rest.dropFirst() }
                    skipSpaces()
                    continue
                }
                if token.hasPrefix("=?"), let decoded = encodedWord(String(token)) {
                    guard let text = String(validating: decoded.octets, as: UTF8.self) else { return nil }
                    word = text
                    encoded = true
                } else {
                    word = String(token)
                }
            }
            if wordCount > 0 && !(encoded && previousWasEncoded) { name += " " }
            name += word
            wordCount += 1
            previousWasEncoded = encoded
            skipSpaces()
        }
        return wordCount == 0 ? result : nil
    }
}
