/// Why a command stopped: the exit status and the diagnostic lines to print.
///
/// Every command reports problems through this one type, so the mapping from
/// a failure to its message and exit status lives in one place.
struct Failure: Error {
    let status: ExitStatus
    /// One problem a line, without the `compose: ` prefix (added when printed).
    let lines: [String]

    init(_ status: ExitStatus, _ lines: [String]) {
        self.status = status
        self.lines = lines
    }

    init(_ status: ExitStatus, _ line: String) {
        self.init(status, [line])
    }

    static func usage(_ message: String) -> Failure {
        Failure(.usage, message + " (see 'compose --help')")
    }
}
