import MustacheEngine
import SupportReplies

/// A JSON input (case, profile, data) as read: its name for messages, its
/// bytes (kept to locate data errors) and its value.
struct InputFile {
    /// `case.json`, or `<stdin>` for `-`.
    let name: String
    let bytes: [UInt8]
    let value: TemplateValue

    /// The bytes of a file (`-` is stdin); unreadable → 66 naming it.
    static func bytes(_ path: String) throws(Failure) -> [UInt8] {
        do {
            return try SystemFiles.readFile(path)
        } catch {
            throw Failure(.noInput, "\(displayName(path)): cannot read: \(error.reason)")
        }
    }

    static func displayName(_ path: String) -> String {
        path == "-" ? "<stdin>" : path
    }

    /// Reads and parses a JSON file whose top level must be an object.
    static func object(_ path: String) throws(Failure) -> InputFile {
        let name = displayName(path)
        let bytes = try bytes(path)
        let value: TemplateValue
        do {
            value = try JSONReader.parse(bytes, file: name)
        } catch {
            throw Failure(.dataError, error.description)
        }
        guard case .object = value else {
            throw Failure(.dataError, "\(name):1:1: expected a JSON object at the top level")
        }
        return InputFile(name: name, bytes: bytes, value: value)
    }

    /// Where a path is written in this file, when it is (or its deepest written ancestor).
    func locate(_ path: JSONPath) -> (location: SourceLocation, found: JSONPath)? {
        JSONReader.locate(path, in: bytes, file: name)
    }
}

/// The case with its profile: what the composer reads, and the files to point into for errors.
struct CaseInput {
    let caseFile: InputFile
    let profile: InputFile?
    let data: TemplateValue

    static func load(_ arguments: ParsedArguments, environment: [String: String]) throws(Failure) -> CaseInput {
        let caseFile = try InputFile.object(arguments.value("case") ?? "-")
        let profilePath = arguments.value("profile") ?? environment["COMPOSE_PROFILE"].flatMap { $0.isEmpty ? nil : $0 }
        guard let profilePath else { return CaseInput(caseFile: caseFile, profile: nil, data: caseFile.value) }
        let profile = try InputFile.object(profilePath)
        return CaseInput(caseFile: caseFile, profile: profile, data: ProfileMerge.merge(caseFile.value, under: profile.value))
    }

    /// Adds a file position to data problems: the case's, or the profile's when the value was written there.
    func located(_ problem: CompositionError.Problem) -> CompositionError.Problem {
        guard problem.location == nil, let path = problem.path else { return problem }
        var result = problem
        let inCase = caseFile.locate(path)
        if inCase?.found != path, let inProfile = profile?.locate(path), inProfile.found == path {
            result.location = inProfile.location
        } else {
            result.location = inCase?.location
        }
        return result
    }

    func located(_ error: CompositionError) -> CompositionError {
        var result = error
        result.problems = error.problems.map(located)
        return result
    }
}
