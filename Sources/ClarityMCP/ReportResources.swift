import ClarityModel
import ClarityRender
import MCP

/// The resources: the latest weekly and monthly reports as Markdown, rendered when read.
enum ReportResources {
    static let weekly = "clarity://reports/weekly/latest.md"
    static let monthly = "clarity://reports/monthly/latest.md"

    static let all = [
        Resource(
            name: "weekly-latest", uri: weekly, title: "Latest weekly report",
            description: "The weekly stakeholder report of the latest complete ISO week, as Markdown (`clarity-report weekly --format md`).",
            mimeType: "text/markdown"),
        Resource(
            name: "monthly-latest", uri: monthly, title: "Latest monthly summary",
            description: "The executive monthly summary of the latest complete month, as Markdown (`clarity-report monthly --format md`).",
            mimeType: "text/markdown"),
    ]

    static func read(_ uri: String, source: any ReportSource) throws -> ReadResource.Result {
        let text: String
        switch uri {
        case weekly: text = try WeeklyRenderer(templates: source.templates).markdown(try source.weekly(nil, settings: source.settings))
        case monthly: text = try MonthlyRenderer(templates: source.templates).markdown(try source.monthly(nil, settings: source.settings))
        default:
            throw MCPError.invalidParams("unknown resource \(ToolFailure.quoted(uri)); the resources are \(weekly) and \(monthly).")
        }
        return ReadResource.Result(contents: [.text(text, uri: uri, mimeType: "text/markdown")])
    }
}
