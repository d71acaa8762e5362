import ClarityModel

/// Text handling for SVG: cleaning untrusted labels and escaping them for XML, by the rules `ClarityModel` keeps.
public enum SVGText {
    /// Escapes `& < > " '` for XML text and attribute values, and drops invisible characters and those XML cannot carry.
    public static func escape(_ text: String) -> String {
        MarkupEscaping.text(text)
    }

    /// Makes a label from untrusted text: whitespace runs (line breaks included) become one space, the ends are trimmed,
    /// and control, bidirectional and zero-width characters are removed.
    public static func clean(_ text: String) -> String {
        UntrustedText.visibleLine(text)
    }
}
