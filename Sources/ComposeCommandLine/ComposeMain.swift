/// Entry point of the command-line tool, kept in a library so tests can call it.
public enum ComposeMain {
    /// Runs `compose` with `arguments` (without the program name) and returns the exit status.
    public static func run(arguments: [String]) -> Int32 {
        0
    }
}
