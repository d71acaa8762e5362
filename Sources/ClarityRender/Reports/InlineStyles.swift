import Foundation

/// Puts inline styles on the tags cmark-gfm writes, so the HTML reads the same in mail clients that drop `<style>` blocks.
///
/// It rewrites exact tag texts only; text from the tracked site never contains a raw `<` after escaping, so no site text can be
/// mistaken for a tag here.
public enum InlineStyles {
    static let font = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;"
    static let cell = "padding:5px 6px;border-bottom:1px solid #E5E7EB;font-size:13px;"

    static let replacements: [(String, String)] = [
        (
            "<table>",
            "<table width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"border-collapse:collapse;width:100%;margin:0 0 16px;\">"
        ),
        ("<th>", "<th align=\"left\" style=\"\(cell)font-weight:600;color:#4B5563;background:#F3F4F6;\">"),
        ("<th align=\"right\">", "<th align=\"right\" style=\"\(cell)font-weight:600;color:#4B5563;background:#F3F4F6;\">"),
        ("<th align=\"center\">", "<th align=\"center\" style=\"\(cell)font-weight:600;color:#4B5563;background:#F3F4F6;\">"),
        ("<th align=\"left\">", "<th align=\"left\" style=\"\(cell)font-weight:600;color:#4B5563;background:#F3F4F6;\">"),
        ("<td>", "<td style=\"\(cell)\">"),
        ("<td align=\"left\">", "<td align=\"left\" style=\"\(cell)\">"),
        ("<td align=\"right\">", "<td align=\"right\" style=\"\(cell)white-space:nowrap;\">"),
        ("<td align=\"center\">", "<td align=\"center\" style=\"\(cell)\">"),
        ("<p>", "<p style=\"margin:0 0 12px;font-size:14px;line-height:21px;color:#1F2937;\">"),
        ("<ul>", "<ul style=\"margin:0 0 16px;padding:0 0 0 20px;\">"),
        ("<ol>", "<ol style=\"margin:0 0 16px;padding:0 0 0 20px;\">"),
        ("<li>", "<li style=\"margin:0 0 6px;font-size:14px;line-height:21px;color:#1F2937;\">"),
        ("<h2>", "<h2 style=\"margin:24px 0 8px;font-size:18px;line-height:24px;color:#111827;\">"),
        ("<h3>", "<h3 style=\"margin:20px 0 8px;font-size:16px;line-height:22px;color:#111827;\">"),
        ("<code>", "<code style=\"font-family:Menlo,Consolas,monospace;font-size:12px;background:#F3F4F6;padding:1px 3px;\">"),
    ]

    /// The HTML with every known tag given its inline style.
    public static func apply(_ html: String) -> String {
        var result = html
        for (tag, styled) in replacements {
            result = result.replacingOccurrences(of: tag, with: styled)
        }
        return result
    }
}
