import MIMEWriter
import MustacheEngine

/// How a case was closed; the closure template has one variant for each.
enum ClosureReason: String, CaseIterable, Sendable {
    case resolved
    case pendingCustomerData = "pending_customer_data"
    case noResponse = "no_response"
}

/// The earlier messages of a case's thread, newest first, their header
/// values already written out.
struct QuotedThread: Sendable {
    /// One object a message, as the quoted-thread template reads it: `from`,
    /// `sent`, `to`, `cc`, `subject` and `body` (as given), each text. Every
    /// key is present (empty when unknown): a missing one would make the
    /// template's relative lookup fall through to the case's own field.
    /// Template values, not a struct of the composer's: an array of one
    /// would be a new run-time type (~11k instructions at first use).
    var messages: [TemplateValue] = []
    /// The ids the messages give, newest first, without angle brackets.
    var messageIDs: [String] = []
}

/// Everything the composer derives from a case before rendering. A class:
/// the view and the reply read it where it is; copying the fields of a
/// struct out of it (arrays of the project's own types) went through
/// run-time type metadata.
final class ReplyFacts: Sendable {
    let kind: String
    let caseNumber: String
    let salutation: String
    let stage: String
    let subject: String
    let closing: String
    let sendDate: MessageDate
    let writtenDate: String
    let onsiteTime: String?
    let closureReason: ClosureReason
    /// The sender, signature name and From mailbox.
    let sender: SenderFacts
    let to: [Mailbox]
    let cc: [Mailbox]
    let messageID: String
    let notice: PrivacyNotice
    /// Notices to remove besides the locales' own (a custom organization notice).
    let extraNotices: [PrivacyNotice]
    let thread: QuotedThread

    init(
        kind: String, caseNumber: String, salutation: String, stage: String, subject: String, closing: String,
        sendDate: MessageDate, writtenDate: String, onsiteTime: String?, closureReason: ClosureReason, sender: SenderFacts,
        to: [Mailbox], cc: [Mailbox], messageID: String, notice: PrivacyNotice, extraNotices: [PrivacyNotice],
        thread: QuotedThread
    ) {
        self.kind = kind
        self.caseNumber = caseNumber
        self.salutation = salutation
        self.stage = stage
        self.subject = subject
        self.closing = closing
        self.sendDate = sendDate
        self.writtenDate = writtenDate
        self.onsiteTime = onsiteTime
        self.closureReason = closureReason
        self.sender = sender
        self.to = to
        self.cc = cc
        self.messageID = messageID
        self.notice = notice
        self.extraNotices = extraNotices
        self.thread = thread
    }
}

/// What the sender and organization fields and the time zone give a reply:
/// the part of a case a batch profile usually supplies, so a batch can read
/// it once (see ``ProfileFacts``). A class: every reply of a batch shares one.
final class SenderFacts: Sendable {
    /// The UTC offset dates are written at, for a moment.
    let offsetAt: @Sendable (Int64) -> Int
    /// `offsetAt` of the send time.
    let sendOffset: Int
    let signatureName: String?
    let from: Mailbox?
    /// True when `sender.email` is given (else the case mailbox is the sender).
    let hasSenderEmail: Bool
    /// `organization.case_mailbox.email` as given, and the mailbox when it is valid.
    let caseMailboxText: String?
    let caseMailbox: Mailbox?
    let messageDomain: String
    /// `organization.privacy_notice`, when the organization has its own.
    let noticeText: String?

    init(
        offsetAt: @escaping @Sendable (Int64) -> Int, sendOffset: Int, signatureName: String?, from: Mailbox?, hasSenderEmail: Bool,
        caseMailboxText: String?, caseMailbox: Mailbox?, messageDomain: String, noticeText: String?
    ) {
        self.offsetAt = offsetAt
        self.sendOffset = sendOffset
        self.signatureName = signatureName
        self.from = from
        self.hasSenderEmail = hasSenderEmail
        self.caseMailboxText = caseMailboxText
        self.caseMailbox = caseMailbox
        self.messageDomain = messageDomain
        self.noticeText = noticeText
    }
}

