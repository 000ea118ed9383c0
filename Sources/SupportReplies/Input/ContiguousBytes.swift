/// Runs `body` over `bytes` as one contiguous buffer, copying them only
/// when the collection does not already store them contiguously. The
/// readers then work on `UnsafeBufferPointer` and never iterate a generic
/// collection byte by byte.
func withContiguousBytes<Result, Failure: Error>(
    _ bytes: some Collection<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
) throws(Failure) -> Result {
    let result =
        bytes.withContiguousStorageIfAvailable { buffer in Swift.Result { () throws(Failure) in try body(buffer) } }
        ?? Array(bytes).withUnsafeBufferPointer { buffer in Swift.Result { () throws(Failure) in try body(buffer) } }
    return try result.get()
}
