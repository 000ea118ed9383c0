/// Runs `body` over `bytes` as one contiguous buffer, copying them only
/// when the collection does not already store them contiguously. The
/// readers then work on `UnsafeBufferPointer` and never iterate a generic
/// collection byte by byte.
///
/// The standard library's `withContiguousStorageIfAvailable` only rethrows
/// untyped errors, so the typed error is kept aside rather than boxed in a
/// `Result` (whose generic metadata costs a conformance lookup at first use).
@inlinable
func withContiguousBytes<Result, Failure: Error>(
    _ bytes: some Collection<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
) throws(Failure) -> Result {
    var failure: Failure?
    let result =
        bytes.withContiguousStorageIfAvailable { buffer in run(body, on: buffer, failure: &failure) }
        ?? Array(bytes).withUnsafeBufferPointer { buffer in run(body, on: buffer, failure: &failure) }
    if let failure { throw failure }
    return result!
}

/// `body(buffer)`, or `nil` with its error in `failure`.
@usableFromInline
func run<Result, Failure: Error>(
    _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result, on buffer: UnsafeBufferPointer<UInt8>,
    failure: inout Failure?
) -> Result? {
    do {
        return try body(buffer)
    } catch {
        failure = error
        return nil
    }
}
