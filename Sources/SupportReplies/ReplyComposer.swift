public import MustacheEngine
import MIMEWriter

/// What a composition needs besides the case: the locale asked for and the send time.
public struct ReplyOptions: Sendable {
    /// `--locale`; nil means the case's `locale`, else `zh-CN`.
    public var locale: String?
    /// The send moment, seconds since the epoch.
    public var sendEpochSeconds: Int64
    /// The UTC offset of `--date`, used when the case names no `time_zone`.
    public var sendUTCOffsetMinutes: Int
    /// True for MIME output, which needs the sender's and the customer's addresses.
    public var needsAddresses: Bool

    public init(locale: String? = nil, sendEpochSeconds: Int64, sendUTCOffsetMinutes: Int = 0, needsAddresses: Bool = false) {
        self.locale = locale
        self.sendEpochSeconds = sendEpochSeconds
        self.sendUTCOffsetMinutes = sendUTCOffsetMinutes
        self.needsAddresses = needsAddresses
    }
}

/// What a batch profile settles for every case merged over it, read once:
/// the sender, the organization and the time zone.
public struct ProfileFacts: Sendable {
    let sender: SenderFacts

    /// The top-level fields the facts come from.
    private static let sources = [MemberKey("sender"), MemberKey("organization"), MemberKey("time_zone")]

    /// True when `record` (the case before the merge) has none of the
    /// fields these facts come from, so that merged over the profile it
    /// reads the same there.
    public func applies(to record: TemplateValue) -> Bool {
        Self.sources.allSatisfy { record[$0] == nil }
    }
}

/// Turns a case into a finished reply and enforces what every reply
/// guarantees, whatever the template says: required fields present and not
/// empty, the salutation and subject by the locale's rules, exactly one
/// reply prefix, the privacy notice exactly once after the signature, and
/// earlier messages quoted without their copies of it.
///
/// A composer is an immutable value: build it once (templates compiled up
/// front) and compose from any number of threads.
public struct ReplyComposer: Sendable {
    /// The files this composer was built from.
    public let catalog: ReplyCatalog
    private let locales: [String: CompiledLocale]
    private let allNotices: [PrivacyNotice]

    /// The locale used when neither the options nor the case name one.
    public static let defaultLocale = "zh-CN"

    /// Compiles the templates and reads the rules of `locales` (all locales
    /// when nil), and reads the privacy notice of every other locale, so the
    /// notices of all of them are removed from quoted messages. A one-off
    /// reply compiles only its own locale; a batch compiles them all once.
    /// `kinds` limits the kinds prepared ahead (all when nil); others still work, prepared per reply.
    public init(catalog: ReplyCatalog = .builtIn, locales wanted: Set<String>? = nil, kinds: Set<String>? = nil) throws(CompositionError) {
        self.catalog = catalog
        var compiled: [String: CompiledLocale] = [:]
        var notices: [PrivacyNotice] = []
        for locale in catalog.templateLocales {
            let notice: PrivacyNotice
            if wanted?.contains(locale) ?? true {
                let bundle = try CompiledLocale.readBundle(locale, in: catalog)
                compiled[locale] = try CompiledLocale.compile(locale, in: catalog, bundle: bundle, kinds: kinds)
                notice = bundle.privacyNotice
            } else {
                notice = try CompiledLocale.readNotice(locale, in: catalog)
            }
            if !notices.contains(notice) { notices.append(notice) }
        }
        self.locales = compiled
        self.allNotices = notices
    }

    /// Composes a reply of `kind` from `data` (the case with the profile
    /// merged under it). `profile`, from ``profileFacts(_:options:)``, saves
    /// reading again what the profile settles; give it only for a case it
    /// ``ProfileFacts/applies(to:)`` to.
    public func compose(kind: String, data: TemplateValue, options: ReplyOptions, profile: ProfileFacts? = nil) throws(CompositionError) -> ComposedReply {
        let compiled = try resolve(kind: kind, data: data, options: options)
        var reader = CaseReader(data: data, options: options)
        let facts = try reader.readFacts(kind: kind, in: compiled, shared: profile?.sender)
        let view = ReplyView(kind: kind, data: data, facts: facts, compiled: compiled)
        var body = try render(kind, view.data, compiled: compiled)
        let notices = facts.extraNotices.isEmpty ? allNotices : allNotices + facts.extraNotices
        body = PrivacyNotice.removingCopies(of: notices, from: body)
        body = BodyText.joined([body, noticeBlock(facts.notice)])
        if !facts.thread.messages.isEmpty {
            let quoted = try render(ReplyCatalog.quotedThreadTemplate, view.threadData(facts.thread.messages, removing: notices), compiled: compiled)
            body = BodyText.joined([body, quoted])
        }
        return ComposedReply(kind: kind, locale: compiled.bundle.identifier, facts: facts, body: BodyText.normalized(body))
    }

