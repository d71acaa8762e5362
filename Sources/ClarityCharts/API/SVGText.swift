/// Text handling for SVG: cleaning untrusted labels and escaping them for XML.
public enum SVGText {
    /// Escapes `& < > " '` for XML text and attribute values, and drops the characters XML cannot carry.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                if isAllowedInXML(scalar) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// Makes a label from untrusted text: line breaks become spaces, whitespace runs collapse,
    /// and control, bidirectional-override and zero-width characters are removed.
    public static func clean(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
            } else if !isInvisibleControl(scalar) {
                if pendingSpace { result += " " }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00...0x1F, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    private static func isInvisibleControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true          // C0 and C1 controls
        case 0x200B...0x200F: return true                    // zero-width space, joiners, LRM, RLM
        case 0x202A...0x202E, 0x2066...0x2069: return true   // bidi embeddings, overrides and isolates
        case 0x061C, 0x2060, 0xFEFF: return true             // Arabic letter mark, word joiner, BOM
        default: return false
        }
    }
}
