import ClarityModel
import Foundation
import MCP

/// A tool's result: a short summary in our own words, then the figures as JSON, the same JSON as structured content.
struct ToolAnswer {
    let summary: String
    let json: String
    let structured: Value

    /// Encodes `value` (a JSON object) with sorted keys, as `--format json` does, without indentation.
    init<T: Encodable>(summary: String, value: T) throws {
        let bytes = try Self.encoder.encode(value)
        self.summary = summary
        self.json = String(decoding: bytes, as: UTF8.self)
        self.structured = try Self.value(JSONParser.parse(Array(bytes)))
    }

    /// An answer already built as the SDK's value.
    init(summary: String, structured: Value) throws {
        self.summary = summary
        self.json = String(decoding: try Self.encoder.encode(structured), as: UTF8.self)
        self.structured = structured
    }

    /// An answer whose text is not JSON (a report's Markdown), with its structured form beside it.
    init(summary: String, text: String, structured: Value) {
        self.summary = summary
        self.json = text
        self.structured = structured
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    var result: CallTool.Result {
        let structuredContent: Value? = structured
        return CallTool.Result(
            content: [.text(text: summary, annotations: nil, _meta: nil), .text(text: json, annotations: nil, _meta: nil)],
            structuredContent: structuredContent, isError: false)
    }

    /// The JSON tree as the SDK's value, strings kept as strings (the SDK's own decoder turns `data:` URLs into bytes).
    static func value(_ node: JSONNode) -> Value {
        switch node.value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let number, let text):
            if !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let integer = Int(text) { return .int(integer) }
            return .double(number)
        case .string(let text): return .string(text)
        case .array(let items): return .array(items.map(value))
        case .object(let members):
            var object: [String: Value] = [:]
            for member in members { object[member.key] = value(member.node) }
            return .object(object)
        }
    }
}

extension ToolAnswer {
    /// The most one answer's JSON may take; past it a list tool shows fewer rows and says so.
    static let maximumBytes = 400_000

    /// The answer with the most rows (at most `rows`) whose JSON fits `maximumBytes`, and how many rows that is.
    static func fitting(rows: Int, summary: (Int) -> String, value: (Int) throws -> some Encodable) throws -> (answer: ToolAnswer, rows: Int) {
        var count = rows
        while true {
            let answer = try ToolAnswer(summary: summary(count), value: value(count))
            if answer.json.utf8.count <= maximumBytes || count <= 1 { return (answer, count) }
            count = max(1, min(count - 1, count * maximumBytes / answer.json.utf8.count))
        }
    }
}

/// A list cut to a row limit, with what was left out said plainly.
struct Truncation: Encodable, Equatable {
    let shown: Int
    let total: Int
    let note: String

    /// Nil when nothing was cut.
    static func of(shown: Int, total: Int, advice: String) -> Truncation? {
        shown < total ? Truncation(shown: shown, total: total, note: "\(total - shown) of \(total) rows left out; \(advice)") : nil
    }
}
