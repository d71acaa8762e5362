import ClarityCharts
import Testing

@Suite("SVG text")
struct SVGTextTests {
    @Test("Escapes the five XML special characters")
    func escapesMarkup() {
        #expect(SVGText.escape("<script>alert(1)</script>&\"'") == "&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;")
        #expect(SVGText.escape("Q&A: 5 > 3") == "Q&amp;A: 5 &gt; 3")
    }

    @Test("Drops characters XML cannot carry and keeps everything else")
    func dropsIllegalCharacters() {
        #expect(SVGText.escape("a\u{0}b\u{1B}c\u{FFFE}d") == "abcd")
        #expect(SVGText.escape("tab\there\nnew") == "tab\there\nnew")
        #expect(SVGText.escape("Café 🚀 東京") == "Café 🚀 東京")
    }

    @Test("Cleans labels of bidi overrides, isolates, zero-width and control characters")
    func cleansInvisibleCharacters() {
        #expect(SVGText.clean("evil\u{202E}gpj.exe") == "evilgpj.exe")
        #expect(SVGText.clean("\u{2066}a\u{2067}b\u{2068}c\u{2069}\u{202A}\u{202B}\u{202C}\u{202D}") == "abc")
        #expect(SVGText.clean("zero\u{200B}width\u{200C}\u{200D}\u{2060}\u{FEFF}") == "zerowidth")
        #expect(SVGText.clean("bell\u{7}del\u{7F}c1\u{85}end") == "belldelc1 end")
    }

    @Test("Turns line breaks and whitespace runs into single spaces and trims the ends")
    func collapsesWhitespace() {
        #expect(SVGText.clean("  Checkout\r\n\tpage   title \u{2028} ") == "Checkout page title")
        #expect(SVGText.clean("\n\n") == "")
    }
}
