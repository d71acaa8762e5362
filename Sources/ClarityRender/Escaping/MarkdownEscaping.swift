/// Escaping for untrusted text placed inside generated Markdown.
public enum MarkdownEscaping {
    /// Escapes text for a Markdown paragraph or GFM table cell so it renders as exactly `visibleText(text)`.
    ///
    /// Every ASCII punctuation character is backslash-escaped (CommonMark allows it for all of them), so no
    /// link, image, autolink, HTML tag, comment marker, entity, emphasis, code span, heading, list, quote,
    /// table pipe or setext underline can form.
    public static func inline(_ text: String) -> String {
        var escaped = ""
        for scalar in visibleText(text).unicodeScalars {
            if isASCIIPunctuation(scalar) {
                escaped.unicodeScalars.append("\\")
            }
            escaped.unicodeScalars.append(scalar)
        }
        return escaped
    }

    /// The text a reader sees once `inline(_:)` is rendered: invisible characters removed, whitespace on one line.
    ///
    /// Line breaks and tabs become spaces, runs of spaces collapse to one and the ends are trimmed, so the
    /// text can neither start a new block nor turn into an indented code block.
    public static func visibleText(_ text: String) -> String {
        var visible = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || UntrustedText.isLineBreakOrTab(scalar) {
                pendingSpace = !visible.isEmpty
            } else if !UntrustedText.isInvisible(scalar) {
                if pendingSpace {
                    visible.unicodeScalars.append(" ")
                    pendingSpace = false
                }
                visible.unicodeScalars.append(scalar)
            }
        }
        return visible
    }

    private static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: true
        default: false
        }
    }
}
