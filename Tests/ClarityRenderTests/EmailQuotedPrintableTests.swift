import ClarityRender
import Testing

@Suite struct EmailQuotedPrintableTests {
    @Test func escapesEqualsSignsAndBytesOutsidePrintableASCII() {
        #expect(QuotedPrintable.encode("a=b") == "a=3Db")
        #expect(QuotedPrintable.encode("café ✓") == "caf=C3=A9 =E2=9C=93")
        #expect(QuotedPrintable.encode("tab\there") == "tab\there")
        #expect(QuotedPrintable.encode("") == "")
    }

    @Test func turnsEveryKindOfLineBreakIntoOneCRLF() {
        #expect(QuotedPrintable.encode("a\r\nb\nc\rd\n") == "a\r\nb\r\nc\r\nd\r\n")
        #expect(QuotedPrintable.encode("a\n\nb") == "a\r\n\r\nb")
    }

    @Test func encodesWhitespaceAtTheEndOfALine() {
        #expect(QuotedPrintable.encode("a \nb\t\nc  ") == "a=20\r\nb=09\r\nc =20")
    }

    @Test func breaksLongLinesSoftlyAtSeventySixCharacters() {
        let text = String(repeating: "abcdefghij", count: 20)
        let lines = QuotedPrintable.encode(text).split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        #expect(lines.map { $0.hasSuffix("=") ? String($0.dropLast()) : String($0) }.joined() == text)
        #expect(QuotedPrintable.encode(String(repeating: "x", count: 76)) == String(repeating: "x", count: 76))
    }

    @Test func neverSplitsAnEscape() {
        let encoded = QuotedPrintable.encode(String(repeating: "é", count: 40))
        let lines = encoded.split(separator: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") && $0.dropLast().utf8.count % 3 == 0 })
        #expect(encoded.replacingOccurrences(of: "=\r\n", with: "") == String(repeating: "=C3=A9", count: 40))
    }

    @Test func escapesALeadingDotOrFromThatSendmailOrMboxWouldAlter() {
        #expect(QuotedPrintable.encode(".\nFrom here\nnot From") == "=2E\r\n=46rom here\r\nnot From")
        let afterSoftBreak = QuotedPrintable.encode(String(repeating: "x", count: 75) + ".y")
        #expect(afterSoftBreak == String(repeating: "x", count: 75) + "=\r\n=2Ey")
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        components(separatedBy: target).joined(separator: replacement)
    }
}
