/// The data paths a template reads, for checking input before rendering.
///
/// Paths are dotted names as written in the template, made absolute where
/// the template lets us tell:
///
/// - A name read outside every section (and inverted section) is
///   **required**. Anything read inside a section or inverted section is
///   **optional**; a path that is both is only listed as required.
/// - A name's first segment decides whether it is *absolute* or *relative*.
///   It is absolute when that segment is a root name: the first segment of
///   some path the template reads outside every `{{#section}}` (inverted
///   sections do not change the context, so what they read counts too).
///   Otherwise it is relative to the innermost enclosing section.
/// - A section whose body reads `{{.}}` or a relative name is a **list**: its
///   path goes to `lists`, and what its items are read for is reported under
///   it with `[]`, e.g. `analysis.findings[]` for `{{.}}` and
///   `orders[].total` for `{{total}}` inside `{{#orders}}`.
/// - A section whose body reads only absolute names (or nothing) is a
///   *guard*: its own path is optional.
/// - An inverted section's path is optional.
///
/// Mustache cannot tell an object section from a one-item list, so a
/// section over an object that reads the object's own members is reported
/// as a list. Nothing is filtered out; callers drop what they don't need.
public struct TemplateFields: Sendable, Equatable {
    /// Paths read outside any section, sorted and unique.
    public var required: [String]
    /// Paths read inside sections or inverted sections, and section guards.
    public var optional: [String]
    /// Paths of sections that iterate their value.
    public var lists: [String]

    public init(required: [String] = [], optional: [String] = [], lists: [String] = []) {
        self.required = required
        self.optional = optional
        self.lists = lists
    }
}
