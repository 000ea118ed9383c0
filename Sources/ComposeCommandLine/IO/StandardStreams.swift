#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command writes: the process streams in the binary, buffers in tests.
public protocol OutputSink: AnyObject {
    /// Appends bytes; throws when the write fails (for example a closed pipe).
    func write(_ bytes: [UInt8]) throws(IOFailure)
}

extension OutputSink {
    func write(_ text: String) throws(IOFailure) {
        try write(Array(text.utf8))
    }
}

/// A write or read failure with the system's reason.
public struct IOFailure: Error, Sendable {
    public let reason: String
}

/// A file descriptor of the process (1 for stdout, 2 for stderr).
public final class FileDescriptorSink: OutputSink {
    private let descriptor: Int32

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    public func write(_ bytes: [UInt8]) throws(IOFailure) {
        try SystemFiles.writeAll(bytes, to: descriptor)
    }

    /// True when the descriptor is a terminal (progress lines only go to terminals).
    public var isTerminal: Bool { isatty(descriptor) == 1 }
}

/// An in-memory sink for tests.
public final class BufferSink: OutputSink {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public func write(_ bytes: [UInt8]) throws(IOFailure) {
        self.bytes.append(contentsOf: bytes)
    }

    /// What was written, as UTF-8 text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
