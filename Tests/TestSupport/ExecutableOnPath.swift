public import Foundation

/// The first executable file called `name` in the folders of `PATH`, if any:
/// how tests find the outside tools they call (python3, nm) or skip without them.
public func executableOnPath(_ name: String) -> URL? {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
}
