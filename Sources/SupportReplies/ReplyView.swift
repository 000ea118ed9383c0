import MustacheEngine

/// The data a reply template renders: the case as given, plus the `compose`
/// object of values the composer computed. Case data cannot override
/// `compose`: it is set last.
struct ReplyView {
    let data: TemplateValue
    /// The `compose` object, kept as the value (an enum: dropping or reading
    /// it costs less than a bare `TemplateObject` on a one-off reply).
    private let computed: TemplateValue

    init(kind: String, data: TemplateValue, facts: ReplyFacts, compiled: CompiledLocale) {
        var members: [(key: String, value: TemplateValue)] = [
            ("kind", .string(kind)),
            ("locale", .string(compiled.bundle.identifier)),
            ("salutation", .string(facts.salutation)),
            ("subject", .string(facts.subject)),
            ("stage", .string(facts.stage)),
            ("closing", .string(facts.closing)),
            ("date", .string(facts.writtenDate)),
            ("labels", .object(compiled.bundle.labels)),
        ]
        members.reserveCapacity(13)
        if let time = facts.onsiteTime { members.append(("onsite_time", .string(time))) }
        if let name = facts.sender.signatureName { members.append(("signature_name", .string(name))) }
        members.append(("closure", Self.closureFlags(facts.closureReason)))
        members.append(("evidence", .list(Self.evidence(in: data))))
        let computed = TemplateObject(uniqueKeys: members[...])
        self.computed = .object(computed)
        self.data = Self.adding(computed, to: data)
    }

    /// `compose.closure`: `{resolved: true, pending_customer_data: false, …}`.
    private static func closureFlags(_ reason: ClosureReason) -> TemplateValue {
        .object(TemplateObject(uniqueKeys: ClosureReason.allCases.map { ($0.rawValue, .bool($0 == reason)) }[...]))
    }

    /// The data for the quoted-thread template: `compose.thread` holds the
    /// earlier messages (``QuotedThread/messages``), newest first, with the
    /// notices removed from their bodies.
    func threadData(_ thread: [TemplateValue], removing notices: [PrivacyNotice]) -> TemplateValue {
        let messages = thread.map { message in
            guard case .object(var object) = message, case .string(let body)? = object["body"] else {
                preconditionFailure("a quoted message is built as an object with a body")
            }
            object["body"] = .string(BodyText.normalized(PrivacyNotice.removingCopies(of: notices, from: body)).trimmingTrailingNewlines)
            return TemplateValue.object(object)
        }
        // A new object of the members read out and the thread: copying
        // `computed` to add to it would cost more. Without a lookup index:
        // the template reads a few of its dozen or so members, and a search
        // by fingerprint costs less than building the index.
        guard case .object(let computed) = computed else { preconditionFailure("compose is built as an object") }
        var members = (0..<computed.count).map { computed[member: $0] }
        members.append(("thread", .list(messages)))
        return Self.adding(TemplateObject(uniqueKeys: members[...], indexed: false), to: data)
    }

    private static func adding(_ computed: TemplateObject, to data: TemplateValue) -> TemplateValue {
        var root = data.objectValue ?? TemplateObject()
        root["compose"] = .object(computed)
        return .object(root)
    }

    private static let evidencePath = FieldPath("analysis.evidence")

    /// `analysis.evidence[]` as `{caption, block}`, the text indented by four
    /// spaces so it stands apart in text and becomes `<pre>` in HTML.
    private static func evidence(in data: TemplateValue) -> [TemplateValue] {
        guard let items = evidencePath.value(in: data)?.listValue else { return [] }
        return items.compactMap { item in
            let caption = item["caption"]?.stringValue ?? ""
            guard let text = item["text"]?.stringValue, !text.isEmpty else { return nil }
            let entry: [(key: String, value: TemplateValue)] = [
                ("caption", .string(caption)),  // present even when empty, so lookup never falls through
                ("block", .string(indented(text))),
            ]
            return .object(TemplateObject(uniqueKeys: entry[...]))
        }
    }

    /// Every non-empty line of `text` with four spaces in front (a CRLF line
    /// end counts as a line end too), worked on UTF-8 bytes a line at a time.
    static func indented(_ text: String) -> String {
        var text = text
        let block = text.withUTF8 { bytes in
            var block: [UInt8] = []
            block.reserveCapacity(bytes.count + 64)
            var lineStart = 0
            while lineStart < bytes.count {
                let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.count
                if bytes[lineStart] != UInt8(ascii: "\n") && bytes[lineStart] != UInt8(ascii: "\r") {
                    block.append(contentsOf: "    ".utf8)
                }
                block.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]))
                lineStart = lineEnd
            }
            return block
        }
        return String(decoding: block, as: UTF8.self)
    }
}
