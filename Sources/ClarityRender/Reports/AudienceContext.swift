/// Shapes the pages and acquisition sections of a report's template context for `partials/pages.md` and `partials/acquisition.md`.
enum AudienceContext {
    /// The acquisition tables in the order they are shown.
    static let acquisitionTables = ["channels", "sourceMedium", "campaigns", "referrers", "countries"]

    /// Adds `acquisition.tables` (the tables holding rows), `acquisition.missingText` (the others) and `pages.previousLabel`.
    static func prepare(_ context: inout [String: Any], previousLabel: String) {
        if var pages = context["pages"] as? [String: Any] {
            pages["previousLabel"] = previousLabel
            context["pages"] = pages
        }
        guard var acquisition = context["acquisition"] as? [String: Any] else { return }
        let tables = acquisitionTables.compactMap { acquisition[$0] as? [String: Any] }
        acquisition["tables"] = tables.filter { ($0["isEmpty"] as? Bool) == false }
        let missing = tables.filter { ($0["isEmpty"] as? Bool) != false }.compactMap { $0["title"] as? String }
        acquisition["missingText"] = missing.isEmpty ? "" : missing.joined(separator: ", ").lowercased()
        context["acquisition"] = acquisition
    }

    /// The email's version: each table's compact rows (top 5 and "other") in place of its rows, page titles left out.
    static func compact(_ context: inout [String: Any]) {
        func compacted(_ table: Any?) -> Any? {
            guard var table = table as? [String: Any] else { return table }
            table["rows"] = compactRows(table)
            return table
        }
        if var pages = context["pages"] as? [String: Any] {
            pages["table"] = compacted(pages["table"])
            pages["titles"] = nil
            context["pages"] = pages
        }
        if var acquisition = context["acquisition"] as? [String: Any] {
            acquisition["tables"] = (acquisition["tables"] as? [Any] ?? []).compactMap(compacted)
            context["acquisition"] = acquisition
        }
    }

    /// A table's first rows, up to those its `compactOther` row does not sum, then that row; all its rows when it has none.
    static func compactRows(_ table: [String: Any]) -> [Any] {
        let rows = table["rows"] as? [Any] ?? []
        guard let other = table["compactOther"] as? [String: Any] else { return rows }
        let shown = (table["valueCount"] as? Int ?? 0) - (other["values"] as? Int ?? 0)
        return Array(rows.prefix(max(0, shown))) + [other]
    }

    /// A section's HTML with its left cells and list items allowed to break long URLs, so a phone never scrolls sideways.
    static func breakable(_ html: String) -> String {
        html.replacingOccurrences(of: "<td align=\"left\" style=\"", with: "<td align=\"left\" style=\"word-break:break-word;")
            .replacingOccurrences(of: "<li style=\"", with: "<li style=\"word-break:break-word;")
    }
}
