#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system calls compose makes, on the C library directly
/// (the product links no Foundation, which keeps start-up fast).
enum SystemFiles {
    /// The whole content of a file, or of standard input for `-`.
    static func readFile(_ path: String) throws(IOFailure) -> [UInt8] {
        if path == "-" { return try readAll(from: STDIN_FILENO, status: fileStatus(STDIN_FILENO)) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw lastFailure() }
        defer { close(descriptor) }
        let status = fileStatus(descriptor)
        if let status, (status.st_mode & S_IFMT) == S_IFDIR {
            throw IOFailure(reason: "is a directory")
        }
        return try readAll(from: descriptor, status: status)
    }

    /// The descriptor's `fstat`, or nil when it fails.
    private static func fileStatus(_ descriptor: Int32) -> stat? {
        var status = stat()
        return fstat(descriptor, &status) == 0 ? status : nil
    }

    /// Reads a descriptor to its end, given its `fstat` (read once, for the
    /// directory check too). A regular file (standard input redirected from
    /// one, too) is read straight into an array of its size; anything else,
    /// or what a file grew by meanwhile, in chunks.
    private static func readAll(from descriptor: Int32, status: stat?) throws(IOFailure) -> [UInt8] {
        guard let status, (status.st_mode & S_IFMT) == S_IFREG, status.st_size > 0 else {
            return try readChunks(from: descriptor, after: [])
        }
        // One byte more than the size, so that the read which finds the end needs no second buffer.
        var reachedEnd = true
        var failure: IOFailure?
        let result = [UInt8](unsafeUninitializedCapacity: Int(status.st_size) + 1) { buffer, count in
            do throws(IOFailure) {
                count = try fill(buffer, from: descriptor)
                reachedEnd = count < buffer.count
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return reachedEnd ? result : try readChunks(from: descriptor, after: result)
    }

    /// Reads into `buffer` until it is full or the input ends; the number of bytes read.
    private static func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>, from descriptor: Int32) throws(IOFailure) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if count > 0 {
                filled += count
            } else if count == 0 {
                break
            } else if errno != EINTR {
                throw lastFailure()
            }
        }
        return filled
    }

    /// `start` followed by the rest of the descriptor, read in chunks.
    private static func readChunks(from descriptor: Int32, after start: [UInt8]) throws(IOFailure) -> [UInt8] {
        var result = start
        // Left uninitialized: zero-filling 64 KiB cost more than reading a whole case.
        let chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 16)
        defer { chunk.deallocate() }
        while true {
            let count = try fill(chunk, from: descriptor)
            guard count > 0 else { return result }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<count]))
        }
    }

    /// Writes every byte, retrying short writes and interrupted calls.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws(IOFailure) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written >= 0 {
                offset += written
            } else if errno != EINTR {
                throw lastFailure()
            }
        }
    }

    /// True when `path` names a directory.
    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// True when something (file, directory, link) exists at `path`.
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// The names in a directory, sorted, without `.` and `..`.
    static func entries(of directory: String) throws(IOFailure) -> [String] {
        guard let handle = opendir(directory) else { throw lastFailure() }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Creates a directory (and its parents) when missing.
    static func makeDirectory(_ path: String) throws(IOFailure) {
        if isDirectory(path) { return }
        let parent = parentDirectory(of: path)
        if parent != path && !parent.isEmpty && !isDirectory(parent) { try makeDirectory(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw lastFailure() }
    }

    /// The directory part of a path (`.` when there is none).
    static func parentDirectory(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// The last component of a path.
    static func baseName(of path: String) -> String {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// Joins a directory and a name.
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// An environment variable, or nil.
    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The failure of the last system call, with the C library's reason.
    static func lastFailure() -> IOFailure {
        IOFailure(reason: String(cString: strerror(errno)))
    }

    /// The current errno value, for callers that branch on it.
    static var lastErrorNumber: Int32 { errno }
}
