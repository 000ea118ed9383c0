import MIMEWriter

/// The message `compose batch` writes most: a zh-CN support reply with no
/// attachment and no HTML, about 3.5 KB of mostly Chinese text, a CJK
/// subject and CJK display names, one To and one Cc, a thread of two.
/// Invented people and text, example.com addresses.
enum TypicalMessage {
    static let body = """
        刘先生 您好，

        感谢您联系技术支持中心。关于您反馈的远程协助网关控制台登录偶发超时问题，我们已经完成了分析，结果如下。

        一、问题现象
        在每天上午九点到十点之间，部分用户通过浏览器登录网关控制台时，页面长时间无响应，约三十秒后提示会话超时。刷新页面后通常可以正常登录，其他时间段未见异常。

        二、分析过程
        1. 我们检查了您提供的网关运行日志，发现超时发生时认证服务的线程池已经全部占用；
        2. 同一时间段内，目录服务器的响应时间明显变长，平均超过八秒；
        3. 网关与目录服务器之间的连接数在高峰期达到上限，新的认证请求只能排队等待；
        4. 网络链路、磁盘和内存使用率均在正常范围内，没有发现硬件故障。

        日志中的相关记录如下：
            2020-11-09 09:12:44 WARN auth-pool exhausted (active=64, queued=211)
            2020-11-09 09:12:52 ERROR ldap bind timeout after 8000 ms

        三、结论
        超时的直接原因是高峰期认证请求集中，目录服务器连接池容量不足，导致请求排队超过了控制台的会话等待时间。这属于配置容量问题，不是软件缺陷。

        四、建议措施
        - 将网关认证连接池的上限从 64 调整为 128，并适当延长空闲连接的保持时间；
        - 在目录服务器上为网关单独配置一个查询账号，避免与其他业务系统争用连接；
        - 如果条件允许，建议在高峰期之前预热连接池，减少首次登录的等待时间；
        - 调整完成后请观察三天，并将新的运行日志发送给我们，以便确认效果。

        以上调整不需要重启业务系统，可以在维护窗口内完成。操作步骤请参考管理员手册第七章“认证服务配置”的相关说明。如果您在操作过程中遇到任何问题，或者需要我们通过远程协助的方式协助调整，请随时回复本邮件或致电技术支持热线。

        另外，我们注意到贵司网关的软件版本较旧，部分已知问题在新版本中已经修复。建议您在方便的时候安排升级，我们可以提供升级评估和实施方案。

        本邮件及其附件可能包含保密信息，仅供指定收件人使用。如果您不是指定收件人，请立即通知发件人并删除本邮件，不得复制、转发或以任何方式使用其中的内容。

        祝工作顺利！

        陈工程师
        技术支持中心
        电话：400-000-0000
        """

    static let message = MailMessage(
        from: Mailbox(name: "技术支持中心 陈工程师", address: "support@support.example.com"),
        to: [Mailbox(name: "刘建国", address: "liu.jianguo@customer.example.com")],
        cc: [Mailbox(name: "案例邮箱", address: "cases@support.example.com")],
        subject: "回复: [案例 CAS-000001-BMEF4ED] 远程协助网关控制台登录偶发超时 [TRK:0000001]",
        date: MessageDate(year: 2020, month: 11, day: 9, hour: 17, minute: 18, second: 0, utcOffsetMinutes: 480),
        messageID: "CAS-000001-BMEF4ED.analysis-result.20201109091800@support.example.com",
        inReplyTo: "CAS-000001-BMEF4ED.initial-response.20201105020000@support.example.com",
        references: ["a7c31e.000001@mail.customer.example.com"],
        textBody: body, contentLanguage: "zh-CN")
}
