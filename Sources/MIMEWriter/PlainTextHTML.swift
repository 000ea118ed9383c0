/// Turns a plain-text reply into a simple, self-contained HTML document for
/// the `text/html` alternative: no CSS, scripts or remote resources.
public enum PlainTextHTML {
    /// The HTML form of `text`:
    ///
    /// - paragraphs split at blank lines, single line breaks as `<br>`;
    /// - runs of lines starting `- `, `* ` or `• ` as `<ul>`;
    /// - runs of lines starting `1. `, `1、`, `(1)` or `（1）` as `<ol>`;
    /// - runs of lines indented by four spaces or a tab as `<pre>`, the
    ///   indent removed;
    /// - a line of only dashes or equals signs (three or more) as `<hr>`;
    ///
    /// with `& < > " '` escaped, in a document with `<html lang>` (when
    /// `language` is given), `<meta charset="utf-8">` and `<title>`.
    public static func html(fromText text: String, language: String?, title: String) -> String {
        var html = "<!DOCTYPE html>\n"
        html += language.map { "<html lang=\"\(escaped($0))\">\n" } ?? "<html>\n"
        html += "<head>\n<meta charset=\"utf-8\">\n<title>\(escaped(title))</title>\n</head>\n<body>\n"
        for block in TextBlock.blocks(of: text) {
            html += block.html
            html += "\n"
        }
        html += "</body>\n</html>\n"
        return html
    }

    static func escaped(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}

/// One block of a plain-text body, as `PlainTextHTML` sees it.
enum TextBlock: Equatable {
    case paragraph([Substring])
    case bulleted([Substring])
    case numbered(start: Int, [Substring])
    case preformatted([Substring])
    case rule

    var html: String {
        switch self {
        case .paragraph(let lines):
            return "<p>" + lines.map(PlainTextHTML.escaped).joined(separator: "<br>\n") + "</p>"
        case .bulleted(let items):
            return "<ul>\n" + Self.listItems(items) + "</ul>"
        case .numbered(let start, let items):
            let open = start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
            return open + Self.listItems(items) + "</ol>"
        case .preformatted(let lines):
            return "<pre>" + lines.map(PlainTextHTML.escaped).joined(separator: "\n") + "</pre>"
        case .rule:
            return "<hr>"
        }
    }

    private static func listItems(_ items: [Substring]) -> String {
        items.map { "<li>\(PlainTextHTML.escaped($0))</li>\n" }.joined()
    }

    /// Splits `text` (LF, CRLF or CR line breaks) into blocks.
    static func blocks(of text: String) -> [TextBlock] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: isLineBreak)
        var blocks: [TextBlock] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if isBlank(line) {
                index += 1
            } else if isRule(line) {
                blocks.append(.rule)
                index += 1
            } else if indentRemoved(line) != nil {
                blocks.append(.preformatted(takePreformatted(lines, &index)))
            } else if bulletText(line) != nil {
                blocks.append(.bulleted(take(lines, &index, while: bulletText)))
            } else if let first = numberedItem(line) {
                blocks.append(.numbered(start: first.number, take(lines, &index, while: numberedItem).map(\.text)))
            } else {
                blocks.append(.paragraph(takeParagraph(lines, &index)))
            }
        }
        return blocks
    }

    private static func take<Item>(
        _ lines: [Substring], _ index: inout Int, while item: (Substring) -> Item?
    ) -> [Item] {
        var items: [Item] = []
        while index < lines.count, let next = item(lines[index]) {
            items.append(next)
            index += 1
        }
        return items
    }

    /// Indented lines, with blank lines between them kept.
    private static func takePreformatted(_ lines: [Substring], _ index: inout Int) -> [Substring] {
        var result: [Substring] = []
        while index < lines.count {
            if let code = indentRemoved(lines[index]) {
                result.append(code)
                index += 1
                continue
            }
            var next = index
            while next < lines.count && isBlank(lines[next]) { next += 1 }
            guard next < lines.count, indentRemoved(lines[next]) != nil, next > index else { break }
            result.append(contentsOf: Array(repeating: "", count: next - index))
            index = next
        }
        return result
    }

    /// Lines up to a blank line or the start of another kind of block.
    private static func takeParagraph(_ lines: [Substring], _ index: inout Int) -> [Substring] {
        var result = [lines[index]]
        index += 1
        while index < lines.count {
            let line = lines[index]
            if isBlank(line) || isRule(line) || indentRemoved(line) != nil || bulletText(line) != nil
                || numberedItem(line) != nil
            {
                break
            }
            result.append(line)
            index += 1
        }
        return result
    }

    /// LF, CRLF (one Character) or CR, as the MIME body counts line breaks.
    private static func isLineBreak(_ character: Character) -> Bool {
        character == "\n" || character == "\r\n" || character == "\r"
    }

    static func isBlank(_ line: Substring) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" }
    }

    static func isRule(_ line: Substring) -> Bool {
        let marks = line.filter { $0 != " " && $0 != "\t" }
        return marks.count >= 3 && (marks.allSatisfy { $0 == "-" } || marks.allSatisfy { $0 == "=" })
    }

    /// The line without its indent when it is indented by four spaces or a tab.
    static func indentRemoved(_ line: Substring) -> Substring? {
        if line.hasPrefix("\t") { return line.dropFirst() }
        if line.hasPrefix("    ") { return line.dropFirst(4) }
        return nil
    }

    static func bulletText(_ line: Substring) -> Substring? {
        let trimmed = line.drop(while: { $0 == " " })
        for marker in ["- ", "* ", "• "] where trimmed.hasPrefix(marker) {
            return trimmed.dropFirst(marker.count).drop(while: { $0 == " " })
        }
        return nil
    }

    /// `1. text`, `1、text`, `(1) text`, `（1）text`: the number and the text.
    static func numberedItem(_ line: Substring) -> (number: Int, text: Substring)? {
        let trimmed = line.drop(while: { $0 == " " })
        let forms: [(open: String, close: String)] = [("", ". "), ("", "、"), ("(", ")"), ("（", "）")]
        for form in forms where trimmed.hasPrefix(form.open) {
            let afterOpen = trimmed.dropFirst(form.open.count)
            let digits = afterOpen.prefix(while: { $0.isASCII && $0.isNumber })
            guard (1...4).contains(digits.count), let number = Int(digits) else { continue }
            let rest = afterOpen.dropFirst(digits.count)
            guard rest.hasPrefix(form.close) else { continue }
            return (number, rest.dropFirst(form.close.count).drop(while: { $0 == " " }))
        }
        return nil
    }
}
