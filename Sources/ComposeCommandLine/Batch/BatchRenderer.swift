import Synchronization
import MIMEWriter
import MustacheEngine
import SupportReplies

/// One input record as read: where it starts and its content, not yet parsed.
struct RawRecord: Sendable {
    enum Payload: Sendable {
        /// One JSON value's bytes and the column it starts at.
        case json([UInt8], column: Int)
        /// A record already built from a CSV row, or the row's problem.
        case value(TemplateValue)
        case invalid(String)
    }

    /// The record's number in the input, 1-based.
    let ordinal: Int
    /// The line the record starts on.
    let line: Int
    let payload: Payload
}

/// The outcome of one record: the encoded reply, or the lines saying why not.
enum RenderedRecord: Sendable {
    case reply(RenderedReply)
    case failed(line: Int, problems: [String])
}

/// An encoded reply with what the writers need to name it.
struct RenderedReply: Sendable {
    let line: Int
    let caseNumber: String
    let kind: String
    /// The reply in the batch's format; for `--mbox`, a whole mboxrd entry.
    let bytes: [UInt8]
    /// Secret warnings to print (in record order) when the record is written.
    let warnings: [String]
}

/// Renders records into replies; pure and thread-safe, so blocks of records
/// render on several threads and come back in input order.
struct BatchRenderer: Sendable {
    let composer: ReplyComposer
    let profile: TemplateValue?
    /// What the profile settles, read once (nil without a profile, or when
    /// its fields have a problem each record then reports).
    let profileFacts: ProfileFacts?
    let defaultKind: String?
    let options: ReplyOptions
    let format: ReplyFormat
    /// `--mbox`: each reply is encoded as a whole mboxrd entry, here on the
    /// worker threads, so writing the file only appends it.
    let mbox: Bool
    let html: Bool
    let attachments: [MailAttachment]
    let failOnSecrets: Bool
    let inputName: String

    /// Starts rendering a block of records, one thread per renderer, and
    /// returns at once, so the caller can write the previous block meanwhile;
    /// the results come back in input order from `RenderingBlock.results()`.
    static func start(_ records: [RawRecord], on renderers: [BatchRenderer]) -> RenderingBlock {
        let block = RenderingBlock(count: records.count)
        guard !records.isEmpty else { return block }
        block.workers = WorkerThreads(count: min(renderers.count, records.count)) { worker in
            // Each worker takes the next record not yet taken, so a slow
            // record does not hold the others up.
            while let index = block.claim() {
                block.store(renderers[worker].render(records[index]), at: index)
            }
        }
        return block
    }

    /// Renders one record.
    func render(_ record: RawRecord) -> RenderedRecord {
        let failed = { (problems: [String]) in RenderedRecord.failed(line: record.line, problems: problems) }
        let (own, data, kind): (TemplateValue, TemplateValue, String)
        switch prepare(record) {
        case .failed(let problems): return failed(problems)
        case .ready(let value, let merged, let named): (own, data, kind) = (value, merged, named)
        }
        let where_ = { "\(inputName):\(record.line)" }  // made only for a message: most records have none
        // The profile was searched once, before the batch; each record searches its own fields.
        let secrets = SecretFinder.findings(in: own).map { "\(where_()): \($0.path): looks like a secret (\($0.reason))" }
        if failOnSecrets && !secrets.isEmpty { return failed(secrets.map { $0 + "; refused by --no-secrets" }) }
        do {
            let settled = profileFacts.flatMap { $0.applies(to: own) ? $0 : nil }
            let reply = try composer.compose(kind: kind, data: data, options: options, profile: settled)
            return .reply(
                RenderedReply(
                    line: record.line, caseNumber: Self.caseNumber(in: data), kind: kind,
                    bytes: try encode(reply), warnings: secrets))
        } catch {
            return failed(error.problems.map { problem in
                var described = problem
                described.location = nil
                return where_() + ": " + described.description
            })
        }
    }

    private func encode(_ reply: ComposedReply) throws(CompositionError) -> [UInt8] {
        if mbox { return try reply.mboxEntry(attachments: attachments, html: html) }
        return try format.encode(reply, attachments: attachments, html: html, prettyJSON: false)
    }

    /// What a record's file would be named by, without rendering it (nil
    /// when the record is not an object with a kind): `--resume` claims the
    /// names of the records it skips, so a resumed run continues `-2`, `-3`.
    func fileNameParts(of record: RawRecord) -> (caseNumber: String, kind: String)? {
        guard case .ready(_, let data, let kind) = prepare(record) else { return nil }
        return (Self.caseNumber(in: data), kind)
    }

    private enum Prepared {
        /// The record as read, merged over the profile, and its kind.
        case ready(record: TemplateValue, data: TemplateValue, kind: String)
        case failed([String])
    }

    /// The record parsed, checked to be an object with a kind, and merged over the profile.
    private func prepare(_ record: RawRecord) -> Prepared {
        let value: TemplateValue
        switch record.payload {
        case .invalid(let message): return .failed([message])
        case .value(let built): value = built
        case .json(let bytes, let column):
            do {
                value = try JSONReader.parse(bytes, file: inputName, firstLine: record.line, firstColumn: column)
            } catch {
                return .failed([error.description])
            }
        }
        guard case .object = value else { return .failed(["\(inputName):\(record.line): expected a JSON object"]) }
        guard let kind = value[Self.kindKey]?.stringValue ?? defaultKind else {
            return .failed(["\(inputName):\(record.line): kind: required field is missing (or give --kind)"])
        }
        return .ready(record: value, data: profile.map { ProfileMerge.merge(value, under: $0) } ?? value, kind: kind)
    }

    private static let kindKey = MemberKey("kind")
    private static let caseKey = MemberKey("case")
    private static let numberKey = MemberKey("number")

    /// `case.number` as the reply prints it (a JSON number is text too), for the file name.
    private static func caseNumber(in data: TemplateValue) -> String {
        switch data[caseKey]?[numberKey] {
        case .string(let text)?: return text
        case .number(let literal)?: return literal
        default: return "case"
        }
    }
}

/// A block being rendered: worker threads claim its records one at a time
/// and fill the result at each record's index.
final class RenderingBlock: @unchecked Sendable {
    // Each index is claimed (atomically) and written by exactly one worker,
    // and read only after the workers are joined, so the slots need no lock.
    // Raw memory, not an Array: a shared Array would be checked for
    // uniqueness on every write.
    /// The threads rendering the block; set and joined by the thread that started it.
    fileprivate var workers: WorkerThreads?
    private let next = Atomic<Int>(0)
    private let slots: UnsafeMutablePointer<RenderedRecord?>
    private let count: Int

    fileprivate init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    /// The next index to render, or nil when all are taken.
    fileprivate func claim() -> Int? {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return index < count ? index : nil
    }

    fileprivate func store(_ result: RenderedRecord, at index: Int) {
        slots[index] = result
    }

    /// Waits for the block to finish; the results in input order.
    func results() -> [RenderedRecord] {
        workers.take()?.join()
        return (0..<count).map { slots[$0]! }
    }
}
