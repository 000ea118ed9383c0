/// The process exit statuses compose uses: the BSD sysexits codes that mail
/// tools share, so scripts around `sendmail` can tell the failures apart.
public enum ExitStatus: Int32, Sendable {
    /// Everything was written.
    case success = 0
    /// EX_USAGE: unknown command, kind, option or locale.
    case usage = 64
    /// EX_DATAERR: invalid JSON or UTF-8, a missing or wrongly typed field.
    case dataError = 65
    /// EX_NOINPUT: an input file (case, profile, attachment, template dir) cannot be read.
    case noInput = 66
    /// EX_CANTCREAT: an output cannot be created (exists without --force, folder missing).
    case cannotCreate = 73
    /// EX_IOERR: writing failed.
    case ioError = 74
    /// EX_CONFIG: a template or locale file is invalid.
    case config = 78
}
