/// A tag's name split at its dots, once, when the template is compiled.
///
/// `.` is the implicit iterator (the current item); any other name is looked
/// up by its first segment and descended by the rest.
struct VariablePath: Sendable {
    /// The segments as lookup keys, empty for `.`.
    let keys: [MemberKey]
    /// The name as written in the template, for messages and field lists.
    let dotted: String

    /// The path named by `name`, a tag name's UTF-8 bytes.
    ///
    /// Built from the bytes without splitting a `String`: one string for the
    /// whole name (shared by the key when there is no dot) and one per
    /// segment otherwise, which is usually small enough to need no allocation.
    init(utf8 name: UnsafeBufferPointer<UInt8>) {
        dotted = String(copying: name)
        let dot = UInt8(ascii: ".")
        if name.count == 1, name[0] == dot {
            keys = []
            return
        }
        let segments = name.reduce(1) { $1 == dot ? $0 + 1 : $0 }
        guard segments > 1 else {
            keys = [MemberKey(dotted, utf8: name)]
            return
        }
        keys = Array(unsafeUninitializedCapacity: segments) { keys, initialized in
            var start = 0
            for end in 0...name.count where end == name.count || name[end] == dot {
                let segment = UnsafeBufferPointer(rebasing: name[start..<end])
                (keys.baseAddress! + initialized).initialize(to: MemberKey(String(copying: segment), utf8: segment))
                initialized += 1
                start = end + 1
            }
        }
    }

    /// `{{.}}`: the current context item itself.
    var isImplicit: Bool { keys.isEmpty }

    /// The first segment, `nil` for `.`.
    var first: String? { keys.first?.name }
}
