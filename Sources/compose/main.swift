import ComposeCommandLine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(ComposeMain.run(arguments: Array(CommandLine.arguments.dropFirst())))
