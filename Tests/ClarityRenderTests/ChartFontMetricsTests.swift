import CRsvg
import Testing

@testable import ClarityCharts
@testable import ClarityRender

/// The widths the charts measure labels with are the widths pango gives the PNG charts' text, to a hundredth of a pixel.
@Suite struct ChartFontMetricsTests {
    static let fontSize = 11.0

    /// The advance width of `text` as librsvg lays it out: the ink between two bars around it, less the bars alone.
    static func laidOutWidth(_ text: String) throws -> Double {
        try inkWidth("|\(text)|") - inkWidth("||")
    }

    private static func inkWidth(_ text: String) throws -> Double {
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="4000" height="40" font-family="\(ChartStyle.fontFamily)" \
            font-size="\(fontSize)"><text id="t" x="0" y="20" xml:space="preserve">\(SVGText.escape(text))</text></svg>
            """
        return try ChartFontMap.withPrivateFonts { () throws(RasterizationError) in
            var error: UnsafeMutablePointer<GError>?
            let bytes = Array(svg.utf8)
            guard let handle = rsvg_handle_new_from_data(bytes, gsize(bytes.count), &error) else {
                throw RasterizationError(.invalidSVG(reason: "test SVG for \(text)"))
            }
            defer { g_object_unref(handle) }
            var viewport = RsvgRectangle(x: 0, y: 0, width: 4000, height: 40)
            var ink = RsvgRectangle()
            var logical = RsvgRectangle()
            guard rsvg_handle_get_geometry_for_layer(handle, "#t", &viewport, &ink, &logical, &error) != 0 else {
                throw RasterizationError(.renderingFailed(reason: "no geometry for \(text)"))
            }
            return ink.width
        }
    }

    static func expectSameWidth(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let measured = try laidOutWidth(text)
        let computed = TextMetrics.width("|\(text)|", fontSize: fontSize) - TextMetrics.width("||", fontSize: fontSize)
        // pango places each glyph on a 1/1024-pixel grid; a missing character's box is a little narrower than allowed for.
        let tolerance = 0.01 + Double(text.unicodeScalars.count) * 0.003
        #expect(
            abs(measured - computed) <= tolerance, "\(text.debugDescription): pango \(measured), table \(computed)",
            sourceLocation: sourceLocation)
    }

    @Test("labels the reports draw, with kerned pairs, accents, symbols and characters the font lacks")
    func labels() throws {
        for label in [
            "Rage clicks: Browser = Safari · URL = /checkout", "Chrome · /blog/autumn-reads", "SamsungInternet",
            "AV To Ty Yo Wa", "office file flow", "2.6.0 shipped", "1,234,567 sessions (+12.5%)", "−0.4 pt ↑ ↓ →",
            "Ünïcödé Ωμέγα Привет", "東京 😀 👍🏽 x", "e\u{301}", "Mobile › Checkout – “quoted” — end…",
            "soft\u{AD}hyphen", "zero\u{200B}width\u{FEFF}",
        ] {
            try Self.expectSameWidth(label)
        }
    }

    @Test("every character the font has, sixteen at a time between letters")
    func everyCharacter() throws {
        let drawable = ChartFontMetrics.codePoints.compactMap(Unicode.Scalar.init).filter { scalar in
            // Left out: what SVG text collapses or breaks on, marks that combine with the character before them,
            // and a Hebrew punctuation mark whose right-to-left run pango reorders.
            scalar != "\u{5C3}" && !scalar.properties.isWhitespace && scalar.properties.generalCategory != .nonspacingMark
                && scalar.properties.generalCategory != .enclosingMark && scalar.properties.generalCategory != .format
                && scalar.properties.generalCategory != .control
        }
        #expect(drawable.count > 2_000)
        for start in stride(from: 0, to: drawable.count, by: 16) {
            // Letters between them, because a few sequences (tone letters) form other glyphs side by side.
            var text = "a"
            for scalar in drawable[start..<min(start + 16, drawable.count)] {
                text.unicodeScalars.append(contentsOf: [scalar, "a"])
            }
            try Self.expectSameWidth(text)
        }
    }

    @Test("every kerning pair, eight pairs at a time between bars")
    func everyKerningPair() throws {
        let pairs = ChartFontMetrics.kerningPairs.map { pair in
            (Unicode.Scalar(UInt32(pair >> 32))!, Unicode.Scalar(UInt32(pair & 0xFFFF_FFFF))!)
        }
        #expect(pairs.count > 1_000)
        for start in stride(from: 0, to: pairs.count, by: 8) {
            var text = ""
            for (first, second) in pairs[start..<min(start + 8, pairs.count)] {
                text.unicodeScalars.append(contentsOf: [first, second, "|"])
            }
            try Self.expectSameWidth(text)
        }
    }
}
