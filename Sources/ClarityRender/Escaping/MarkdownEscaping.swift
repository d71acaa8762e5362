import ClarityModel

/// Escaping for untrusted text placed inside generated Markdown.
public enum MarkdownEscaping {
    /// Escapes text for a Markdown paragraph or GFM table cell so it renders as exactly `visibleText(text)`.
    ///
    /// Only what can start Markdown syntax is backslash-escaped, so the Markdown file stays readable in a text editor:
    /// everywhere `\\ ` * _ [ ] < > | ~` (no link, image, autolink, HTML tag, comment marker, code span, emphasis,
    /// strikethrough or table pipe can form), `&` where it would start an entity, and at the start of the text
    /// what could open a block there (`#`, `+`, `-`, `=`, `!`, an ordered-list number's `.` or `)`); `!` after `<` too, so
    /// the text never holds `<!--`; and the `:` of `://` and the `.` of `www.`, so GitHub's autolink extension makes no
    /// link of a bare URL (it still links e-mail addresses, which no escape in the text can prevent).
    public static func inline(_ text: String) -> String {
        let scalars = Array(visibleText(text).unicodeScalars)
        var escaped = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if alwaysEscaped.contains(scalar) || (index == 0 && leadingEscaped.contains(scalar))
                || (scalar == "!" && index > 0 && scalars[index - 1] == "<")
                || (scalar == "&" && startsEntity(scalars, at: index)) || endsListNumber(scalars, at: index) || startsAutolink(scalars, at: index)
            {
                escaped.append("\\")
            }
            escaped.append(scalar)
        }
        return String(escaped)
    }

    private static let alwaysEscaped: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~"]
    private static let leadingEscaped: Set<Unicode.Scalar> = ["#", "+", "-", "=", "!"]

    /// True for `&` followed by a name or number and `;`, which cmark would decode as an entity.
    private static func startsEntity(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var next = index + 1
        if next < scalars.count, scalars[next] == "#" { next += 1 }
        let start = next
        while next < scalars.count, next - start < 32, scalars[next].isASCII,
            ("a"..."z").contains(scalars[next]) || ("A"..."Z").contains(scalars[next]) || ("0"..."9").contains(scalars[next])
        {
            next += 1
        }
        return next > start && next < scalars.count && scalars[next] == ";"
    }

    /// True for the `:` of `scheme://` and the `.` of `www.`, where GFM's autolink extension would start a link.
    private static func startsAutolink(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        switch scalars[index] {
        case ":":
            return index + 2 < scalars.count && scalars[index + 1] == "/" && scalars[index + 2] == "/"
        case ".":
            return index >= 3 && scalars[(index - 3)..<index].allSatisfy { $0 == "w" || $0 == "W" }
        default:
            return false
        }
    }

    /// True for the `.` or `)` after leading digits, which would start an ordered list at the beginning of a line.
    private static func endsListNumber(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index > 0, index <= 9, scalars[index] == "." || scalars[index] == ")" else { return false }
        guard index + 1 == scalars.count || scalars[index + 1] == " " else { return false }
        return scalars[0..<index].allSatisfy { ("0"..."9").contains($0) }
    }

    /// The text a reader sees once `inline(_:)` is rendered: `UntrustedText.visibleLine`.
    ///
    /// Line breaks and tabs become spaces, runs of spaces collapse to one and the ends are trimmed, so the
    /// text can neither start a new block nor turn into an indented code block.
    public static func visibleText(_ text: String) -> String {
        UntrustedText.visibleLine(text)
    }
}
