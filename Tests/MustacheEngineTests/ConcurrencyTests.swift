import MustacheEngine
import Testing

@Suite("Concurrency")
struct ConcurrencyTests {
    @Test func oneSetRendersIdenticallyFromEightTasks() async throws {
        let set = try TemplateSet(sources: [
            "reply": "Dear {{customer.name}},\n{{#items}}\n  - {{sku}} x{{count}}\n{{/items}}\n{{> signature}}",
            "signature": "--\n{{agent}}\n",
        ])
        let items: [TemplateValue] = (0..<200).map { ["sku": .string("SKU-\($0)"), "count": .number(String($0))] }
        let data: TemplateValue = ["customer": ["name": "Lena Ortiz"], "items": .list(items), "agent": "Support"]
        let expected = try set.render("reply", data: data)

        let outputs = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var last = ""
                    for _ in 0..<20 { last = try set.render("reply", data: data, options: RenderOptions(escaping: .html)) }
                    return last
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outputs.count == 8)
        #expect(outputs.allSatisfy { $0 == expected })
        #expect(expected.contains("  - SKU-199 x199\n--\nSupport\n"))
    }
}
