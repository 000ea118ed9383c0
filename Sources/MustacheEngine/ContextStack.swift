/// The render-time stack of context values and the spec's lookup rule.
///
/// A name's first segment is looked up in each object on the stack, from the
/// innermost outward; the first object that has the key wins, and the rest
/// of the path descends inside that value only (a miss there is a miss, it
/// does not resume the outward search). `.` is the innermost value itself.
/// A key present with `null` is found; only an absent key is a miss.
struct ContextStack {
    private var frames: [TemplateValue]

    init(root: TemplateValue) {
        frames = [root]
        frames.reserveCapacity(16)
    }

    mutating func push(_ value: TemplateValue) { frames.append(value) }

    mutating func pop() { frames.removeLast() }

    /// The value at `path`, or `nil` when it is absent.
    func lookup(_ path: VariablePath) -> TemplateValue? {
        guard let first = path.firstKey else { return frames.last }
        return frames.withUnsafeBufferPointer { frames in
            var index = frames.count - 1
            while index >= 0 {
                // The first frame with the first key decides, even when the rest of the path misses.
                if case .object(let object) = frames[index], let position = object.position(of: first) {
                    return object.value(at: position, then: path.keysAfterFirst)
                }
                index -= 1
            }
            return nil
        }
    }
}
