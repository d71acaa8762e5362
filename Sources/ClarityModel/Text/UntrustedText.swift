/// The one list of characters that let text from the tracked site hide, reorder or break what a reader sees.
///
/// Every output (HTML, SVG, Markdown, e-mail, terminal messages) asks these questions instead of keeping its own list.
public enum UntrustedText {
    /// Whether the scalar is a tab or a line terminator in Markdown, HTML or Unicode.
    public static func isLineBreakOrTab(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Whether the scalar is a C0 control, DEL or a C1 control.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// Whether the scalar is a bidirectional control or a zero-width character: invisible, yet able to reorder or
    /// split what a reader sees.
    public static func isBidiOrZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069: true  // Bidirectional embeddings, overrides and isolates.
        case 0x200E, 0x200F, 0x061C: true  // Left-to-right, right-to-left and Arabic letter marks.
        case 0x200B...0x200D, 0x2060, 0xFEFF: true  // Zero-width space and joiners, word joiner, BOM.
        default: false
        }
    }

    /// Whether the scalar is a control, a bidirectional control or a zero-width character.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar) || isBidiOrZeroWidth(scalar)
    }

    /// The text as one visible line: invisible characters removed, whitespace (line breaks and tabs included)
    /// collapsed to single spaces, and the ends trimmed.
    public static func visibleLine(_ text: String) -> String {
        var visible = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || isLineBreakOrTab(scalar) {
                pendingSpace = !visible.isEmpty
            } else if !isInvisible(scalar) {
                if pendingSpace {
                    visible.unicodeScalars.append(" ")
                    pendingSpace = false
                }
                visible.unicodeScalars.append(scalar)
            }
        }
        return visible
    }
}
