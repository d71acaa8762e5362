import ClarityModel
import Foundation
import MCP

/// A tool call's arguments, read with errors that say what was wrong and what is valid.
struct ToolArguments {
    let tool: String
    let values: [String: Value]

    /// Refuses names the tool does not take, listing the ones it does.
    init(tool: String, values: [String: Value]?, accepted: [String]) throws(MCPError) {
        self.tool = tool
        self.values = values ?? [:]
        let unknown = self.values.keys.filter { !accepted.contains($0) }.sorted()
        if !unknown.isEmpty {
            let valid = accepted.isEmpty ? "it takes no arguments" : "it takes \(accepted.joined(separator: ", "))"
            throw ToolFailure.invalid(tool, "unknown argument \(unknown.map(ToolFailure.quoted).joined(separator: ", ")); \(valid).")
        }
    }

    func has(_ name: String) -> Bool {
        guard let value = values[name] else { return false }
        return !value.isNull
    }

    /// A string argument; a `data:` URL the SDK decoded as data is given back as the URL.
    func string(_ name: String) throws(MCPError) -> String? {
        switch values[name] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        case .data(let mimeType, let data)?: return "data:\(mimeType ?? "");base64,\(data.base64EncodedString())"
        default: throw ToolFailure.invalid(tool, "\(name) must be a string.")
        }
    }

    /// An integer argument inside a range, or its default.
    func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws(MCPError) -> Int {
        let number: Int
        switch values[name] {
        case nil, .null?: return fallback
        case .int(let value)?: number = value
        case .double(let value)? where value == value.rounded() && abs(value) < 1e9: number = Int(value)
        default: throw ToolFailure.invalid(tool, "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        guard range.contains(number) else {
            throw ToolFailure.invalid(tool, "\(name) is \(number); it must be from \(range.lowerBound) to \(range.upperBound).")
        }
        return number
    }

    /// One of a fixed set of words, or its default.
    func choice(_ name: String, of options: [String], default fallback: String) throws(MCPError) -> String {
        guard let text = try string(name) else { return fallback }
        guard options.contains(text) else {
            throw ToolFailure.invalid(tool, "\(name) \(ToolFailure.quoted(text)) is not one of \(options.joined(separator: ", ")).")
        }
        return text
    }

    /// A KPI named by its id (`rageClickRate`).
    func figure(_ name: String) throws(MCPError) -> KPI? {
        guard let text = try string(name) else { return nil }
        return try Self.kpi(text, argument: name, tool: tool)
    }

    /// A list of KPI ids, or every KPI.
    func figures(_ name: String) throws(MCPError) -> [KPI] {
        switch values[name] {
        case nil, .null?: return KPI.allCases
        case .array(let items)?:
            var figures: [KPI] = []
            for item in items {
                guard let text = item.stringValue else {
                    throw ToolFailure.invalid(tool, "\(name) must be a list of figure ids (\(Self.figureList)).")
                }
                let kpi = try Self.kpi(text, argument: name, tool: tool)
                if !figures.contains(kpi) { figures.append(kpi) }
            }
            guard !figures.isEmpty else {
                throw ToolFailure.invalid(tool, "\(name) is empty; name at least one of \(Self.figureList), or leave it out for all.")
            }
            return KPI.allCases.filter(figures.contains)
        default:
            throw ToolFailure.invalid(tool, "\(name) must be a list of figure ids (\(Self.figureList)).")
        }
    }

    static let figureList = KPI.allCases.map(\.rawValue).joined(separator: ", ")

    static func kpi(_ text: String, argument: String, tool: String) throws(MCPError) -> KPI {
        guard let kpi = KPI(rawValue: text) else {
            throw ToolFailure.invalid(tool, "\(argument) \(ToolFailure.quoted(text)) is not a figure; valid: \(figureList).")
        }
        return kpi
    }

    /// A frustration signal (`rageClick`).
    func signal(_ name: String) throws(MCPError) -> FrustrationSignal? {
        guard let text = try string(name) else { return nil }
        guard let signal = FrustrationSignal(rawValue: text) else {
            throw ToolFailure.invalid(
                tool,
                "\(name) \(ToolFailure.quoted(text)) is not a signal; valid: \(FrustrationSignal.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return signal
    }

    static let dimensionList = ClarityModel.Dimension.allCases.map(\.name).joined(separator: ", ")

    /// A dimension or a combination (`Browser+URL`).
    func dimensions(_ name: String) throws(MCPError) -> DimensionSet? {
        guard let text = try string(name) else { return nil }
        let words = text.split(whereSeparator: { $0 == "+" || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) }
        for word in words where ClarityModel.Dimension(key: word) == nil {
            throw ToolFailure.invalid(
                tool, "unknown dimension \(ToolFailure.quoted(word)) in \(name); valid: \(Self.dimensionList), combined with + (e.g. Browser+URL).")
        }
        guard let set = DimensionSet(key: text), !set.isEmpty else {
            throw ToolFailure.invalid(tool, "\(name) names no dimension; valid: \(Self.dimensionList), combined with + (e.g. Browser+URL).")
        }
        return set
    }

    /// A segment given as an object of dimension names to values: `{"Browser": "Safari", "URL": "https://…/checkout"}`.
    func segment(_ name: String) throws(MCPError) -> SegmentQuery? {
        switch values[name] {
        case nil, .null?: return nil
        case .object(let fields)?:
            guard !fields.isEmpty else {
                throw ToolFailure.invalid(tool, "\(name) is empty; give dimension names and values, e.g. {\"Browser\": \"Safari\"}.")
            }
            var wanted: [ClarityModel.Dimension: SegmentQuery.Wanted] = [:]
            for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
                guard let dimension = ClarityModel.Dimension(key: key) else {
                    throw ToolFailure.invalid(tool, "unknown dimension \(ToolFailure.quoted(key)) in \(name); valid: \(Self.dimensionList).")
                }
                guard wanted[dimension] == nil else { throw ToolFailure.invalid(tool, "\(name) names \(dimension.name) twice.") }
                switch value {
                case .string(let text): wanted[dimension] = .text(text)
                case .data(let mimeType, let data): wanted[dimension] = .dataURL(mimeType: mimeType, data)
                default: throw ToolFailure.invalid(tool, "the value of \(dimension.name) in \(name) must be a string.")
                }
            }
            return SegmentQuery(wanted: wanted)
        default:
            throw ToolFailure.invalid(tool, "\(name) must be an object of dimension names to values, e.g. {\"Browser\": \"Safari\"}.")
        }
    }
}

/// A segment as a call names it, matched against the segments the store holds.
///
/// The SDK decodes any argument string shaped like a `data:` URL into bytes and drops the original text, so such a
/// value is matched by decoding the store's values the same way.
struct SegmentQuery {
    enum Wanted {
        case text(String)
        case dataURL(mimeType: String?, Data)
    }

    let wanted: [ClarityModel.Dimension: Wanted]

    var dimensions: DimensionSet { DimensionSet(wanted.keys) }

    func matches(_ segment: Segment) -> Bool {
        guard segment.dimensions == dimensions else { return false }
        return segment.values.allSatisfy { entry in
            guard let value = entry.value, let want = wanted[entry.dimension] else { return false }
            switch want {
            case .text(let text): return value == text
            case .dataURL(let mimeType, let data):
                guard let parsed = Data.parseDataURL(value) else { return false }
                return parsed.mimeType == (mimeType ?? "text/plain") && parsed.data == data
            }
        }
    }
}
