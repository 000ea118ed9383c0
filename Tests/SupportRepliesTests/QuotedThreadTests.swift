import MustacheEngine
import Testing

@testable import SupportReplies

/// The earlier messages of a case (`thread[]`): their problems, with the
/// path of each, and what the reply makes of them.
@Suite struct QuotedThreadTests {
    static let options = ReplyOptions(sendEpochSeconds: 1_604_913_480, sendUTCOffsetMinutes: 480)

    static func record(thread: TemplateValue) -> TemplateValue {
        [
            "locale": "zh-CN",
            "case": ["number": "CAS-00002-TEST02", "title": "导出超时"],
            "customer": ["name": "韩雨桐", "email": "yutong.han@customer.example.net"],
            "sender": ["name": "顾言", "email": "yan.gu@support.example.com"],
            "thread": thread,
        ]
    }

    /// Every problem of every message, in the order the messages and their fields are read.
    @Test func problemsNameTheMessageAndField() throws {
        let thread: TemplateValue = [
            "not a message",
            ["sent": "yesterday", "from": ["name": ["an": "object"], "email": "a@example.com"], "message_id": "<no at sign>"],
            ["to": "x@example.com", "cc": ["one", 2], "subject": "re:\u{7}", "body": ["a", "list"]],
        ]
        let problems = try ReplyComposer().problems(kind: "initial-response", data: Self.record(thread: thread), options: Self.options)
        let messages = problems.flatMap(\.problems).map(\.description)
        #expect(messages == [
            "thread[0]: expected an object, found text",
            "thread[1].sent: expected an RFC 3339 date-time like 2020-11-09T17:18:00+08:00, found 'yesterday'",
            "thread[1].from.name: expected text, found an object",
            "thread[1].message_id: 'no at sign' is not a message id (expected <local@domain>)",
            "thread[2].to: expected a list, found text",
            "thread[2].cc[1]: expected an object {name, email}, found a number",
            "thread[2].subject: control character U+0007 is not allowed in a name, subject or address",
            "thread[2].body: expected text, found a list",
        ])
    }

    /// The quoted messages keep their order and header values; the reply
    /// answers the first one's id and lists the ids oldest first.
    @Test func messagesAreQuotedAndTheirIDsReferenced() throws {
        let thread: TemplateValue = [
            ["from": ["name": "韩雨桐", "email": "yutong.han@customer.example.net"], "sent": "2020-11-08T10:00:00+08:00",
             "subject": "回复: 导出超时", "body": "第二封。\n", "message_id": "<m2@mail.example.net>"],
            ["from": "顾言 <yan.gu@support.example.com>", "to": [["email": "yutong.han@customer.example.net"]],
             "body": "第一封。", "message_id": "<m1@support.example.com>"],
            ["body": "没有编号的一封。"],
        ]
        let reply = try ReplyComposer().compose(kind: "initial-response", data: Self.record(thread: thread), options: Self.options)
        #expect(reply.inReplyTo == "m2@mail.example.net")
        #expect(reply.references == ["m1@support.example.com", "m2@mail.example.net"])
        let second = try #require(reply.body.range(of: "第二封。"))
        let first = try #require(reply.body.range(of: "第一封。"))
        let third = try #require(reply.body.range(of: "没有编号的一封。"))
        #expect(second.upperBound < first.lowerBound && first.upperBound < third.lowerBound)
        #expect(reply.body.contains("顾言 <yan.gu@support.example.com>"))
        #expect(reply.body.contains("韩雨桐 <yutong.han@customer.example.net>"))
        #expect(reply.subject.hasPrefix("回复"))
    }
}
