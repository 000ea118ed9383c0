import ComposeCommandLine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A closed pipe (`compose … | head`) is reported as a write error, not a signal death.
signal(SIGPIPE, SIG_IGN)

var environment: [String: String] = [:]
var entry = environ
while let pointer = entry.pointee {
    let pair = String(cString: pointer)
    // Cut at the first `=` on UTF-8 bytes: a Character-wise search costs ~5k instructions a variable.
    if let equals = pair.utf8.firstIndex(of: UInt8(ascii: "=")) {
        environment[String(pair[..<equals])] = String(pair[pair.utf8.index(after: equals)...])
    }
    entry += 1
}

let stderrSink = FileDescriptorSink(descriptor: 2)
let context = CommandContext(
    stdout: FileDescriptorSink(descriptor: 1), stderr: stderrSink,
    environment: environment, stderrIsTerminal: stderrSink.isTerminal)
exit(ComposeMain.run(arguments: Array(CommandLine.arguments.dropFirst()), context: context).rawValue)
