import Foundation
import MIMEWriter

/// What an independent parser must read back from a written message.
struct ExpectedMessage: Encodable {
    struct Address: Encodable {
        var name: String
        var address: String
    }

    struct File: Encodable {
        var filename: String
        var contentType: String
        var base64: String
    }

    var subject: String
    var from: Address
    var to: [Address]
    var cc: [Address]
    var messageID: String
    var inReplyTo: String?
    var references: [String]
    var contentLanguage: String?
    var text: String
    var html: String?
    var attachments: [File]
    /// Whether Python must read display names exactly. A name too long for
    /// one encoded-word is cut at its spaces, and Python's `email` before
    /// 3.14 (gh-128110) then shows a space twice; such names are compared
    /// with runs of white space collapsed (the tests read them exactly with
    /// `Decoders.mailboxes`).
    var exactNames = true

    /// The expectations for `message`: every value as given, the bodies with
    /// LF line ends and a final line break, attachments under `filenames`
    /// (default: as given) with the type the writer sends.
    init(_ message: MailMessage, filenames: [String]? = nil) {
        let address = { (box: Mailbox) in Address(name: Self.displayed(box.name), address: box.address) }
        subject = message.subject
        from = address(message.from)
        to = message.to.map(address)
        cc = message.cc.map(address)
        messageID = "<\(message.messageID)>"
        inReplyTo = message.inReplyTo.map { "<\($0)>" }
        var thread = message.references
        if let parent = message.inReplyTo, thread.last != parent { thread.append(parent) }
        references = thread.map { "<\($0)>" }
        contentLanguage = message.contentLanguage
        text = Self.canonicalText(message.textBody)
        html = message.htmlBody.map(Self.canonicalText)
        attachments = message.attachments.enumerated().map { index, file in
            let isText = file.contentType.lowercased().hasPrefix("text/")
            let type = isText && String(bytes: file.data, encoding: .utf8) == nil ? "application/octet-stream" : file.contentType
            return File(
                filename: filenames?[index] ?? file.filename, contentType: type.lowercased(),
                base64: Data(file.data).base64EncodedString())
        }
    }

    /// A display name as written: white space after a space dropped.
    static func displayed(_ name: String) -> String {
        name.replacingOccurrences(of: " \\s+", with: " ", options: .regularExpression)
    }

    /// LF line ends (CRLF and CR count as line breaks), ending with one.
    static func canonicalText(_ text: String) -> String {
        var result = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if !result.isEmpty && !result.hasSuffix("\n") { result += "\n" }
        return result
    }
}

/// Reads written messages back with Python's `email` package and with
/// check-mime, in one process each for a whole batch.
enum RoundTrip {
    /// Writes the messages and their expectations to a temporary directory,
    /// checks them all with Python's `email` package (policy.default), and
    /// returns one line per difference or defect.
    static func pythonFailures(_ cases: [(bytes: [UInt8], expected: ExpectedMessage)]) throws -> [String] {
        let directory = try ExternalTools.temporaryDirectory("roundtrip")
        defer { try? FileManager.default.removeItem(at: directory) }
        let encoder = JSONEncoder()
        for (index, item) in cases.enumerated() {
            let name = String(format: "%05d", index)
            try Data(item.bytes).write(to: directory.appendingPathComponent("\(name).eml"))
            try encoder.encode(item.expected).write(to: directory.appendingPathComponent("\(name).json"))
        }
        let script = directory.appendingPathComponent("check.py")
        try pythonChecker.write(to: script, atomically: true, encoding: .utf8)
        let output = try ExternalTools.runPython([script.path, directory.path])
        var lines = output.stdout.split(separator: "\n").map(String.init)
        guard output.status == 0, lines.last == "checked \(cases.count)" else {
            return lines + ["python exited \(output.status): \(output.stderr)"]
        }
        lines.removeLast()
        return lines
    }

    /// Runs check-mime on `files` and returns its failure lines (`E-…`) and
    /// GMime padding warnings (`W-EW-PADDING`), plus a line when the
    /// summary does not count `messages` messages.
    static func checkMIMEFailures(_ files: [URL], messages: Int, options: [String] = []) throws -> [String] {
        guard let tool = ExternalTools.checkMIME else { throw ExternalTools.Missing() }
        let output = try ExternalTools.runPython([tool.path] + options + files.map(\.path))
        let lines = output.stdout.split(separator: "\n").map(String.init)
        var failures = lines.filter { $0.hasPrefix("E-") || $0.hasPrefix("W-EW-PADDING") }
        if !(lines.last ?? "").hasPrefix("check-mime: \(messages) messages, 0 failures") {
            failures.append("check-mime summary: \(lines.last ?? output.stderr)")
        }
        return failures
    }

