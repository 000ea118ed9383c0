import ComposeCommandLine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A closed pipe (`compose … | head`) is reported as a write error, not a signal death.
signal(SIGPIPE, SIG_IGN)

// Only the variables compose reads: a dictionary of the whole environment
// cost more than the rest of `compose --version`.
var environment: [String: String] = [:]
for name in CommandContext.environmentVariables {
    if let value = getenv(name) { environment[name] = String(cString: value) }
}

let stderrSink = FileDescriptorSink(descriptor: 2)
let context = CommandContext(
    stdout: FileDescriptorSink(descriptor: 1), stderr: stderrSink,
    environment: environment, stderrIsTerminal: stderrSink.isTerminal)
exit(ComposeMain.run(arguments: Array(CommandLine.arguments.dropFirst()), context: context).rawValue)
