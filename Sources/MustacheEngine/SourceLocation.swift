/// A 1-based line and column, worked out from a byte offset only when an
/// error is reported.
///
/// Lines end at `\n`. The column counts characters (grapheme clusters) from
/// the start of the line, as a text editor shows them, so `名字{{` puts the
/// tag at column 3.
struct SourceLocation: Equatable {
    let line: Int
    let column: Int

    init(offset: Int, in source: [UInt8]) {
        let offset = min(max(offset, 0), source.count)
        var line = 1
        var lineStart = 0
        for index in 0..<offset where source[index] == ASCII.lineFeed {
            line += 1
            lineStart = index + 1
        }
        self.line = line
        column = String(decoding: source[lineStart..<offset], as: UTF8.self).count + 1
    }
}
