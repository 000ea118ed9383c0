import Foundation
import MustacheEngine
import SupportReplies
import TestSupport
import Testing

/// The reader's shortcuts (fingerprinted duplicate-key check, word-at-a-time
/// string scan, objects built once) against slow references: inserting into
/// a `TemplateObject` one key at a time, the generated value itself, and
/// Foundation's `JSONSerialization`.
@Suite("JSONReader fast paths")
struct JSONFastPathTests {
    /// Keys that are equal, canonically equivalent, or share a length and
    /// first seven bytes (one fingerprint) with another.
    static let trickyKeys = [
        "K", "\u{212A}", "é", "e\u{301}", "Å", "A\u{30A}", "\u{212B}", "customer_name", "customer_mail",
        "a", "", "中文", "名字", "名字x", "abcdefg", "abcdefgh", "abcdefgi",
    ]

    @Test func duplicateKeysAreFoundAsTemplateObjectFindsThem() throws {
        var random = SeededRandom(seed: 8259)
        for trial in 0..<400 {
            let count = random.int(1...90)
            var keys: [String] = []
            for index in 0..<count {
                keys.append(random.chance(25) ? random.pick(Self.trickyKeys) : "k\(trial)_\(index)")
            }
            // One member a line, the key at column 1, so locations need no column counting.
            let members = keys.enumerated().map { "\(Self.quoted($0.element, escaping: &random)): \($0.offset)" }
            let text = "{\n" + members.joined(separator: ",\n") + "\n}"

            var reference = TemplateObject()
            var firstRepeat: Int?
            for (index, key) in keys.enumerated() {
                if reference[key] != nil {
                    firstRepeat = index
                    break
                }
                reference[key] = .number(String(index))
            }
            if let firstRepeat {
                let error = #expect(throws: DataError.self) { try JSONReader.parse(Array(text.utf8), file: "d.json") }
                #expect(error?.message == "duplicate key '\(keys[firstRepeat])'", "trial \(trial)")
                #expect(error?.location == SourceLocation(file: "d.json", line: firstRepeat + 2, column: 1))
                #expect(error?.path == JSONPath([.key(keys[firstRepeat])]))
            } else {
                let value = try JSONReader.parse(Array(text.utf8), file: "d.json")
                #expect(value == .object(reference), "trial \(trial)")
                #expect(value.objectValue?.keys == keys)
                for key in keys { #expect(value[key] == reference[key]) }
            }
        }
    }

    @Test func keysSharingAFingerprintAreTold() throws {
        let text = #"{"abcdefgX": 1, "abcdefgY": 2, "abcdefghijk": 3, "abcdefghijl": 4}"#
        let value = try JSONReader.parse(Array(text.utf8), file: "f.json")
        #expect(value.objectValue?.keys == ["abcdefgX", "abcdefgY", "abcdefghijk", "abcdefghijl"])
        let repeated = #"{"abcdefghijk": 1, "abcdefgh\u0069jk": 2}"#
        let error = #expect(throws: DataError.self) { try JSONReader.parse(Array(repeated.utf8), file: "f.json") }
        #expect(error?.message == "duplicate key 'abcdefghijk'")
        #expect(error?.location?.column == 20)
    }

    @Test func randomDocumentsReadAsWrittenAndAsFoundationReadsThem() throws {
        var random = SeededRandom(seed: 20_260_101)
        for trial in 0..<300 {
            let value = Self.randomValue(depth: 0, &random)
            let text = Self.write(value, &random)
            let parsed = try JSONReader.parse(Array(text.utf8), file: "r.json")
            #expect(parsed == value, "trial \(trial): \(text)")
            let foundation = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            #expect(Self.same(parsed, foundation), "trial \(trial): \(text)")
        }
    }

    @Test func damagedDocumentsFailCleanlyOrReadAsValidText() {
        var random = SeededRandom(seed: 42)
        for _ in 0..<300 {
            var bytes = Array(Self.write(Self.randomValue(depth: 0, &random), &random).utf8)
            for _ in 0..<random.int(1...3) {
                bytes[random.int(0...(bytes.count - 1))] = UInt8(truncatingIfNeeded: random.next())
            }
            do {
                let value = try JSONReader.parse(bytes, file: "x.json")
                #expect(Self.allStringsValid(value))
            } catch {
                #expect(error.location != nil)
            }
        }
    }

    // MARK: - Generating

    static let alphabet: [String] = [
        "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{1}", "\u{1F}", "\u{7F}", "é", "中", "文", "，", "😀",
        "\u{2028}", "\u{FFFD}", "e\u{301}",
    ]

    static func randomString(_ random: inout SeededRandom) -> String {
        let length = random.pick([0, 1, 3, 7, 8, 9, 15, 16, 17, 40])
        return (0..<length).map { _ in random.chance(70) ? "x" : random.pick(alphabet) }.joined()
    }

    static func randomValue(depth: Int, _ random: inout SeededRandom) -> TemplateValue {
        switch random.int(0...(depth < 4 ? 7 : 4)) {
        case 0: return .null
        case 1: return .bool(random.chance(50))
        case 2: return .number(String(random.int(-1_000_000...1_000_000)))
        case 3, 4: return .string(randomString(&random))
        case 5: return .list((0..<random.int(0...6)).map { _ in randomValue(depth: depth + 1, &random) })
        default:
            var object = TemplateObject()
            for index in 0..<random.int(0...16) {
                let key = random.chance(50) ? randomString(&random) + "#\(index)" : "key\(index)"
                object[key] = randomValue(depth: depth + 1, &random)
            }
            return .object(object)
        }
    }

    /// JSON text for `value`, with random white space and a random choice of escapes.
    static func write(_ value: TemplateValue, _ random: inout SeededRandom) -> String {
        let space = random.pick(["", " ", "\n  ", "\t"])
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let literal): return literal
        case .string(let text): return quoted(text, escaping: &random)
        case .list(let items): return "[" + space + items.map { write($0, &random) }.joined(separator: "," + space) + "]"
        case .object(let object):
            let members = object.pairs.map { quoted($0.0, escaping: &random) + space + ":" + write($0.1, &random) }
            return "{" + space + members.joined(separator: "," + space) + space + "}"
        case .lambda: return "null"
        }
    }

    /// `text` as a JSON string, each scalar written plainly or escaped at random.
    static func quoted(_ text: String, escaping random: inout SeededRandom) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n" where random.chance(50): out += "\\n"
            case "/" where random.chance(50): out += "\\/"
            case _ where scalar.value < 0x20 || random.chance(10):
                for unit in String(scalar).utf16 { out += "\\u" + String(unit, radix: 16).uppercased().leftPadded(to: 4) }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    // MARK: - Comparing

    /// True when Foundation's reading of the text agrees with ours.
    static func same(_ value: TemplateValue, _ other: Any) -> Bool {
        switch value {
        case .null: return other is NSNull
        case .bool(let flag): return (other as? NSNumber)?.boolValue == flag
        case .number(let literal): return (other as? NSNumber)?.stringValue == literal
        case .string(let text): return (other as? String).map { Array($0.utf8) == Array(text.utf8) } ?? false
        case .list(let items):
            guard let array = other as? [Any], array.count == items.count else { return false }
            return zip(items, array).allSatisfy { same($0, $1) }
        case .object(let object):
            guard let dictionary = other as? [String: Any], dictionary.count == object.count else { return false }
            return object.pairs.allSatisfy { key, member in dictionary[key].map { same(member, $0) } ?? false }
        case .lambda: return false
        }
    }

    static func allStringsValid(_ value: TemplateValue) -> Bool {
        switch value {
        case .string(let text): return String(validating: Array(text.utf8), as: UTF8.self) != nil
        case .list(let items): return items.allSatisfy(allStringsValid)
        case .object(let object): return object.pairs.allSatisfy { allStringsValid(.string($0.0)) && allStringsValid($0.1) }
        default: return true
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
