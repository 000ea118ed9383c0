import Foundation
import Testing

/// Cases for batch tests, built in the test (invented people, example.com
/// addresses), and the files they are written to.
enum BatchFixture {
    static let date = "2020-11-09T17:18:00+08:00"
    static let kinds = ["initial-response", "scope-definition", "log-request", "analysis-result", "closure", "onsite-visit"]

    /// The sender and organization every fixture batch runs with (`--profile`).
    static var profile: [String: Any] {
        [
            "time_zone": "Asia/Shanghai",
            "sender": [
                "name": "林知秋", "latin_name": "Lin Zhiqiu", "role": "技术支持工程师", "email": "zhiqiu.lin@support.example.com",
                "phone": "+86 10 0000 0001",
            ],
            "organization": [
                "name": "远帆软件有限公司", "latin_name": "Yuanfan Software Ltd.", "support_center": "远帆客户服务中心",
                "hotline": "400-000-0001", "website": "www.support.example.com", "domain": "support.example.com",
                "case_mailbox": ["name": "远帆案例邮箱", "email": "cases@support.example.com"],
            ],
        ]
    }

    /// A valid case of `kind` in `locale`, with every field the kind requires.
    static func record(number: Any, kind: String, locale: String) -> [String: Any] {
        let chinese = locale == "zh-CN"
        var record: [String: Any] = [
            "kind": kind, "locale": locale,
            "case": ["number": number, "title": chinese ? "终端代理心跳间歇性中断" : "Agent heartbeat drops now and then", "tracking_token": "TRK:0000100"],
            "customer": chinese
                ? ["name": "韩雨桐", "family_name": "韩", "title": "女士", "email": "yutong.han@customer.example.com"]
                : ["name": "Nora Whitlock", "title": "Ms.", "email": "nora.whitlock@customer.example.com"],
        ]
        switch kind {
        case "scope-definition":
            record["scope"] = chinese
                ? ["definition": "约 30 台终端的心跳每隔数小时中断一次。", "scope": "本案例处理心跳中断问题，不含网络改造。", "analysis": ["中断时间与备份窗口重合。"]]
                : ["definition": "About 30 endpoints lose their heartbeat every few hours.", "scope": "This case covers the heartbeat drops, not the network redesign.", "analysis": ["The drops line up with the backup window."]]
        case "log-request":
            record["log_request"] = chinese
                ? ["reason": "需要代理日志以确认中断发生时的连接状态。", "steps": ["打开代理安装目录", "打包 logs 文件夹"]]
                : ["reason": "We need the agent logs to see the connection state when the heartbeat drops.", "steps": ["Open the agent folder", "Zip the logs folder"]]
        case "analysis-result":
            record["analysis"] = chinese
                ? ["summary": ["备份任务占满上行带宽，心跳包超时。"], "recommendations": ["将备份窗口移至夜间。"]]
                : ["summary": ["The backup job fills the uplink and heartbeats time out."], "recommendations": ["Move the backup window to the night."]]
        case "closure":
            record["closure"] = ["reason": "resolved"]
        case "onsite-visit":
            record["onsite"] = chinese
                ? ["address": "示例市示例区长河路 1 号 3 层", "time": "2020-11-12T09:30:00+08:00", "tasks": ["检查交换机端口配置"]]
                : ["address": "1 Example Road, Floor 3, Example City", "time": "2020-11-12T09:30:00+08:00", "tasks": ["Check the switch port settings"]]
        default:
            break
        }
        return record
    }

    /// An object as one line of JSON (keys sorted), without the line break.
    static func line(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// `record`, changed by `edit`, as one line of JSON.
    static func line(number: Any, kind: String, locale: String, _ edit: (inout [String: Any]) -> Void = { _ in }) -> String {
        var object = record(number: number, kind: kind, locale: locale)
        edit(&object)
        return line(object)
    }

    /// A new temporary folder holding `files` (name → content) and `profile.json`.
    static func folder(with files: [String: String] = [:]) throws -> URL {
        let folder = try BinaryRunner.temporaryFolder()
        try Data(line(profile).utf8).write(to: folder.appendingPathComponent("profile.json"))
        for (name, content) in files {
            try Data(content.utf8).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }

    /// The arguments every fixture batch runs with.
    static let common = ["--profile", "profile.json", "--date", date]

    /// Every entry of a folder (hidden ones too), sorted.
    static func entries(of folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// The stderr lines of a run, without the final summary line, and that summary.
    static func diagnostics(_ result: BinaryRunner.Result) -> (problems: [String], summary: String?) {
        var lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard let last = lines.last, last.hasPrefix("compose: rendered ") else { return (lines, nil) }
        return (Array(lines.dropLast()), last)
    }

    /// `compose: rendered N, failed M, X.Y s` with the counts given.
    static func isSummary(_ line: String?, rendered: Int, failed: Int) -> Bool {
        guard let line, let match = line.wholeMatch(of: /compose: rendered ([0-9,]+), failed ([0-9,]+), [0-9]+\.[0-9] s/) else {
            return false
        }
        let number = { (text: Substring) in Int(text.replacingOccurrences(of: ",", with: "")) }
        return number(match.1) == rendered && number(match.2) == failed
    }
}

/// `../shared/tools/check-mime`, when it and python3 are there.
enum CheckMime {
    static let path: String? = {
        guard let shared = BinaryRunner.shared, Tools.hasExecutable("python3") else { return nil }
        let tool = shared.appendingPathComponent("tools/check-mime").path
        return FileManager.default.isExecutableFile(atPath: tool) ? tool : nil
    }()

    static var isAvailable: Bool { path != nil }

    /// Runs check-mime over `files` with `options`; returns its exit status and output.
    static func run(_ files: [String], _ options: [String] = []) throws -> (status: Int32, output: String) {
        let tool = try #require(path, "check-mime is not available")
        return try Tools.run(URL(fileURLWithPath: tool), options + files)
    }
}

/// Child processes other than compose itself.
enum Tools {
    /// Whether `name` is an executable file in a folder of `$PATH`.
    static func hasExecutable(_ name: String) -> Bool {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    /// Runs `executable` with `arguments`; stdout and stderr together.
    static func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// Runs `executable` with stdout and stderr to /dev/null; returns its exit
    /// status and its peak resident set size in kilobytes, the highest
    /// `VmHWM` read from /proc while it runs. (Not `ru_maxrss`: posix_spawn
    /// shares the test process's memory until exec, and Linux carries that
    /// high-water mark over into the child's.)
    static func peakResidentKilobytes(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, kilobytes: Int) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let statusFile = "/proc/\(process.processIdentifier)/status"
        var peak = 0
        while process.isRunning {
            // Read only once the child runs `executable`: before exec its memory is the test's.
            if let status = try? String(contentsOfFile: statusFile, encoding: .utf8),
                status.contains("Name:\t\(executable.lastPathComponent)\n"),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                let kilobytes = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces).dropLast(3))
            {
                peak = max(peak, kilobytes)
            }
            usleep(5_000)
        }
        process.waitUntilExit()
        return (process.terminationStatus, peak)
    }

    /// Whether /proc shows a process's memory (Linux).
    static let hasProcStatus = FileManager.default.fileExists(atPath: "/proc/self/status")
}