    /// What `profile` settles for every case merged over it with `options`
    /// (the sender, the organization, the time zone), read once; nil when
    /// those fields have a problem, which each case then reports itself.
    public func profileFacts(_ profile: TemplateValue, options: ReplyOptions) -> ProfileFacts? {
        var reader = CaseReader(data: profile, options: options)
        let sender = reader.readSenderFacts()
        return reader.isClean ? ProfileFacts(sender: sender) : nil
    }

    /// Every problem that would stop `compose`, without rendering (for `compose check`).
    public func problems(kind: String, data: TemplateValue, options: ReplyOptions) -> [CompositionError] {
        do {
            let compiled = try resolve(kind: kind, data: data, options: options)
            var reader = CaseReader(data: data, options: options)
            _ = try reader.readFacts(kind: kind, in: compiled)
            return []
        } catch {
            return [error]
        }
    }

    /// The case fields `kind` reads in `locale`, derived from its templates
    /// and the composer's own reads (`compose.*` values are the composer's, not the case's).
    public func fields(kind: String, locale: String) throws(CompositionError) -> TemplateFields {
        let compiled = try compiledLocale(locale)
        guard compiled.kinds.contains(kind) else { throw unknownKind(kind, locale: locale) }
        return CaseReader.fields(kind: kind, templates: try compiled.preparing(kind).templates)
    }

    /// The locales that have templates.
    public var localeIdentifiers: [String] { catalog.templateLocales }

    /// The reply kinds of the locales this composer compiled, and the locales
    /// each exists in, sorted by kind.
    public var kinds: [(kind: String, locales: [String])] {
        var byKind: [String: [String]] = [:]
        for locale in locales.keys.sorted() {
            for kind in locales[locale]!.kinds { byKind[kind, default: []].append(locale) }
        }
        return byKind.keys.sorted().map { ($0, byKind[$0]!) }
    }

    // MARK: - Steps

    /// The locale a reply is written in: `--locale`, else the case's (or its profile's) `locale`, else zh-CN.
    public static func locale(option: String?, data: TemplateValue) -> String {
        option ?? data["locale"]?.stringValue ?? defaultLocale
    }

    private func resolve(kind: String, data: TemplateValue, options: ReplyOptions) throws(CompositionError) -> CompiledLocale {
        let locale = Self.locale(option: options.locale, data: data)
        let compiled = try compiledLocale(locale)
        guard compiled.kinds.contains(kind) else { throw unknownKind(kind, locale: locale) }
        return try compiled.preparing(kind)
    }

    private func compiledLocale(_ locale: String) throws(CompositionError) -> CompiledLocale {
        guard let compiled = locales[locale] else {
            if catalog.templateFiles(locale) != nil { throw .usage("locale '\(locale)' was not compiled by this composer") }
            throw .usage("unknown locale '\(locale)' (available: \(localeIdentifiers.joined(separator: ", ")))")
        }
        return compiled
    }

    /// The usage error for a kind no locale has, listing the kinds there are.
    public func unknownKindError(_ kind: String) -> CompositionError {
        unknownKind(kind, locale: Self.defaultLocale)
    }

    private func unknownKind(_ kind: String, locale: String) -> CompositionError {
        // Only on this error path are the other locales compiled, to say where the kind exists.
        let all = locales.count == catalog.templateLocales.count ? kinds : ((try? ReplyComposer(catalog: catalog))?.kinds ?? kinds)
        let elsewhere = all.first { $0.kind == kind }?.locales ?? []
        if !elsewhere.isEmpty {
            return .usage("kind '\(kind)' has no \(locale) template (it exists in \(elsewhere.joined(separator: ", ")))")
        }
        let known = all.map(\.kind).joined(separator: ", ")
        return .usage("unknown kind '\(kind)' (kinds: \(known))")
    }

    private func render(_ name: String, _ data: TemplateValue, compiled: CompiledLocale) throws(CompositionError) -> String {
        do {
            return try compiled.templates.render(name, data: data, options: RenderOptions(escaping: .none, strict: true))
        } catch {
            if let path = error.path {
                // A required value the checks let through (a custom template reading a computed path).
                throw CompositionError(.data, [CompositionError.Problem(path: JSONPath(dotted: path), message: "required field is missing (read at \(compiled.location(of: error)))")])
            }
            throw CompositionError(.config, [CompositionError.Problem(location: compiled.location(of: error), message: error.message)])
        }
    }

    private func noticeBlock(_ notice: PrivacyNotice) -> String {
        Self.noticeRule + "\n" + notice.title + "\n" + notice.text
    }

    /// The line above the privacy notice: 60 hyphens. (A literal: building
    /// it with `String(repeating:count:)` cost 17k instructions at start-up.)
    private static let noticeRule = "------------------------------------------------------------"
}
