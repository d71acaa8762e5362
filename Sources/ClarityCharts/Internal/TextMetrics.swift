/// Estimated text widths, from Helvetica's advance widths padded for wider fallback fonts.
enum TextMetrics {
    /// Wider fonts (DejaVu Sans on Linux, Segoe UI) run about this much wider than Helvetica.
    private static let safety = 1.1

    /// The estimated width in pixels of `text` set at `fontSize`.
    static func width(_ text: String, fontSize: Double) -> Double {
        let units = text.unicodeScalars.reduce(0) { $0 + advance($1) }
        return Double(units) / 1000 * fontSize * safety
    }

    /// `text` unchanged when it fits in `maxWidth`, else its longest prefix that fits followed by "…".
    static func fit(_ text: String, maxWidth: Double, fontSize: Double) -> String {
        guard width(text, fontSize: fontSize) > maxWidth else { return text }
        let budget = maxWidth - width("…", fontSize: fontSize)
        var kept = ""
        var used = 0.0
        for character in text {
            let advance = width(String(character), fontSize: fontSize)
            guard used + advance <= budget else { break }
            kept.append(character)
            used += advance
        }
        while kept.last?.isWhitespace == true { kept.removeLast() }
        return kept + "…"
    }

    /// The advance of one scalar in thousandths of an em.
    private static func advance(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 32, value < 127 { return helvetica[Int(value) - 32] }
        switch value {
        case 0x00B7: return 278                  // middle dot
        case 0x2039, 0x203A: return 333          // single angle quotes, as in breadcrumbs
        case 0x00D7: return 584                  // multiplication sign
        case 0x2013: return 556                  // en dash
        case 0x2014, 0x2026: return 1000         // em dash, ellipsis
        default: break
        }
        if scalar.properties.generalCategory == .nonspacingMark { return 0 }
        if isWide(value) { return 1000 }
        return 600
    }

    /// East Asian wide characters and emoji, which take a full em.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Helvetica advance widths for the printable ASCII characters U+0020 to U+007E.
    private static let helvetica: [Int] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // space to /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0 to ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // P to _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // ` to o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,       // p to ~
    ]
}
