/// Narrows the tables cmark-gfm writes to their first columns, for the email, which phones show without media queries.
///
/// cmark-gfm writes each table cell on a line of its own (`<th…>…</th>`, `<td…>…</td>`); text from the tracked site is
/// escaped before it gets here, so no site text can start a line with a cell tag.
enum TableColumns {
    static func keepingFirst(_ count: Int, of html: String) -> String {
        var kept: [Substring] = []
        var cell = 0
        for line in html.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "<tr>" { cell = 0 }
            if line.hasPrefix("<th") || line.hasPrefix("<td") {
                cell += 1
                if cell > count { continue }
            }
            kept.append(line)
        }
        return kept.joined(separator: "\n")
    }
}
