import ClarityRender
import Testing

@Suite struct MarkdownEscapingTests {
    /// Text a hostile website could put in a page title, URL, referrer or custom tag.
    static let hostileCorpus: [String] = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "[click](https://evil.example \"title\")",
        "![img](http://x)",
        "[a](b)",
        "[a]: http://evil.example",
        "[ref][1]\n\n[1]: javascript:alert(1)",
        "<http://evil>",
        "<javascript:alert(1)>",
        "<me@evil.com>",
        "www.evil.com",
        "https://evil.example/path?q=1&r=2",
        "| table | breakers |",
        "a | b\n--- | ---\nc | d",
        "\\| escaped pipe \\",
        "# x",
        "###### deep heading",
        "\n# Heading",
        "line one\r\n## Heading\rthree",
        "Setext\n===",
        "Setext\n---",
        "<!-- comment -->",
        "--> closes <!-- opens",
        "<!-- clarity-report:end summary -->",
        "&lt;script&gt;",
        "&amp; &#60; &#x3C; &copy;",
        "`code` and ``double``",
        "```\nfenced\n```",
        "*em* _em_ **strong** __strong__ ~~strike~~",
        "> quote",
        "- item\n+ item\n* item",
        "1. first\n2) second",
        "    indented code",
        "\ttabbed code",
        "<div>\nblock html\n</div>",
        "trailing two spaces  \nhard break",
        "backslash at end \\",
        "{{mustache}} {{{raw}}}",
        "a\u{202E}reversed\u{2066}isolate\u{2069}",
        "zero\u{200B}width\u{200D}joiner\u{FEFF}bom\u{2060}",
        "nul\u{0}bell\u{7}escape\u{1B}[31mred\u{7F}c1\u{85}",
        "\u{202E}\u{200B}\u{0}",
        "café ünïcödé 日本語 🙂",
        "[^1] footnote\n\n[^1]: note",
        "https://evil.example/\"onmouseover=\"alert(1)",
        "<a href='x'>a</a><!---->",
        "=== *** ___",
        "$math$ %percent @mention #tag",
        "---", "===", "+ plus list", "- dash list", "= setext", "1. ordered", "2) ordered", "> quote", "&#60;script&#62;", "&copy; &lt;b&gt;",
        "!![x](y)", "text<!--x-->text", "a --> b", "``` fence", "~~~ fence", "    indented code",
    ]

    let renderer = MarkdownRenderer()

    @Test(arguments: hostileCorpus)
    func rendersAsLiteralTextInAParagraph(hostile: String) throws {
        let expected = MarkdownEscaping.visibleText(hostile)
        let html = renderer.html(from: MarkdownEscaping.inline(hostile) + "\n")
        if expected.isEmpty {
            #expect(html == "")
        } else {
            let inner = try #require(Self.content(of: html, between: "<p>", and: "</p>\n"))
            #expect(try Self.textContent(ofEscapedHTML: inner) == expected)
        }
    }

    @Test(arguments: hostileCorpus)
    func rendersAsLiteralTextInsideASentence(hostile: String) throws {
        let expected = "Top page: " + MarkdownEscaping.visibleText(hostile) + " (12 visits)"
        let html = renderer.html(from: "Top page: " + MarkdownEscaping.inline(hostile) + " (12 visits)\n")
        let inner = try #require(Self.content(of: html, between: "<p>", and: "</p>\n"))
        #expect(try Self.textContent(ofEscapedHTML: inner) == expected)
    }

    @Test(arguments: hostileCorpus)
    func rendersAsLiteralTextInATableCell(hostile: String) throws {
        let markdown = "| Page | Visits |\n| --- | --- |\n| " + MarkdownEscaping.inline(hostile) + " | 12 |\n"
        let html = renderer.html(from: markdown)
        let head = "<table>\n<thead>\n<tr>\n<th>Page</th>\n<th>Visits</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>"
        let tail = "</td>\n<td>12</td>\n</tr>\n</tbody>\n</table>\n"
        let inner = try #require(Self.content(of: html, between: head, and: tail))
        #expect(try Self.textContent(ofEscapedHTML: inner) == MarkdownEscaping.visibleText(hostile))
    }

    @Test(arguments: hostileCorpus)
    func neverContainsCommentMarkers(hostile: String) {
        let escaped = MarkdownEscaping.inline(hostile)
        #expect(!escaped.contains("<!--"))
        #expect(!escaped.contains("-->"))
        #expect(!escaped.contains("\n"))
        #expect(!escaped.contains("\r"))
    }

    @Test func escapesWhatCanStartMarkdownSyntax() {
        #expect(MarkdownEscaping.inline(##"\`*_{}[]()#+-.!|<>~&"':"##) == ##"\\\`\*\_{}\[\]()#+-.!\|\<\>\~&"':"##)
        #expect(MarkdownEscaping.inline("# heading") == "\\# heading")
        #expect(MarkdownEscaping.inline("12. item") == "12\\. item")
        #expect(MarkdownEscaping.inline("3) item") == "3\\) item")
        #expect(MarkdownEscaping.inline("2.6.0") == "2.6.0")
        #expect(MarkdownEscaping.inline("7.") == "7\\.")
        #expect(MarkdownEscaping.inline("a &amp; b & c") == "a \\&amp; b & c")
        #expect(MarkdownEscaping.inline("Readings & events, 2.4% (v2.6)") == "Readings & events, 2.4% (v2.6)")
    }

    @Test func leavesLettersDigitsAndNonASCIIAlone() {
        #expect(MarkdownEscaping.inline("Weekly report 2025 café 🙂") == "Weekly report 2025 café 🙂")
    }

    @Test func putsTextOnOneTrimmedLine() {
        #expect(MarkdownEscaping.visibleText("  first\r\n\tsecond \n\n third\u{2028}fourth  ") == "first second third fourth")
    }

    @Test func removesControlsBidiAndZeroWidthCharacters() {
        let hidden =
            "a\u{0}b\u{1F}c\u{7F}d\u{9B}e\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}f\u{2066}\u{2067}\u{2068}\u{2069}g"
            + "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}h"
        #expect(MarkdownEscaping.visibleText(hidden) == "abcdefgh")
    }

    /// The part of `html` between a known opening and closing, or nil when the shape differs.
    static func content(of html: String, between opening: String, and closing: String) -> Substring? {
        guard html.hasPrefix(opening), html.hasSuffix(closing), html.count >= opening.count + closing.count else {
            return nil
        }
        return html.dropFirst(opening.count).dropLast(closing.count)
    }

    struct UnexpectedMarkup: Error, CustomStringConvertible {
        let html: Substring
        var description: String { "markup in rendered text: \(html)" }
    }

    /// Decodes cmark's text escaping, failing on any tag or on an entity cmark would not write for text.
    static func textContent(ofEscapedHTML html: Substring) throws -> String {
        var text = ""
        var rest = html
        while let character = rest.first {
            if character == "<" || character == ">" {
                throw UnexpectedMarkup(html: html)
            }
            if character == "&" {
                let entities: [(String, String)] = [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\"")]
                guard let (entity, decoded) = entities.first(where: { rest.hasPrefix($0.0) }) else {
                    throw UnexpectedMarkup(html: html)
                }
                text += decoded
                rest = rest.dropFirst(entity.count)
            } else {
                text.append(character)
                rest = rest.dropFirst()
            }
        }
        return text
    }
}
