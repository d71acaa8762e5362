import ClarityModel
import Foundation

/// The weekly email's subject: its template filled with the project, the week and the headline, on one line and short.
public enum SubjectLine {
    /// Characters a subject keeps at most; a longer one is cut at a word and ends with `…`.
    public static let limit = 130

    /// Fills `{{project}}`, `{{week}}` and `{{headline}}`; the headline loses line breaks, invisible characters and its full stop.
    public static func fill(_ template: String, project: String, week: String, headline: String) -> String {
        var words = String(
            String.UnicodeScalarView(
                headline.unicodeScalars.map { scalar in
                    UntrustedText.isLineBreakOrTab(scalar) || UntrustedText.isInvisible(scalar) ? " " : scalar
                })
        ).split(separator: " ").joined(separator: " ")
        if words.hasSuffix(".") { words.removeLast() }
        let filled =
            template
            .replacingOccurrences(of: "{{project}}", with: project)
            .replacingOccurrences(of: "{{week}}", with: week)
            .replacingOccurrences(of: "{{headline}}", with: words)
        return shortened(filled)
    }

    /// The text cut to `limit` characters at the last space before it, with `…`.
    static func shortened(_ text: String) -> String {
        guard text.count > limit else { return text }
        let head = text.prefix(limit - 1)
        let cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
        return cut.trimmingCharacters(in: [",", ";", ":", " "]) + "…"
    }
}
