@testable import MIMEWriter
import Testing

@Suite("Plain text to HTML")
struct PlainTextHTMLTests {
    static func body(_ text: String) -> String {
        let html = PlainTextHTML.html(fromText: text, language: nil, title: "t")
        let start = html.range(of: "<body>\n")!.upperBound
        let end = html.range(of: "</body>")!.lowerBound
        return String(html[start..<end])
    }

    @Test(
        "blocks",
        arguments: [
            ("One\ntwo\n\nThree", "<p>One<br>\ntwo</p>\n<p>Three</p>\n"),
            ("C&M <b> \"q\" 'a'", "<p>C&amp;M &lt;b&gt; &quot;q&quot; &#39;a&#39;</p>\n"),
            ("Steps:\n- one\n* two\n• three\nAfter", "<p>Steps:</p>\n<ul>\n<li>one</li>\n<li>two</li>\n<li>three</li>\n</ul>\n<p>After</p>\n"),
            ("1. first\n2. second", "<ol>\n<li>first</li>\n<li>second</li>\n</ol>\n"),
            ("1、连接池\n2、线程", "<ol>\n<li>连接池</li>\n<li>线程</li>\n</ol>\n"),
            ("(3) c\n（4）d", "<ol start=\"3\">\n<li>c</li>\n<li>d</li>\n</ol>\n"),
            ("Run:\n    select 1;\n\n    select <2>;\nDone", "<p>Run:</p>\n<pre>select 1;\n\nselect &lt;2&gt;;</pre>\n<p>Done</p>\n"),
            ("\tcode", "<pre>code</pre>\n"),
            ("above\n-----\nbelow\n=====", "<p>above</p>\n<hr>\n<p>below</p>\n<hr>\n"),
            ("--\nsignature", "<p>--<br>\nsignature</p>\n"),
            ("1.5 GB is not a list", "<p>1.5 GB is not a list</p>\n"),
            ("-not a bullet", "<p>-not a bullet</p>\n"),
            ("a\r\nb\rc", "<p>a<br>\nb<br>\nc</p>\n"),
            ("", ""),
        ])
    func blocks(text: String, expected: String) {
        #expect(Self.body(text) == expected)
    }

    @Test("a complete, self-contained document")
    func document() {
        let html = PlainTextHTML.html(fromText: "Hi", language: "zh-CN", title: "[案例号: 1] % <x> & y")
        #expect(html == """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>[案例号: 1] % &lt;x&gt; &amp; y</title>
            </head>
            <body>
            <p>Hi</p>
            </body>
            </html>

            """)
        #expect(PlainTextHTML.html(fromText: "", language: nil, title: "").hasPrefix("<!DOCTYPE html>\n<html>\n"))
    }
}
