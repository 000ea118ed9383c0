public import MustacheEngine

/// Lays a sender profile under a case, as the contract's Data section says.
public enum ProfileMerge {
    /// `caseValue` with `profile` underneath: where both are objects they
    /// merge key by key, recursively, and the case wins; anything else
    /// (arrays, strings, numbers, `null`) in the case replaces the profile's
    /// value whole. The result lists the case's keys first, in their order,
    /// then the keys only the profile has, in its order.
    public static func merge(_ caseValue: TemplateValue, under profile: TemplateValue) -> TemplateValue {
        guard case .object(let top) = caseValue, case .object(let bottom) = profile else { return caseValue }
        // Each object's keys are unique, and the profile's are added only
        // where the case lacks them: the members need no search as they go in.
        var members: [(key: String, value: TemplateValue)] = []
        members.reserveCapacity(top.count + bottom.count)
        for position in 0..<top.count {
            let (key, value) = top[member: position]
            members.append((key, bottom[key].map { merge(value, under: $0) } ?? value))
        }
        for position in 0..<bottom.count {
            let (key, value) = bottom[member: position]
            if top[key] == nil { members.append((key, value)) }
        }
        return .object(TemplateObject(uniqueKeys: members[...]))
    }
}
