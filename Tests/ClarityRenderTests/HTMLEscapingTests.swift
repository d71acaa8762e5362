import ClarityRender
import Testing

@Suite struct HTMLEscapingTests {
    @Test func textEscapesTheFiveSpecialCharacters() {
        #expect(
            HTMLEscaping.text("<a href=\"x\" title='y'>Tom & Jerry</a>")
                == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;")
    }

    @Test func textKeepsLineBreaksAndTabs() {
        #expect(HTMLEscaping.text("one\r\ntwo\tthree\n") == "one\r\ntwo\tthree\n")
    }

    @Test func attributePutsLineBreaksAndTabsOnOneLine() {
        #expect(HTMLEscaping.attribute("\"one\"\r\ntwo\tthree\u{85}four") == "&quot;one&quot;  two three four")
    }

    @Test func entitiesInTheInputStayLiteral() {
        #expect(HTMLEscaping.text("&lt;script&gt; &#x3C;") == "&amp;lt;script&amp;gt; &amp;#x3C;")
    }

    @Test(arguments: [HTMLEscaping.text, HTMLEscaping.attribute])
    func removesControlsBidiAndZeroWidthCharacters(escape: @Sendable (String) -> String) {
        let hidden = "a\u{0}b\u{1B}c\u{7F}d\u{9B}e\u{202E}f\u{2066}g\u{2069}h\u{200B}i\u{200D}j\u{2060}k\u{FEFF}l"
        #expect(escape(hidden) == "abcdefghijkl")
    }

    @Test func leavesOtherTextAlone() {
        #expect(HTMLEscaping.attribute("café 🙂 [x](y) *z*") == "café 🙂 [x](y) *z*")
    }
}
