/// Escaping for untrusted text placed inside generated HTML.
public enum HTMLEscaping {
    /// Escapes text for an HTML element's content, keeping its tabs and line breaks.
    public static func text(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            if scalar == "\t" || scalar == "\n" || scalar == "\r" {
                escaped.unicodeScalars.append(scalar)
            } else if !UntrustedText.isInvisible(scalar) {
                appendEscaped(scalar, to: &escaped)
            }
        }
        return escaped
    }

    /// Escapes text for a quoted HTML attribute value (single or double quotes), with line breaks and tabs as spaces.
    public static func attribute(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            if UntrustedText.isLineBreakOrTab(scalar) {
                escaped.unicodeScalars.append(" ")
            } else if !UntrustedText.isInvisible(scalar) {
                appendEscaped(scalar, to: &escaped)
            }
        }
        return escaped
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
