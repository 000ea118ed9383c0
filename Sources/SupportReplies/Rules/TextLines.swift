/// Line arithmetic over a text held as UTF-8 bytes (offsets are byte
/// offsets). A line runs up to and including its `\n`; a `\r` before it is
/// part of the line. The bytes are a string's, lent by `withUTF8`: a
/// `TextLines` lives only inside that closure.
struct TextLines {
    private let text: UnsafeBufferPointer<UInt8>

    init(_ text: UnsafeBufferPointer<UInt8>) {
        self.text = text
    }

    /// The start of the line holding `index`.
    func start(of index: Int) -> Int {
        var position = index
        while position > 0, text[position - 1] != UInt8(ascii: "\n") {
            position -= 1
        }
        return position
    }

    /// The end (after its `\n`, or the end of the text) of the line holding `index`.
    func end(of index: Int) -> Int {
        var position = index
        while position < text.count, text[position] != UInt8(ascii: "\n") {
            position += 1
        }
        return min(position + 1, text.count)
    }

    /// The start of the run of blank lines just above the line starting at `lineStart`.
    func startOfBlankLines(above lineStart: Int) -> Int {
        var position = lineStart
        while position > 0, isBlank(start(of: position - 1)..<position) {
            position = start(of: position - 1)
        }
        return position
    }

    /// The end of the run of blank lines starting at `lineStart`.
    func endOfBlankLines(below lineStart: Int) -> Int {
        var position = lineStart
        while position < text.count, isBlank(position..<end(of: position)) {
            position = end(of: position)
        }
        return position
    }

    /// The start of the topmost separator line (`-----`) in the run of
    /// blank and separator lines just above the line starting at
    /// `lineStart`; `lineStart` when that run holds no separator.
    func startOfSeparatorsAbove(_ lineStart: Int) -> Int {
        var position = lineStart
        var top = lineStart
        while position > 0 {
            let line = start(of: position - 1)..<position
            if isSeparator(line) {
                top = line.lowerBound
            } else if !isBlank(line) {
                break
            }
            position = line.lowerBound
        }
        return top
    }

    /// Only whitespace and quote markers (`>`).
    private func isBlank(_ line: Range<Int>) -> Bool {
        allScalars(in: line, satisfy: Self.isBlankCharacter)
    }

    /// Only separator characters, whitespace and quote markers, with at
    /// least one separator character (one pass over the line).
    private func isSeparator(_ line: Range<Int>) -> Bool {
        var hasSeparator = false
        let onlyBlankOrSeparator = allScalars(in: line) { scalar in
            guard Self.isSeparatorCharacter(scalar) else { return Self.isBlankCharacter(scalar) }
            hasSeparator = true
            return true
        }
        return onlyBlankOrSeparator && hasSeparator
    }

    /// True when every scalar of `line` satisfies `predicate`.
    private func allScalars(in line: Range<Int>, satisfy predicate: (Unicode.Scalar) -> Bool) -> Bool {
        var offset = line.lowerBound
        while offset < line.upperBound {
            let (scalar, length) = text.scalar(at: offset)
            guard predicate(scalar) else { return false }
            offset += length
        }
        return true
    }

    private static func isBlankCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == ">" || scalar.isWhitespace
    }

    private static func isSeparatorCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "-", "=", "_", "*", "\u{2014}", "\u{2500}", "\u{2501}", "\u{FF0D}", "\u{FF1D}", "\u{FF3F}", "\u{FF0A}":
            return true
        default:
            return false
        }
    }
}