/// Reads the fields the composer itself needs from a case, checking each
/// one and collecting every problem (so `compose check` can list them all).
struct CaseReader {
    let data: TemplateValue
    let options: ReplyOptions
    private var problems: [CompositionError.Problem] = []

    init(data: TemplateValue, options: ReplyOptions) {
        self.data = data
        self.options = options
    }

    /// The paths every reply reads whatever its template (the salutation and subject need them).
    static let composerRequired = ["case.number", "case.title", "customer.name"]

    /// The fields a kind reads: its templates' reads plus the composer's own.
    /// A computed `compose.*` value a template reads stands for the case fields it is made from.
    static func fields(kind: String, templates: TemplateSet) -> TemplateFields {
        let read = templates.fields(of: kind)
        let computed = read.required + read.optional + read.lists
        var optional = Set(read.optional.filter(isCaseField)).union(composerOptional)
        var lists = Set(read.lists.filter(isCaseField))
        for (prefix, sources) in computedSources where computed.contains(where: { $0.hasPrefix(prefix) }) {
            optional.formUnion(sources)
            lists.formUnion(sources.filter { $0 == "analysis.evidence" })
        }
        let required = caseFields(required: read.required)
        return TemplateFields(required: required.sorted(), optional: optional.subtracting(required).sorted(), lists: lists.sorted())
    }

    /// The `required` of ``fields(kind:templates:)``, at a fraction of the cost.
    static func requiredFields(kind: String, templates: TemplateSet) -> [String] {
        caseFields(required: templates.requiredPaths(of: kind))
    }

    /// The case fields among a kind's required `reads`, with the composer's own, sorted.
    private static func caseFields(required reads: [String]) -> [String] {
        Set(reads.filter(isCaseField)).union(composerRequired).sorted()
    }

    /// True for a path the case supplies (not a computed `compose.*` value or a list item).
    private static func isCaseField(_ path: String) -> Bool {
        path != "compose" && !path.hasPrefix("compose.") && !path.hasSuffix("[]")
    }

    /// Fields every reply may read (salutation, subject, addresses, dates, notice, thread).
    private static let composerOptional = [
        "locale", "time_zone", "case.tracking_token", "customer.family_name", "customer.title", "customer.email",
        "cc", "sender.name", "sender.latin_name", "sender.email", "organization.case_mailbox.name",
        "organization.case_mailbox.email", "organization.domain", "organization.privacy_notice", "thread",
    ]

    /// The case fields behind computed values, by the `compose.` path a template reads.
    private static let computedSources: [(String, [String])] = [
        ("compose.evidence", ["analysis.evidence"]),
        ("compose.closure", ["closure.reason"]),
        ("compose.onsite_time", ["onsite.time"]),
    ]

