import ClarityModel
import Foundation

/// Renders research-log entries and their index from the templates, and merges them into what researchers edited.
public struct ResearchLogRenderer: Sendable {
    let weekly: WeeklyRenderer
    let templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
        self.weekly = WeeklyRenderer(templates: templates)
    }

    /// A freshly generated entry for the week, every generated block included.
    public func entry(_ report: WeeklyReport) throws -> String {
        try templates.render("research-log-entry.md", with: try weekly.context(report))
    }

    /// One line of the index.
    public struct IndexEntry: Sendable {
        public let label: String
        public let title: String
        public let file: String
        /// The entry's headline exactly as the entry file holds it (already escaped Markdown).
        public let headline: String

        public init(label: String, title: String, file: String, headline: String) {
            self.label = label
            self.title = title
            self.file = file
            self.headline = headline
        }
    }

    /// The index of entries, newest first.
    public func index(project: ProjectInfo, entries: [IndexEntry]) throws -> String {
        let rows: [[String: Any]] = entries.map { ["label": $0.label, "title": $0.title, "file": $0.file, "headline": $0.headline] }
        let context: [String: Any] = ["project": ["name": project.name, "site": project.site], "entries": rows]
        return try templates.render("research-log-index.md", with: context)
    }

    /// The headline line of an entry file: the text after `**Headline:** `, nil when there is none.
    public static func headline(inEntry text: String) -> String? {
        let prefix = "**Headline:** "
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where line.hasPrefix(prefix) {
            return String(line.dropFirst(prefix.count)).trimmingCharacters(in: [" ", "\r"])
        }
        return nil
    }
}
