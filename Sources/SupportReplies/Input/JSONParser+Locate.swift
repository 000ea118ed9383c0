/// Finding where a path's value is written, for `JSONReader.locate`: the
/// error path re-reads the text instead of the happy path keeping a map.
extension JSONParser {
    /// Walks `path` from the root, parsing (and dropping) the values on the
    /// way; returns the offset of the deepest value found and its path.
    mutating func seek(_ path: JSONPath) -> (offset: Int, found: JSONPath)? {
        var found = JSONPath()
        skipWhitespace()
        for component in path.components {
            guard offset < text.count else { return nil }
            let valueStart = offset
            let entered: Bool?
            switch component {
            case .key(let key): entered = enterMember(key)
            case .index(let index): entered = enterElement(index)
            }
            guard let entered else { return nil }
            guard entered else {
                offset = valueStart
                break
            }
            found.components.append(component)
        }
        return offset < text.count ? (offset, found) : nil
    }

    /// Moves to the value of member `key` of the object here: true when
    /// found, false when the value here is not an object or has no such
    /// member, `nil` when the text is not valid JSON.
    private mutating func enterMember(_ key: String) -> Bool? {
        guard text[offset] == UInt8(ascii: "{") else { return false }
        offset += 1
        return scanMembers { (parser: inout JSONParser) -> Bool? in
            guard let name = try? parser.parseString() else { return nil }
            parser.skipWhitespace()
            guard parser.offset < parser.text.count, parser.text[parser.offset] == UInt8(ascii: ":") else { return nil }
            parser.offset += 1
            parser.skipWhitespace()
            return name == key
        }
    }

    /// Moves to element `index` of the array here; as `enterMember`.
    private mutating func enterElement(_ index: Int) -> Bool? {
        guard text[offset] == UInt8(ascii: "[") else { return false }
        offset += 1
        var position = 0
        return scanMembers { (_: inout JSONParser) -> Bool? in
            defer { position += 1 }
            return position == index
        }
    }

    /// Visits the members of the container just opened: `isTarget` reads up
    /// to a member's value and says whether it is the one sought.
    private mutating func scanMembers(_ isTarget: (inout JSONParser) -> Bool?) -> Bool? {
        skipWhitespace()
        while offset < text.count {
            let byte = text[offset]
            if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") { return false }
            if byte == UInt8(ascii: ",") {
                offset += 1
                skipWhitespace()
                continue
            }
            guard let hit = isTarget(&self) else { return nil }
            if hit { return true }
            guard (try? parseValue(depth: 1)) != nil else { return nil }
            skipWhitespace()
        }
        return nil
    }
}