    /// Reads and checks everything; throws a data error listing every problem
    /// found. `shared`, when given, stands for the sender, organization and
    /// time-zone fields, read before without a problem.
    mutating func readFacts(kind: String, in compiled: CompiledLocale, shared: SenderFacts? = nil) throws(CompositionError) -> ReplyFacts {
        let bundle = compiled.bundle
        for path in compiled.requiredFields[kind] ?? Self.fields(kind: kind, templates: compiled.templates).required.map(FieldPath.init) {
            _ = requiredText(path)
        }
        // The number goes into the Subject, so it is header text too.
        let number = requiredText(Field.caseNumber).flatMap { _ in headerText(Field.caseNumber) } ?? ""
        let title = headerText(Field.caseTitle) ?? ""
        let name = headerText(Field.customerName) ?? ""
        let token = headerText(Field.caseTrackingToken)
        let sender = shared ?? readSenderFacts()
        let offsetAt = sender.offsetAt
        let sendDate = MessageDate(epochSeconds: options.sendEpochSeconds, utcOffsetMinutes: sender.sendOffset)
        let thread = readThread(offsetAt: offsetAt, dateStyle: bundle.dateStyle)
        let stage = bundle.stage(for: kind) ?? kind
        let notice = sender.noticeText.map { PrivacyNotice(title: bundle.privacyNotice.title, text: $0) } ?? bundle.privacyNotice
        let facts = ReplyFacts(
            kind: kind,
            caseNumber: number,
            salutation: Salutation.make(name: name, familyName: headerText(Field.customerFamilyName), honorific: headerText(Field.customerTitle), rules: bundle.salutation),
            stage: stage,
            subject: SubjectLine.make(number: number, title: title, stage: stage, token: token, isReply: !thread.messages.isEmpty, rules: bundle.subject),
            closing: bundle.closing(for: kind),
            sendDate: sendDate,
            writtenDate: bundle.dateStyle.write(sendDate),
            onsiteTime: dateTime(Field.onsiteTime).map { bundle.dateStyle.write(MessageDate(epochSeconds: $0, utcOffsetMinutes: offsetAt($0))) },
            closureReason: closureReason(),
            sender: sender,
            to: mailbox(name: Field.customerName, email: Field.customerEmail, required: options.needsAddresses).map { [$0] } ?? [],
            cc: carbonCopies(sender),
            messageID: MessageID.make(caseNumber: number, kind: kind, epochSeconds: options.sendEpochSeconds, domain: sender.messageDomain),
            notice: notice,
            extraNotices: notice == bundle.privacyNotice ? [] : [notice],
            thread: thread)
        guard problems.isEmpty else { throw CompositionError(.data, problems) }
        return facts
    }

    /// Reads the sender, organization and time-zone fields.
    mutating func readSenderFacts() -> SenderFacts {
        let offsetAt = zoneOffsets()
        let caseMailboxText = optionalText(Field.organizationCaseMailboxEmail)
        return SenderFacts(
            offsetAt: offsetAt,
            sendOffset: offsetAt(options.sendEpochSeconds),
            signatureName: signatureName(),
            from: sender(),
            hasSenderEmail: optionalText(Field.senderEmail) != nil,
            caseMailboxText: caseMailboxText,
            caseMailbox: caseMailboxText == nil ? nil : mailbox(name: Field.organizationCaseMailboxName, email: Field.organizationCaseMailboxEmail, required: false),
            messageDomain: messageDomain(),
            noticeText: optionalText(Field.organizationPrivacyNotice))
    }

    /// True when reading found no problem so far.
    var isClean: Bool { problems.isEmpty }

    // MARK: - Field readers

    /// The value at a path whose numeric segments index lists (`cc.0.email`).
    private func value(_ path: FieldPath) -> TemplateValue? {
        path.value(in: data)
    }

    /// Records a problem once: a field read in several places (`sender.email`
    /// by the sender, the copies and the Message-ID domain) is reported once.
    private mutating func problem(_ path: FieldPath, _ message: String) {
        let found = CompositionError.Problem(path: path.jsonPath, message: message)
        if !problems.contains(found) { problems.append(found) }
    }

    /// A required scalar: present, not null, not blank, not an object or list.
    @discardableResult
    private mutating func requiredText(_ path: FieldPath) -> String? {
        if !problems.isEmpty, problems.contains(where: { $0.path == path.jsonPath }) { return nil }
        switch value(path) {
        case nil, .null?: problem(path, "required field is missing")
        case .string(let text)? where text.unicodeScalars.allSatisfy(\.isWhitespace): problem(path, "required field is empty")
        case let found?:
            if let text = scalarText(found) { return text }
            problem(path, "expected text, found \(describe(found))")
        }
        return nil
    }

