#if canImport(Glibc)
import Glibc
#endif

/// Writes a whole file or nothing: the bytes go to a temporary name in the
/// same directory, which is then renamed (or, without `overwrite`, hard-linked,
/// which fails when the target exists). A crash at any moment leaves either
/// no file or the complete one, never a half-written message.
enum AtomicOutput {
    /// Why a file could not be written, with the exit status that fits.
    enum Problem: Error {
        /// The target exists and overwriting was not asked for (73).
        case exists
        /// The directory is missing or not writable (73).
        case cannotCreate(String)
        /// Writing the bytes failed (74).
        case writeFailed(String)
    }

    /// Writes `bytes` to `path`; replaces an existing file only when `overwrite`.
    static func write(_ bytes: [UInt8], to path: String, overwrite: Bool) throws(Problem) {
        let file = try PendingFile(for: path, overwrite: overwrite)
        try file.append(bytes)
        try file.commit()
    }
}

/// A file being written under a temporary name beside its final path; it
/// appears under the final name only when `commit` is called.
final class PendingFile {
    let path: String
    private let temporary: String
    private let overwrite: Bool
    private var descriptor: Int32

    /// Opens the temporary file; fails early when the directory is missing or the target exists.
    init(for path: String, overwrite: Bool) throws(AtomicOutput.Problem) {
        let directory = SystemFiles.parentDirectory(of: path)
        guard SystemFiles.isDirectory(directory) else { throw .cannotCreate("directory '\(directory)' does not exist") }
        if !overwrite && SystemFiles.exists(path) { throw .exists }
        self.path = path
        self.overwrite = overwrite
        self.temporary = SystemFiles.join(directory, ".\(SystemFiles.baseName(of: path)).\(getpid()).tmp")
        self.descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotCreate(SystemFiles.lastFailure().reason) }
    }

    deinit {
        if descriptor >= 0 { discard() }
    }

    /// Appends bytes to the temporary file.
    func append(_ bytes: [UInt8]) throws(AtomicOutput.Problem) {
        do {
            try SystemFiles.writeAll(bytes, to: descriptor)
        } catch {
            discard()
            throw .writeFailed(error.reason)
        }
    }

    /// Removes the temporary file; nothing appears under the final name.
    func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporary)
    }

    /// Closes the file and moves it to its final name.
    func commit() throws(AtomicOutput.Problem) {
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0 else {
            let reason = SystemFiles.lastFailure().reason
            unlink(temporary)
            throw .writeFailed(reason)
        }
        if overwrite {
            guard rename(temporary, path) == 0 else {
                let reason = SystemFiles.lastFailure().reason
                unlink(temporary)
                throw .writeFailed(reason)
            }
            return
        }
        defer { unlink(temporary) }
        if link(temporary, path) == 0 { return }
        if SystemFiles.lastErrorNumber == EEXIST || SystemFiles.exists(path) { throw .exists }
        // File systems without hard links: a checked rename, racy only against another writer.
        guard rename(temporary, path) == 0 else { throw .writeFailed(SystemFiles.lastFailure().reason) }
    }
}
