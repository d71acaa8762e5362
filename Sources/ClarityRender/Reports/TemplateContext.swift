import ClarityModel
import Foundation

/// Turns report models into the plain dictionaries and arrays templates see: the same fields `--format json` prints.
public enum TemplateContext {
    /// The model as JSON text with sorted keys, byte-stable for the same model.
    public static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// The model as dictionaries of strings, numbers, booleans and arrays; nulls are left out so sections treat them as false.
    public static func dictionary<T: Encodable>(_ value: T) throws -> [String: Any] {
        let bytes = Array(try json(value).utf8)
        let node = try JSONParser.parse(bytes)
        return (plain(node) as? [String: Any]) ?? [:]
    }

    static func plain(_ node: JSONNode) -> Any? {
        switch node.value {
        case .null: return nil
        case .bool(let value): return value
        case .number(let value, _):
            if value == value.rounded(), abs(value) < 1e15 { return Int(value) }
            return value
        case .string(let value): return value
        case .array(let elements): return elements.map { plain($0) ?? "" }
        case .object(let members):
            var result: [String: Any] = [:]
            for (key, member) in members {
                if let value = plain(member) { result[key] = value }
            }
            return result
        }
    }

    /// Adds template-only fields to each entry of the array at `key`, from the model value the entry was encoded from.
    static func annotate<T>(_ context: inout [String: Any], _ key: String, with models: [T], _ fields: (T) -> [String: Any]) {
        guard var entries = context[key] as? [[String: Any]] else { return }
        for (index, model) in models.enumerated() where index < entries.count {
            entries[index].merge(fields(model)) { _, added in added }
        }
        context[key] = entries
    }
}
