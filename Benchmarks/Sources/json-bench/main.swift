// json-bench FILE doc|lines N: parses FILE N times (doc), or its first N
// lines one by one (lines, for JSON Lines). Run under callgrind with two
// values of N; the difference over the difference in N is the cost of one parse.
import Foundation
import MustacheEngine
import SupportReplies

let args = CommandLine.arguments
let bytes = [UInt8](FileManager.default.contents(atPath: args[1])!)
let count = Int(args[3])!
var total = 0
func weigh(_ value: TemplateValue) -> Int {
    switch value {
    case .object(let o): return o.count
    case .list(let l): return l.count
    default: return 1
    }
}
if args[2] == "doc" {
    for _ in 0..<count { total &+= weigh(try JSONReader.parse(bytes, file: "x.json")) }
} else {
    let lines = bytes.split(separator: UInt8(ascii: "\n"))
    for i in 0..<count { total &+= weigh(try JSONReader.parse(lines[i % lines.count], file: "x.jsonl", firstLine: i + 1)) }
}
print(total)
