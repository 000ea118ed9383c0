import Testing

@testable import SupportReplies

@Suite struct SubjectLineTests {
    static let zh = TestLocales.zhBundle.subject
    static let en = TestLocales.enBundle.subject

    struct Row: CustomTestStringConvertible, Sendable {
        let english: Bool
        let title: String
        let stage: String
        let token: String?
        let isReply: Bool
        let expected: String
        var testDescription: String { "\(title) → \(expected)" }
    }

    static let number = "CAS-01234-Q7W8E9"

    static let rows: [Row] = [
        .init(english: false, title: "打印服务无法启动", stage: "初次响应", token: "CMIT:0004711", isReply: false,
              expected: "[案例号: CAS-01234-Q7W8E9] % 打印服务无法启动 % 初次响应 CMIT:0004711"),
        .init(english: false, title: "打印服务无法启动", stage: "分析结果", token: "CMIT:0004711", isReply: true,
              expected: "回复: [案例号: CAS-01234-Q7W8E9] % 打印服务无法启动 % 分析结果 CMIT:0004711"),
        .init(english: false, title: "打印服务无法启动", stage: "案例关闭", token: nil, isReply: false,
              expected: "[案例号: CAS-01234-Q7W8E9] % 打印服务无法启动 % 案例关闭"),
        .init(english: false, title: "打印服务无法启动", stage: "案例关闭", token: "", isReply: true,
              expected: "回复: [案例号: CAS-01234-Q7W8E9] % 打印服务无法启动 % 案例关闭"),
        .init(english: false, title: "  打印服务   无法启动 ", stage: "日志收集", token: " CMIT:0004711 ", isReply: false,
              expected: "[案例号: CAS-01234-Q7W8E9] % 打印服务 无法启动 % 日志收集 CMIT:0004711"),
        .init(english: false, title: "回复: 打印服务无法启动", stage: "分析结果", token: "CMIT:0004711", isReply: true,
              expected: "回复: [案例号: CAS-01234-Q7W8E9] % 打印服务无法启动 % 分析结果 CMIT:0004711"),
        .init(english: false, title: "RE: 回复: RE: Re[2]: 答复：AW: 打印服务无法启动", stage: "分析结果", token: "CMIT:0004711",
              isReply: true, expected: "回复: [案例号: CAS-01234-Q7W8E9] % 打印服务无法启动 % 分析结果 CMIT:0004711"),
        .init(english: false, title: "RE: 回复: [案例号: CAS-01234-Q7W8E9] % 打印服务无法启动 % 初次响应 CMIT:0004711",
              stage: "分析结果", token: "CMIT:0004711", isReply: true,
              expected: "回复: [案例号: CAS-01234-Q7W8E9] % 打印服务无法启动 % 分析结果 CMIT:0004711"),
        .init(english: false, title: "[案例号: CAS-01234-Q7W8E9]%打印服务无法启动%分析结果 CMIT:0004711",
              stage: "案例关闭", token: "CMIT:0004711", isReply: false,
              expected: "[案例号: CAS-01234-Q7W8E9] % 打印服务无法启动 % 案例关闭 CMIT:0004711"),
        .init(english: false, title: "[案例号: CAS-01234-Q7W8E9 ] % 打印服务无法启动 % CMIT:0004711",
              stage: "日志收集", token: "CMIT:0004711", isReply: false,
              expected: "[案例号: CAS-01234-Q7W8E9] % 打印服务无法启动 % 日志收集 CMIT:0004711"),
        .init(english: false, title: "[Case: CAS-01234-Q7W8E9] % 打印服务无法启动 % Analysis Result CMIT:0004711",
              stage: "分析结果", token: "CMIT:0004711", isReply: true,
              expected: "回复: [案例号: CAS-01234-Q7W8E9] % 打印服务无法启动 % 分析结果 CMIT:0004711"),
        .init(english: false, title: "[案例号: CAS-01234-Q7W8E9] ％ CPU 占用 100% 的问题 ％ 分析结果 CMIT:0004711",
              stage: "案例关闭", token: "CMIT:0004711", isReply: false,
              expected: "[案例号: CAS-01234-Q7W8E9] % CPU 占用 100% 的问题 % 案例关闭 CMIT:0004711"),
        .init(english: false, title: "CPU 占用 100% 的问题", stage: "分析结果", token: "CMIT:0004711", isReply: false,
              expected: "[案例号: CAS-01234-Q7W8E9] % CPU 占用 100% 的问题 % 分析结果 CMIT:0004711"),
        .init(english: false, title: "[案例号: CAS-99999-ZZZZZZ] % 另一个案例 % 分析结果", stage: "初次响应", token: nil,
              isReply: false,
              expected: "[案例号: CAS-01234-Q7W8E9] % [案例号: CAS-99999-ZZZZZZ] % 另一个案例 % 分析结果 % 初次响应"),
        .init(english: false, title: "回复函模板缺失", stage: "初次响应", token: nil, isReply: false,
              expected: "[案例号: CAS-01234-Q7W8E9] % 回复函模板缺失 % 初次响应"),
        .init(english: true, title: "Activation fails after renewal", stage: "Initial Response", token: "CMIT:0002044",
              isReply: false, expected: "[Case: CAS-01234-Q7W8E9] % Activation fails after renewal % Initial Response CMIT:0002044"),
        .init(english: true, title: "Activation fails after renewal", stage: "Case Closure", token: "CMIT:0002044",
              isReply: true, expected: "RE: [Case: CAS-01234-Q7W8E9] % Activation fails after renewal % Case Closure CMIT:0002044"),
        .init(english: true, title: "Re: RE: Fwd: SV: VS: Antw: WG: Activation fails", stage: "Log Request", token: nil,
              isReply: true, expected: "RE: [Case: CAS-01234-Q7W8E9] % Activation fails % Log Request"),
        .init(english: true, title: "RE(3): re : Activation fails", stage: "Log Request", token: nil, isReply: false,
              expected: "[Case: CAS-01234-Q7W8E9] % Activation fails % Log Request"),
        .init(english: true, title: "Report: activation fails", stage: "Log Request", token: nil, isReply: false,
              expected: "[Case: CAS-01234-Q7W8E9] % Report: activation fails % Log Request"),
        .init(english: true, title: "Revision: RE-run fails", stage: "Log Request", token: nil, isReply: false,
              expected: "[Case: CAS-01234-Q7W8E9] % Revision: RE-run fails % Log Request"),
        .init(english: true, title: "RE: [案例号: CAS-01234-Q7W8E9] % Activation fails % 初次响应 CMIT:0002044",
              stage: "Case Closure", token: "CMIT:0002044", isReply: true,
              expected: "RE: [Case: CAS-01234-Q7W8E9] % Activation fails % Case Closure CMIT:0002044"),
        .init(english: true, title: "Activation\nfails\tagain", stage: "Log Request", token: "ref:_00D1x._5003", isReply: false,
              expected: "[Case: CAS-01234-Q7W8E9] % Activation fails again % Log Request ref:_00D1x._5003"),
        .init(english: true, title: "RE: ", stage: "Log Request", token: nil, isReply: false,
              expected: "[Case: CAS-01234-Q7W8E9] % RE: % Log Request"),
    ]

