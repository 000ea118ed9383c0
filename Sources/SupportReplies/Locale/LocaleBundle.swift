public import MustacheEngine

/// One locale's strings and rules (`locales/<locale>.json`), validated.
///
/// Every key of the schema is checked when the bundle is made, so a bad
/// locale file fails once, with the key path, instead of producing a
/// broken reply later. A bundle is made once and shared by every reply
/// (a class, so passing it around copies no rules).
public final class LocaleBundle: Sendable {
    /// The locale identifier (`zh-CN`), from the `locale` key.
    public let identifier: String
    /// The language's own name (`简体中文`), from `language_name`.
    public let languageName: String
    /// The whole locale object, as read (for exposing labels to templates).
    public let raw: TemplateValue
    /// How subject lines are written.
    public let subject: SubjectRules
    /// How the customer is greeted.
    public let salutation: SalutationRules
    /// How dates are written in the reply (`dates`).
    public let dateStyle: DateStyle
    /// The labels of the quoted-thread headers (`from`, `sent`, …).
    public let labels: TemplateObject
    /// The default privacy notice of the locale.
    public let privacyNotice: PrivacyNotice
    /// The stage labels and closings by kind, validated: kept as read (an
    /// object this small is searched faster than a dictionary is built).
    private let stages: TemplateObject
    private let closing: String
    private let closings: TemplateObject

    /// The labels every locale must give (the quoted-thread template uses them).
    static let requiredLabels = ["from", "sent", "to", "cc", "subject", "original_message"]

    /// Reads and validates a locale object.
    /// - Throws: `LocaleError` naming the first key path that is missing,
    ///   of the wrong type, empty, or uses an unknown placeholder.
    public init(_ value: TemplateValue) throws(LocaleError) {
        let root = LocaleField(root: value)
        _ = try root.object()
        raw = value
        identifier = try Self.identifier(root.child("locale"))
        languageName = try root.child("language_name").string()
        stages = try root.child("stages").stringObject()
        subject = try SubjectRules(root.child("subject"))
        salutation = try SalutationRules(root.child("salutation"))
        closing = try root.child("closing").string()
        closings = try root.child("closings").stringObject()
        dateStyle = try DateStyle(root.child("dates"))
        labels = try Self.labels(root.child("labels"))
        privacyNotice = try PrivacyNotice(root.child("privacy_notice"))
    }

    /// The localized stage label of a reply kind (`closure` → `案例关闭`),
    /// or `nil` when the locale has none for it.
    public func stage(for kind: String) -> String? {
        stages[kind]?.stringValue
    }

    /// The closing of a reply kind: `closings[kind]`, else `closing`.
    public func closing(for kind: String) -> String {
        closings[kind]?.stringValue ?? closing
    }

    private static func identifier(_ field: LocaleField) throws(LocaleError) -> String {
        let text = try field.string()
        let allowed = text.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_": return true
            default: return false
            }
        }
        guard allowed else {
            throw field.error(
                "expected a locale identifier of ASCII letters, digits and \"-\" (like \"zh-CN\"), found \"\(text)\"")
        }
        return text
    }

    private static func labels(_ field: LocaleField) throws(LocaleError) -> TemplateObject {
        _ = try field.object()
        for key in requiredLabels {
            _ = try field.child(key).string()
        }
        return try field.stringObject()
    }

}

extension SubjectRules {
    init(_ field: LocaleField) throws(LocaleError) {
        self.init(
            formatPattern: try field.child("format").pattern(placeholders: ["number", "title", "stage", "token"]),
            replyPrefix: try field.child("reply_prefix").string())
    }
}

extension PrivacyNotice {
    init(_ field: LocaleField) throws(LocaleError) {
        self.init(title: try field.child("title").string(), text: try field.child("text").string())
    }
}

extension SalutationRules {
    /// Reads `salutation`. Where the family name stands needs no setting: a
    /// Han name's family name always leads and a Latin-script name's is its
    /// last word, whatever the locale.
    init(_ field: LocaleField) throws(LocaleError) {
        let withHonorific = try field.child("with_honorific").pattern(placeholders: ["family", "honorific", "name"])
        let withoutHonorific = try field.child("without_honorific").pattern(placeholders: ["name"])
        self.init(
            withHonorific: withHonorific,
            withoutHonorific: withoutHonorific,
            compoundFamilyNames: try field.child("compound_family_names").strings(),
            honorificForms: try field.child("honorifics").stringObject(),
            genericHonorifics: try field.child("generic_honorifics").strings(),
            romanizesHanFamilyNames: try field.child("romanize_han_family_names").optionalBool() ?? false)
    }
}

extension DateStyle {
    init(_ field: LocaleField) throws(LocaleError) {
        let ampm = try field.child("ampm").strings(count: 2)
        self.init(
            pattern: try field.child("long").pattern(placeholders: Self.placeholders),
            weekdays: try field.child("weekdays").strings(count: 7),
            months: try field.child("months").strings(count: 12),
            ante: ampm[0], post: ampm[1])
    }
}
