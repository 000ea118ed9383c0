import MustacheEngine
import Synchronization

/// Swift versions of the `~lambdas` spec rows' closures (the JSON only
/// carries other languages' code), by row name.
enum SpecLambdas {
    static func make(for row: String) -> TemplateLambda? {
        switch row {
        case "Interpolation": return TemplateLambda { _ in "world" }
        case "Interpolation - Expansion": return TemplateLambda { _ in "{{planet}}" }
        case "Interpolation - Alternate Delimiters": return TemplateLambda { _ in "|planet| => {{planet}}" }
        case "Interpolation - Multiple Calls":
            let counter = CallCounter()
            return TemplateLambda { _ in String(counter.next()) }
        case "Escaping": return TemplateLambda { _ in ">" }
        case "Section": return TemplateLambda { text in text == "{{x}}" ? "yes" : "no" }
        case "Section - Expansion": return TemplateLambda { text in (text ?? "") + "{{planet}}" + (text ?? "") }
        case "Section - Alternate Delimiters":
            return TemplateLambda { text in (text ?? "") + "{{planet}} => |planet|" + (text ?? "") }
        case "Section - Multiple Calls": return TemplateLambda { text in "__" + (text ?? "") + "__" }
        case "Inverted Section": return TemplateLambda { _ in "" }
        default: return nil
        }
    }
}

/// Counts calls across the renders that share one lambda.
final class CallCounter: Sendable {
    private let count = Mutex(0)

    func next() -> Int {
        count.withLock { count in
            count += 1
            return count
        }
    }
}