    /// Writes each message to `<index>.eml` in a new temporary directory.
    static func writeFiles(_ messages: [[UInt8]], label: String) throws -> (directory: URL, files: [URL]) {
        let directory = try ExternalTools.temporaryDirectory(label)
        let files = try messages.enumerated().map { index, bytes in
            let url = directory.appendingPathComponent(String(format: "%05d.eml", index))
            try Data(bytes).write(to: url)
            return url
        }
        return (directory, files)
    }

    private static let pythonChecker = #"""
        import base64, json, os, sys
        import email, email.policy
        from email.parser import BytesParser

        LEGACY_PARAM_DEFECTS = {"encoded word inside quoted string", "missing trailing whitespace after encoded-word"}
        ALLOWED_TOP = {"from", "to", "cc", "subject", "date", "message-id", "in-reply-to", "references",
                       "mime-version", "content-language", "content-type", "content-transfer-encoding"}
        ALLOWED_PART = {"content-type", "content-transfer-encoding", "content-disposition"}

        def leaves(part):
            if part.get_content_type() == "message/rfc822" or not part.is_multipart():
                yield part
                return
            for child in part.get_payload():
                yield from leaves(child)

        def check(name, raw, exp):
            problems = []
            def fail(what, got, want):
                if got != want:
                    problems.append("%s: %s: got %r, want %r" % (name, what, got, want))
            msg = BytesParser(policy=email.policy.default).parsebytes(raw)
            for part in msg.walk():
                for d in part.defects:
                    problems.append("%s: defect %r in %s" % (name, d, part.get_content_type()))
                allowed = ALLOWED_TOP if part is msg else ALLOWED_PART
                for key, value in part.items():
                    if key.lower() not in allowed:
                        problems.append("%s: unexpected header %s" % (name, key))
                    for d in getattr(value, "defects", ()):
                        if key.lower() in ("content-type", "content-disposition") and str(d) in LEGACY_PARAM_DEFECTS:
                            continue
                        problems.append("%s: defect %r in header %s" % (name, d, key))
            fail("subject", str(msg["subject"]), exp["subject"])
            def name(text):
                return text if exp["exactNames"] else " ".join(text.split())
            def boxes(field):
                header = msg[field]
                if header is None:
                    return []
                return [{"name": name(a.display_name), "address": a.addr_spec} for a in header.addresses]
            def expected(boxes):
                return [{"name": name(b["name"]), "address": b["address"]} for b in boxes]
            fail("from", boxes("from"), expected([exp["from"]]))
            fail("to", boxes("to"), expected(exp["to"]))
            fail("cc", boxes("cc"), expected(exp["cc"]))
            fail("message-id", str(msg["message-id"]), exp["messageID"])
            fail("in-reply-to", None if msg["in-reply-to"] is None else str(msg["in-reply-to"]), exp.get("inReplyTo"))
            refs = str(msg["references"]).split() if msg["references"] is not None else []
            fail("references", refs, exp["references"])
            lang = msg["content-language"]
            fail("content-language", None if lang is None else str(lang), exp.get("contentLanguage"))
            texts, htmls, files = [], [], []
            for part in leaves(msg):
                if part.get_content_disposition() == "attachment":
                    filename = part.get_filename()
                    legacy = part["content-type"].params.get("name")
                    fail("attachment name= parameter", legacy, filename)
                    files.append({"filename": filename, "contentType": part.get_content_type(),
                                  "base64": base64.b64encode(part.get_payload(decode=True)).decode()})
                    continue
                data = part.get_payload(decode=True).decode(part.get_content_charset())
                fail("CRLF line breaks in %s" % part.get_content_type(), "\n" in data.replace("\r\n", ""), False)
                data = data.replace("\r\n", "\n")
                (htmls if part.get_content_type() == "text/html" else texts).append(data)
            fail("text", texts, [exp["text"]])
            fail("html", htmls, [exp["html"]] if exp.get("html") is not None else [])
            fail("attachments", files, exp["attachments"])
            return problems

        directory = sys.argv[1]
        names = sorted(n[:-4] for n in os.listdir(directory) if n.endswith(".eml"))
        for n in names:
            with open(os.path.join(directory, n + ".eml"), "rb") as f:
                raw = f.read()
            with open(os.path.join(directory, n + ".json"), encoding="utf-8") as f:
                exp = json.load(f)
            try:
                for line in check(n, raw, exp):
                    print(line)
            except Exception as e:
                print("%s: checker raised %s: %s" % (n, type(e).__name__, e))
        print("checked %d" % len(names))
        """#
}
