import ClarityModel

/// Escaping for untrusted text placed inside generated HTML, by the rules `ClarityModel`'s `MarkupEscaping` keeps.
public enum HTMLEscaping {
    /// Escapes text for an HTML element's content, keeping its tabs and line breaks.
    public static func text(_ text: String) -> String {
        MarkupEscaping.text(text)
    }

    /// Escapes text for a quoted HTML attribute value (single or double quotes), with line breaks and tabs as spaces.
    public static func attribute(_ text: String) -> String {
        MarkupEscaping.attribute(text)
    }
}
