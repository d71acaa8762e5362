/// Classifies the characters that let untrusted text hide, reorder or break what a reader sees.
enum UntrustedText {
    /// Whether the scalar is a tab or a line terminator in Markdown, HTML or Unicode.
    static func isLineBreakOrTab(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Whether the scalar is a control, a bidirectional override or isolate, or a zero-width character.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true  // C0 controls, DEL and C1 controls.
        case 0x202A...0x202E, 0x2066...0x2069: true  // Bidirectional embeddings, overrides and isolates.
        case 0x200B...0x200D, 0x2060, 0xFEFF: true  // Zero-width space and joiners, word joiner, BOM.
        default: false
        }
    }
}
