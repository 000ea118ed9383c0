import MustacheEngine
import SupportReplies
import Testing

@Suite struct ProfileFactsTests {
    static let options = ReplyOptions(sendEpochSeconds: 1_604_913_480, sendUTCOffsetMinutes: 480, needsAddresses: true)
    static let profile: TemplateValue = [
        "time_zone": "Asia/Shanghai",
        "sender": ["name": "林知秋", "email": "zhiqiu.lin@support.example.com"],
        "organization": ["domain": "support.example.com"],
    ]

    @Test func aCleanProfileIsReadOnce() throws {
        let composer = try ReplyComposer()
        #expect(composer.profileFacts(Self.profile, options: Self.options) != nil)
    }

    /// A problem in the profile's own fields is left for each case to report.
    @Test(arguments: [
        ["sender": ["email": "not an address"]],
        ["time_zone": "Mars/Olympus"],
        ["organization": ["domain": "bad domain"]],
        ["sender": ["name": ["an": "object"]]],
        [:],  // MIME needs a From address: none here
    ] as [TemplateValue])
    func aProfileWithAProblemIsNotRead(profile: TemplateValue) throws {
        let composer = try ReplyComposer()
        #expect(composer.profileFacts(profile, options: Self.options) == nil)
    }

    @Test(arguments: [
        (["case": ["number": "1"], "customer": ["name": "韩雨桐"]], true),
        (["sender": ["name": "顾言"]], false),
        (["organization": [:]], false),
        (["time_zone": "UTC"], false),
        (["sender": nil], false),
    ] as [(TemplateValue, Bool)])
    func appliesToRecordsThatLeaveItsFieldsAlone(record: TemplateValue, applies: Bool) throws {
        let facts = try #require(try ReplyComposer().profileFacts(Self.profile, options: Self.options))
        #expect(facts.applies(to: record) == applies)
    }
}
