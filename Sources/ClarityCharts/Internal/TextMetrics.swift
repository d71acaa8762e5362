/// Text widths in the charts' font, Liberation Sans, as pango lays it out: advances plus kerning.
///
/// The figures come from the font file (`ChartFontMetrics`, generated once), so an SVG is the same on every machine,
/// and the PNG charts, drawn in that font whatever the machine has, fit their labels exactly.
/// Browsers that lack it draw the same widths in Arial or Helvetica, whose metrics Liberation Sans copies.
enum TextMetrics {
    /// A character the font lacks is drawn as a box holding its hex code: at most this wide, in ems, for code points
    /// up to U+FFFF (four digits) and above (six digits), as measured in pango from 10 to 20 px.
    private static let missingBoxWidth = 0.7849
    private static let missingWideBoxWidth = 1.1122

    /// The width in pixels of `text` set at `fontSize`.
    static func width(_ text: String, fontSize: Double) -> Double {
        var layout = Layout()
        for scalar in text.unicodeScalars { layout.append(scalar) }
        return Double(layout.units) / ChartFontMetrics.unitsPerEm * fontSize
    }

    /// `text` unchanged when it fits in `maxWidth`, else its longest prefix that fits followed by "…".
    static func fit(_ text: String, maxWidth: Double, fontSize: Double) -> String {
        guard width(text, fontSize: fontSize) > maxWidth else { return text }
        let budget = maxWidth / fontSize * ChartFontMetrics.unitsPerEm
        var kept = ""
        var layout = Layout()
        for character in text {
            var longer = layout
            for scalar in character.unicodeScalars { longer.append(scalar) }
            var ended = longer
            ended.append("…")
            guard Double(ended.units) <= budget else { break }
            kept.append(character)
            layout = longer
        }
        while kept.last?.isWhitespace == true { kept.removeLast() }
        return kept + "…"
    }

    /// `text` unchanged when it fits in `maxWidth`, else its start and its end around a "…", as much of each as fits.
    ///
    /// Segment labels end in what tells them apart (the page of `Safari · /checkout/step-2`), so the middle goes first.
    static func fitMiddle(_ text: String, maxWidth: Double, fontSize: Double) -> String {
        guard width(text, fontSize: fontSize) > maxWidth else { return text }
        let characters = Array(text)
        let candidate = { (keep: Int) in
            String(characters.prefix((keep + 1) / 2)) + "…" + String(characters.suffix(keep / 2))
        }
        // The widest candidate that fits, by binary search over how many characters are kept.
        var low = 0
        var high = characters.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if width(candidate(middle), fontSize: fontSize) <= maxWidth { low = middle } else { high = middle - 1 }
        }
        return candidate(low)
    }

    /// Text laid out one scalar at a time: its width so far in font units, and what the next scalar kerns with.
    private struct Layout {
        private(set) var units = 0
        private var previous: Unicode.Scalar?
        private var script: KerningScript?

        mutating func append(_ scalar: Unicode.Scalar) {
            if isDefaultIgnorable(scalar) { return }
            // pango shapes each script's run on its own, so no kerning crosses from one script to the next;
            // punctuation, digits and spaces join the run they are in.
            let own = KerningScript(scalar)
            let sameRun = own == nil || script == nil || own == script
            if let own { script = own }
            if let previous, sameRun { units += kern(previous, scalar) }
            previous = scalar
            if let index = find(scalar.value, in: ChartFontMetrics.codePoints) {
                units += Int(ChartFontMetrics.advances[index])
            } else {
                let box = scalar.value > 0xFFFF ? missingWideBoxWidth : missingBoxWidth
                units += Int((box * ChartFontMetrics.unitsPerEm).rounded(.up))
            }
        }
    }

    /// The script of a letter, for the scripts the font kerns, and every other letter as `other`; nil for
    /// characters of no script of their own (punctuation, digits, spaces, symbols, marks).
    private enum KerningScript: Equatable {
        case latin, greek, cyrillic, hebrew, other

        init?(_ scalar: Unicode.Scalar) {
            guard scalar.properties.isAlphabetic, scalar.properties.generalCategory != .nonspacingMark else {
                return nil
            }
            switch scalar.value {
            case 0x0041...0x024F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xFB00...0xFB06: self = .latin
            case 0x0370...0x03FF, 0x1F00...0x1FFF: self = .greek
            case 0x0400...0x052F, 0x2DE0...0x2DFF, 0xA640...0xA69F: self = .cyrillic
            case 0x0590...0x05FF, 0xFB1D...0xFB4F: self = .hebrew
            default: self = .other
            }
        }
    }

    private static func kern(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Int {
        let pair = UInt64(first.value) << 32 | UInt64(second.value)
        return find(pair, in: ChartFontMetrics.kerningPairs).map { Int(ChartFontMetrics.kerningValues[$0]) } ?? 0
    }

    /// Characters pango draws as nothing, even where the font has a glyph: soft hyphens, format controls, variation
    /// selectors.
    private static func isDefaultIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isDefaultIgnorableCodePoint || scalar.properties.generalCategory == .format
    }

    /// The index of `value` in the ascending `sorted`, by binary search.
    private static func find<Value: Comparable>(_ value: Value, in sorted: [Value]) -> Int? {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value ? low : nil
    }
}
