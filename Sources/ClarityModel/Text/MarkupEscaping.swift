/// The one escaper for untrusted text placed in HTML or XML (SVG), so the entity table and the dropped characters are
/// the same in every output.
public enum MarkupEscaping {
    /// Escapes text for element content or an attribute value in HTML or XML, keeping tabs and line breaks and dropping
    /// invisible characters and the noncharacters XML cannot carry.
    public static func text(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar == "\t" || scalar == "\n" || scalar == "\r" {
                escaped.unicodeScalars.append(scalar)
            } else if isKept(scalar) {
                appendEscaped(scalar, to: &escaped)
            }
        }
        return escaped
    }

    /// Escapes text for a quoted HTML attribute value (single or double quotes), with line breaks and tabs as spaces.
    public static func attribute(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if UntrustedText.isLineBreakOrTab(scalar) {
                escaped.unicodeScalars.append(" ")
            } else if isKept(scalar) {
                appendEscaped(scalar, to: &escaped)
            }
        }
        return escaped
    }

    private static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        !UntrustedText.isInvisible(scalar) && scalar.value != 0xFFFE && scalar.value != 0xFFFF
    }

    private static func appendEscaped(_ scalar: Unicode.Scalar, to escaped: inout String) {
        switch scalar {
        case "&": escaped += "&amp;"
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        case "\"": escaped += "&quot;"
        case "'": escaped += "&#39;"
        default: escaped.unicodeScalars.append(scalar)
        }
    }
}
