import MIMEWriter

/// Messages the tests share: invented people, example.com addresses.
enum Samples {
    static let date = MessageDate(year: 2020, month: 11, day: 9, hour: 17, minute: 18, second: 0, utcOffsetMinutes: 480)

    static let chineseSubject = "[案例号: CAS-03282-J6Y6M6] % 数据库连接超时，应用服务器无法访问 100% 负载 % 初次响应 CMIT:0001866"

    static let chineseText = """
        张女士 您好,

        感谢您联系技术支持中心。关于您反馈的数据库连接超时问题，我们已经完成初步分析：
        - 应用服务器在 09:00 到 09:30 之间的连接池耗尽；
        - 数据库监听日志中没有异常。

        请您协助收集以下信息：
        1. 应用服务器的连接池配置；
        2. 问题发生时的线程转储。

        From the logs we see "ORA-12170: TNS:Connect timeout occurred" = timeout.
        .
        王工程师
        技术支持中心

        """

    static func message(
        subject: String = chineseSubject, text: String = chineseText, html: Bool = false,
        attachments: [MailAttachment] = []
    ) -> MailMessage {
        MailMessage(
            from: Mailbox(name: "王工程师", address: "support@example.com"),
            to: [Mailbox(name: "张丽", address: "zhang.li@customer.example.org")],
            cc: [Mailbox(name: "案例邮箱", address: "cases@support.example.com"), Mailbox(name: "Keller, Maria", address: "maria@example.com")],
            subject: subject, date: date, messageID: "CAS-03282-J6Y6M6.initial-response.20201109091800@support.example.com",
            inReplyTo: "CAHx7mQ1@mail.customer.example.org",
            references: ["a1@mail.customer.example.org", "CAHx7mQ1@mail.customer.example.org"],
            textBody: text,
            htmlBody: html ? PlainTextHTML.html(fromText: text, language: "zh-CN", title: subject) : nil,
            attachments: attachments, contentLanguage: "zh-CN")
    }

    /// `count` octets of every value, repeating.
    static func binary(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 8) }
    }
}
