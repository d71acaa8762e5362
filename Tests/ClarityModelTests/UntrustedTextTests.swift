import ClarityTestSupport
import Testing

@testable import ClarityModel

/// The one set of rules for text from the tracked site, checked against the whole hostile corpus.
@Suite("Untrusted text")
struct UntrustedTextTests {
    static let corpus = HostilePayloads.corpus(beacon: "http://beacon.example")

    /// Every bidirectional control and zero-width character the rules know, LRM, RLM and ALM included.
    static let bidiAndZeroWidth: [Unicode.Scalar] = [
        0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
        0x200E, 0x200F, 0x061C, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF,
    ].map { Unicode.Scalar(UInt32($0))! }

    @Test("Bidi marks and zero-width characters are invisible to every output: escaping, labels and messages")
    func oneInvisibleList() {
        for scalar in Self.bidiAndZeroWidth {
            let text = "a\(Character(scalar))b"
            #expect(UntrustedText.isInvisible(scalar), "U+\(String(scalar.value, radix: 16))")
            #expect(MarkupEscaping.text(text) == "ab")
            #expect(MarkupEscaping.attribute(text) == "ab")
            #expect(UntrustedText.visibleLine(text) == "ab")
            #expect(MessageText.escaped(text, limit: 10) == "a\\u{\(String(scalar.value, radix: 16, uppercase: true))}b")
        }
        for scalar in ["a", "é", "漢", "😀", " ", "\u{A0}", "\u{301}"].flatMap(\.unicodeScalars) {
            #expect(!UntrustedText.isInvisible(scalar))
        }
    }

    @Test("No hostile payload keeps markup, an invisible character or a raw quote after escaping", arguments: corpus)
    func corpusEscaping(payload: HostilePayload) {
        let text = MarkupEscaping.text(payload.text)
        let attribute = MarkupEscaping.attribute(payload.text)
        for escaped in [text, attribute] {
            #expect(!escaped.contains("<") && !escaped.contains(">") && !escaped.contains("\"") && !escaped.contains("'"))
            #expect(!escaped.unicodeScalars.contains { UntrustedText.isBidiOrZeroWidth($0) })
            #expect(!escaped.unicodeScalars.contains { UntrustedText.isControl($0) && !["\t", "\n", "\r"].contains($0) })
        }
        #expect(!attribute.unicodeScalars.contains { UntrustedText.isLineBreakOrTab($0) })
        #expect(Self.unescaped(text) == Self.kept(payload.text) { ["\t", "\n", "\r"].contains($0) ? $0 : nil })
        #expect(Self.unescaped(attribute) == Self.kept(payload.text) { UntrustedText.isLineBreakOrTab($0) ? " " : nil })
    }

    @Test("A visible line and a quoted message hold no invisible character and lose no visible one", arguments: corpus)
    func corpusLinesAndMessages(payload: HostilePayload) {
        let line = UntrustedText.visibleLine(payload.text)
        #expect(!line.unicodeScalars.contains { UntrustedText.isInvisible($0) || UntrustedText.isLineBreakOrTab($0) })
        #expect(!line.hasPrefix(" ") && !line.hasSuffix(" ") && !line.contains("  "))
        let visible = Self.kept(payload.text) { $0.properties.isWhitespace || UntrustedText.isLineBreakOrTab($0) ? " " : nil }
        #expect(line.split(separator: " ") == visible.split(separator: " "))
        let message = MessageText.escaped(payload.text, limit: .max)
        #expect(!message.unicodeScalars.contains { UntrustedText.isInvisible($0) })
    }

    /// The payload without the invisible characters and noncharacters, with `replacement` deciding first.
    static func kept(_ text: String, replacement: (Unicode.Scalar) -> Unicode.Scalar?) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let replaced = replacement(scalar) {
                kept.append(replaced)
            } else if !UntrustedText.isInvisible(scalar), scalar.value != 0xFFFE, scalar.value != 0xFFFF {
                kept.append(scalar)
            }
        }
        return String(kept)
    }

    /// Reads back the five entities the escaper writes.
    static func unescaped(_ text: String) -> String {
        text.replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"")
            .replacing("&#39;", with: "'").replacing("&amp;", with: "&")
    }
}
