#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Threads started together and waited for together: the workers that
/// render one block of a batch.
///
/// Plain POSIX threads rather than Dispatch: linked into the binary,
/// Dispatch slows the start of every one-off reply (5,000 more relocations
/// and 25 more page faults before `main`), and a batch needs no more than
/// start and join.
struct WorkerThreads: ~Copyable {
    private var threads: [ThreadHandle] = []

    /// Runs `body(0)`, `body(1)`, … `body(count - 1)`, each on a thread of
    /// its own. A thread the system refuses is run here, on the caller's
    /// thread, before this returns; the work still gets done.
    init(count: Int, body: @escaping @Sendable (Int) -> Void) {
        threads.reserveCapacity(count)
        for worker in 0..<count {
            let start = Unmanaged.passRetained(ThreadStart { body(worker) }).toOpaque()
            var thread = ThreadHandle()
            if pthread_create(&thread, nil, runThreadStart, start) == 0 {
                threads.append(thread)
            } else {
                Unmanaged<ThreadStart>.fromOpaque(start).release()
                body(worker)
            }
        }
    }

    /// Waits until every thread has finished.
    consuming func join() {
        for thread in threads { pthread_join(thread, nil) }
    }
}

#if canImport(Darwin)
private typealias ThreadHandle = pthread_t?
#else
private typealias ThreadHandle = pthread_t
#endif

/// What a new thread runs, passed to it through `pthread_create`'s argument.
private final class ThreadStart {
    let body: @Sendable () -> Void

    init(_ body: @escaping @Sendable () -> Void) {
        self.body = body
    }
}

/// The entry point of every worker thread: runs its `ThreadStart` and releases it.
private func runThreadStart(_ argument: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let argument else { return nil }
    Unmanaged<ThreadStart>.fromOpaque(argument).takeRetainedValue().body()
    return nil
}
