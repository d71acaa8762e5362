import ClarityModel
import ClarityRender
import ClarityStore
import MCP

extension ClarityTools {
    /// The most a report answer carries, in bytes of JSON or Markdown.
    static let reportBytes = 240_000

    struct ReportAnswer: Encodable {
        let kind: String
        let period: String
        let format: String
        /// The model's top-level sections included (format json).
        let sections: [String]
        /// Sections left out to stay under the size bound, to ask for by name.
        let leftOut: [String]
        let note: String
    }

    func report(_ arguments: ToolArguments, store: MetricStore) throws -> ToolAnswer {
        let tool = arguments.tool
        guard let kind = try arguments.string("kind") else { throw ToolFailure.invalid(tool, "kind is required: weekly or monthly.") }
        let format = try arguments.choice("format", of: ["json", "markdown"], default: "json")
        let json: String
        let markdown: () throws -> String
        let label: String
        switch kind {
        case "weekly":
            if arguments.has("month") { throw ToolFailure.invalid(tool, "a weekly report takes week (2026-W47), not month.") }
            let week = try PeriodRequest.read(arguments)
            if let week { _ = try week.requireData(store, tool: tool) }
            let latest = try store.latestCompleteWeek().map(PeriodRequest.week)
            guard case .week(let asked)? = week ?? latest else {
                throw ToolFailure.invalid(tool, "no data: the store holds no day yet.")
            }
            let model = try source.weekly(asked, settings: source.settings)
            label = model.period.label
            json = try TemplateContext.json(model)
            markdown = { try WeeklyRenderer(templates: source.templates).markdown(model) }
        case "monthly":
            if arguments.has("week") { throw ToolFailure.invalid(tool, "a monthly report takes month (2026-11), not week.") }
            let month = try PeriodRequest.read(arguments)
            if let month { _ = try month.requireData(store, tool: tool) }
            var asked: Month?
            if case .month(let chosen)? = month { asked = chosen }
            let model = try source.monthly(asked, settings: source.settings)
            label = model.period.label
            json = try TemplateContext.json(model)
            markdown = { try MonthlyRenderer(templates: source.templates).markdown(model) }
        default:
            throw ToolFailure.invalid(tool, "kind \(ToolFailure.quoted(kind)) is not weekly or monthly.")
        }
        if format == "markdown" {
            if arguments.has("sections") { throw ToolFailure.invalid(tool, "sections applies to format json only.") }
            let text = try markdown()
            let fits = text.utf8.count <= Self.reportBytes
            let shown = fits ? text : String(decoding: Array(text.utf8.prefix(Self.reportBytes)), as: UTF8.self)
            let note =
                fits
                ? "The report's Markdown, as `clarity-report \(kind) --format md` writes it."
                : "Cut at \(Self.reportBytes) bytes; ask for format json with sections for the rest."
            let summary = "The \(kind) report for \(label) as Markdown (\(text.utf8.count) bytes\(fits ? "" : ", cut"))."
            return ToolAnswer(
                summary: summary, text: shown,
                structured: [
                    "kind": .string(kind), "period": .string(label), "format": "markdown",
                    "note": .string(note), "markdown": .string(shown),
                ])
        }
        return try reportJSON(json, kind: kind, label: label, arguments: arguments)
    }

    /// The model's JSON, whole or with the sections asked for, within the size bound.
    private func reportJSON(_ json: String, kind: String, label: String, arguments: ToolArguments) throws -> ToolAnswer {
        let tool = arguments.tool
        let model = ToolAnswer.value(try JSONParser.parse(Array(json.utf8)))
        guard case .object(let sections) = model else { throw MCPError.internalError("\(tool): the model is not a JSON object") }
        let names = sections.keys.sorted()
        var asked = names
        if arguments.has("sections") {
            guard let list = arguments.values["sections"]?.arrayValue?.compactMap(\.stringValue), !list.isEmpty else {
                throw ToolFailure.invalid(tool, "sections must be a non-empty list of the model's top-level keys: \(names.joined(separator: ", ")).")
            }
            for name in list where sections[name] == nil {
                throw ToolFailure.invalid(
                    tool, "the \(kind) model has no section \(ToolFailure.quoted(name)); it has \(names.joined(separator: ", ")).")
            }
            asked = names.filter(list.contains)
        }
        var kept: [String: Value] = [:]
        var leftOut: [String] = []
        var bytes = 0
        for name in asked {
            let size = try ToolAnswer(summary: "", value: [name: sections[name]!]).json.utf8.count
            if bytes + size > Self.reportBytes {
                leftOut.append(name)
            } else {
                kept[name] = sections[name]
                bytes += size
            }
        }
        let note =
            leftOut.isEmpty
            ? "The model as `clarity-report \(kind) --format json` prints it\(asked.count < names.count ? ", the sections asked for" : "")."
            : "Left out to stay under \(Self.reportBytes) bytes: \(leftOut.joined(separator: ", ")); ask for them with sections."
        let answer = ReportAnswer(kind: kind, period: label, format: "json", sections: kept.keys.sorted(), leftOut: leftOut, note: note)
        var structured = try ToolAnswer(summary: "", value: answer).structured.objectValue ?? [:]
        structured["model"] = .object(kept)
        let summary =
            "The \(kind) report for \(label) as its JSON model: \(kept.count) of \(names.count) sections"
            + (leftOut.isEmpty ? "." : "; left out for size: \(leftOut.joined(separator: ", ")).")
        return try ToolAnswer(summary: summary, structured: .object(structured))
    }
}