    @Test(arguments: rows)
    func subject(_ row: Row) {
        let subject = SubjectLine.make(
            number: Self.number, title: row.title, stage: row.stage, token: row.token, isReply: row.isReply,
            rules: row.english ? Self.en : Self.zh)
        #expect(subject == row.expected)
    }

    static let chains: [(String, String)] = [
        ("RE: 回复: RE: Re[2]: 答复：AW: x", "x"),
        ("回复：回复：标题", "标题"),
        ("回覆: 答覆: 转发: 标题", "标题"),
        ("  Re:x", "x"),
        ("RE[12]: Re(2): x y", "x y"),
        ("x", "x"),
        ("RE x", "RE x"),
        ("Re[]: x", "Re[]: x"),
        ("Regarding: x", "Regarding: x"),
        ("回复我: x", "回复我: x"),
        ("", ""),
    ]

    @Test(arguments: chains)
    func prefixChain(_ text: String, _ expected: String) {
        #expect(SubjectLine.strippingReplyPrefixes(text) == expected)
    }

    /// Replying to a reply of a reply never grows the prefix chain.
    @Test func replyingRepeatedlyKeepsOnePrefix() {
        var subject = "打印服务无法启动"
        for stage in ["初次响应", "问题范围界定", "日志收集", "分析结果", "案例关闭"] {
            subject = "RE: " + SubjectLine.make(
                number: Self.number, title: subject, stage: stage, token: "CMIT:0004711", isReply: true, rules: Self.zh)
        }
        #expect(subject == "RE: 回复: [案例号: CAS-01234-Q7W8E9] % 打印服务无法启动 % 案例关闭 CMIT:0004711")
    }
}