    /// An optional scalar: nil when absent, null or blank; a problem when not text.
    private mutating func optionalText(_ path: FieldPath) -> String? {
        optionalText(value(path), at: path)
    }

    /// `optionalText(_:)` of a value already looked up. The `at` readers
    /// make the path of what they read (as the thread's fields are read, from
    /// their message's object) only to report a problem.
    private mutating func optionalText(_ found: TemplateValue?, at path: @autoclosure () -> FieldPath) -> String? {
        guard let found, found != .null else { return nil }
        guard let text = scalarText(found) else {
            problem(path(), "expected text, found \(describe(found))")
            return nil
        }
        let trimmed = text.trimmingWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Text for a header: line breaks and tabs fold to spaces; other control characters are refused.
    private mutating func headerText(_ path: FieldPath) -> String? {
        headerText(value(path), at: path)
    }

    private mutating func headerText(_ found: TemplateValue?, at path: @autoclosure () -> FieldPath) -> String? {
        guard let text = optionalText(found, at: path()) else { return nil }
        switch HeaderText.fold(text) {
        case .success(let folded): return folded
        case .failure(let scalar):
            problem(path(), "control character \(scalar) is not allowed in a name, subject or address")
            return nil
        }
    }

    private func scalarText(_ value: TemplateValue) -> String? {
        switch value {
        case .string(let text): return text
        case .number(let literal): return literal
        case .bool(let flag): return flag ? "true" : "false"
        default: return nil
        }
    }

    private func describe(_ value: TemplateValue) -> String {
        switch value {
        case .object: return "an object"
        case .list: return "a list"
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "text"
        case .lambda: return "a function"
        }
    }

    /// An RFC 3339 date-time field, as epoch seconds.
    private mutating func dateTime(_ path: FieldPath) -> Int64? {
        dateTime(value(path), at: path)
    }

    private mutating func dateTime(_ found: TemplateValue?, at path: @autoclosure () -> FieldPath) -> Int64? {
        guard let text = optionalText(found, at: path()) else { return nil }
        guard let parsed = RFC3339.parse(text) else {
            problem(path(), "expected an RFC 3339 date-time like 2020-11-09T17:18:00+08:00, found '\(text)'")
            return nil
        }
        return parsed.epochSeconds
    }

    /// The UTC offset to write dates in: `time_zone` when set, else the send time's offset.
    private mutating func zoneOffsets() -> @Sendable (Int64) -> Int {
        let fallback = options.sendUTCOffsetMinutes
        guard let zone = optionalText(Field.timeZone) else { return { _ in fallback } }
        do {
            return try TimeZones.offsets(zone: zone)
        } catch {
            problem(Field.timeZone, error.message)
            return { _ in fallback }
        }
    }

    private mutating func closureReason() -> ClosureReason {
        guard let text = optionalText(Field.closureReason) else { return .resolved }
        let key = text.lowercasedCheaply.replacingHyphens
        guard let reason = ClosureReason(rawValue: key) else {
            let known = ClosureReason.allCases.map(\.rawValue).joined(separator: ", ")
            problem(Field.closureReason, "unknown reason '\(text)' (one of: \(known))")
            return .resolved
        }
        return reason
    }

    private mutating func signatureName() -> String? {
        guard let name = optionalText(Field.senderName) else { return nil }
        guard let latin = optionalText(Field.senderLatinName), latin != name else { return name }
        return name + " " + latin
    }

    /// A mailbox from a name and an address field; the address is checked.
    private mutating func mailbox(name namePath: FieldPath, email emailPath: FieldPath, required: Bool) -> Mailbox? {
        let address = required ? requiredText(emailPath).flatMap { _ in emailAddress(emailPath) } : emailAddress(emailPath)
        guard let address else { return nil }
        return Mailbox(name: headerText(namePath) ?? "", address: address)
    }

    private mutating func emailAddress(_ path: FieldPath) -> String? {
        guard let text = optionalText(path) else { return nil }
        guard MailSyntax.isAddress(text) else {
            problem(path, "'\(text)' is not an email address (expected local@domain)")
            return nil
        }
        return text
    }

    /// The sender; without `sender.email`, the case mailbox (a real support
    /// address). MIME needs one of them: a From address is never invented.
    private mutating func sender() -> Mailbox? {
        if let box = mailbox(name: Field.senderName, email: Field.senderEmail, required: false) { return box }
        if let box = mailbox(name: Field.organizationCaseMailboxName, email: Field.organizationCaseMailboxEmail, required: false) { return box }
        if options.needsAddresses && value(Field.senderEmail) == nil {
            problem(Field.senderEmail, "required field is missing (MIME needs a From address: sender.email or organization.case_mailbox.email)")
        }
        return nil
    }

    /// `cc[]`, then the case mailbox, each address once and never the customer's.
    private mutating func carbonCopies(_ sender: SenderFacts) -> [Mailbox] {
        var result: [Mailbox] = []
        // A handful of addresses: a list searched in order beats hashing them.
        var seen: [String] = []
        if let customer = optionalText(Field.customerEmail) { seen.append(customer.lowercasedCheaply) }
        if !sender.hasSenderEmail, let mailbox = sender.caseMailboxText {
            seen.append(mailbox.lowercasedCheaply)  // it is the sender then
        }
        for index in listCount(Field.cc) {
            if let box = mailbox(name: FieldPath("cc.\(index).name"), email: FieldPath("cc.\(index).email"), required: true), Self.isNew(box.address, in: &seen) {
                result.append(box)
            }
        }
        if let box = sender.caseMailbox, Self.isNew(box.address, in: &seen) { result.append(box) }
        return result
    }

    /// True when no address in `seen` equals `address` ignoring case; `seen` then holds it too.
    private static func isNew(_ address: String, in seen: inout [String]) -> Bool {
        let key = address.lowercasedCheaply
        guard !seen.contains(key) else { return false }
        seen.append(key)
        return true
    }

    /// The indices of a list field; a problem when it is not a list.
    private mutating func listCount(_ path: FieldPath) -> Range<Int> {
        0..<listItems(value(path), at: path).count
    }

    /// The items of a list field; none, and a problem, when it is not a list.
    private mutating func listItems(_ found: TemplateValue?, at path: @autoclosure () -> FieldPath) -> [TemplateValue] {
        switch found {
        case nil, .null?: return []
        case .list(let items)?: return items
        case let other?:
            problem(path(), "expected a list, found \(describe(other))")
            return []
        }
    }

    private mutating func messageDomain() -> String {
        if let domain = optionalText(Field.organizationDomain) {
            if MailSyntax.isHostName(domain) { return domain }
            problem(Field.organizationDomain, "'\(domain)' is not a domain name")
        }
        if let sender = optionalText(Field.senderEmail), let at = sender.lastIndex(of: "@"), MailSyntax.isAddress(sender) {
            return String(sender[sender.index(after: at)...])
        }
        return "compose.invalid"
    }

    // MARK: - Thread

    private mutating func readThread(offsetAt: @Sendable (Int64) -> Int, dateStyle: DateStyle) -> QuotedThread {
        var thread = QuotedThread()
        for (index, item) in listItems(value(Field.thread), at: Field.thread).enumerated() {
            let base = { FieldPath("thread.\(index)") }  // made only for a problem
            guard case .object(let message) = item else {
                problem(base(), "expected an object, found \(describe(item))")
                continue
            }
            let sent = dateTime(message["sent"], at: base().appending("sent")).map {
                dateStyle.write(MessageDate(epochSeconds: $0, utcOffsetMinutes: offsetAt($0)))
            }
            let entry: [(key: String, value: TemplateValue)] = [
                ("from", .string(addressList(message["from"], at: base().appending("from"), single: true))),
                ("sent", .string(sent ?? "")),
                ("to", .string(addressList(message["to"], at: base().appending("to"), single: false))),
                ("cc", .string(addressList(message["cc"], at: base().appending("cc"), single: false))),
                ("subject", .string(headerText(message["subject"], at: base().appending("subject")) ?? "")),
                ("body", .string(optionalBody(message["body"], at: base().appending("body")))),
            ]
            thread.messages.append(.object(TemplateObject(uniqueKeys: entry[...])))
            if let id = messageIDField(message["message_id"], at: base().appending("message_id")) {
                thread.messageIDs.append(id)
            }
        }
        return thread
    }

    private mutating func optionalBody(_ found: TemplateValue?, at path: @autoclosure () -> FieldPath) -> String {
        guard let found, found != .null else { return "" }
        guard let text = scalarText(found) else {
            problem(path(), "expected text, found \(describe(found))")
            return ""
        }
        return text
    }

    /// `Name <email>` for one address object or a list of them, joined with "; ".
    private mutating func addressList(_ found: TemplateValue?, at path: @autoclosure () -> FieldPath, single: Bool) -> String {
        if single { return quotedAddress(found, at: path()) ?? "" }
        var list = ""
        var isFirst = true
        for (index, item) in listItems(found, at: path()).enumerated() {
            guard let entry = quotedAddress(item, at: path().appending(String(index))) else { continue }
            if !isFirst { list += "; " }
            list += entry
            isFirst = false
        }
        return list
    }

    private mutating func quotedAddress(_ found: TemplateValue?, at path: @autoclosure () -> FieldPath) -> String? {
        switch found {
        case nil, .null?: return nil
        case .string(let text)?: return text
        case .object(let address)?:
            let name = headerText(address["name"], at: path().appending("name"))
            let email = optionalText(address["email"], at: path().appending("email"))
            switch (name, email) {
            case let (name?, email?): return "\(name) <\(email)>"
            case let (name?, nil): return name
            case let (nil, email?): return email
            case (nil, nil): return nil
            }
        case let other?:
            problem(path(), "expected an object {name, email}, found \(describe(other))")
            return nil
        }
    }

    private mutating func messageIDField(_ found: TemplateValue?, at path: @autoclosure () -> FieldPath) -> String? {
        guard var text = optionalText(found, at: path()) else { return nil }
        if text.hasPrefix("<") && text.hasSuffix(">") {  // then each is a whole character of one byte
            text = String(text[text.utf8.index(after: text.startIndex)..<text.utf8.index(before: text.endIndex)])
        }
        guard MailSyntax.isMessageID(text) else {
            problem(path(), "'\(text)' is not a message id (expected <local@domain>)")
            return nil
        }
        return text
    }
}

/// The case paths the reader reads, each split once.
private enum Field {
    static let caseNumber = FieldPath("case.number")
    static let caseTitle = FieldPath("case.title")
    static let caseTrackingToken = FieldPath("case.tracking_token")
    static let cc = FieldPath("cc")
    static let closureReason = FieldPath("closure.reason")
    static let customerEmail = FieldPath("customer.email")
    static let customerFamilyName = FieldPath("customer.family_name")
    static let customerName = FieldPath("customer.name")
    static let customerTitle = FieldPath("customer.title")
    static let onsiteTime = FieldPath("onsite.time")
    static let organizationCaseMailboxEmail = FieldPath("organization.case_mailbox.email")
    static let organizationCaseMailboxName = FieldPath("organization.case_mailbox.name")
    static let organizationDomain = FieldPath("organization.domain")
    static let organizationPrivacyNotice = FieldPath("organization.privacy_notice")
    static let senderEmail = FieldPath("sender.email")
    static let senderLatinName = FieldPath("sender.latin_name")
    static let senderName = FieldPath("sender.name")
    static let thread = FieldPath("thread")
    static let timeZone = FieldPath("time_zone")
}
