import ClarityRender
import Testing

/// GitHub renders Markdown with cmark-gfm's autolink extension, which turns a bare `https://…` or `www.…` into a link.
@Suite struct MarkdownAutolinkEscapingTests {
    @Test(arguments: [
        ("https://evil.example/login", "https\\://evil.example/login"),
        ("see HTTP://evil.example and ftp://x.example", "see HTTP\\://evil.example and ftp\\://x.example"),
        ("www.evil.example/phish", "www\\.evil.example/phish"),
        ("visit WWW.Evil.example", "visit WWW\\.Evil.example"),
        ("(www.evil.example)", "(www\\.evil.example)"),
    ])
    func breaksAutolinks(text: String, escaped: String) {
        #expect(MarkdownEscaping.inline(text) == escaped)
    }

    @Test func leavesOtherColonsAndDotsAlone() {
        #expect(MarkdownEscaping.inline("ratio 3:2, v2.6, a:/b, ww.x, www-x.example") == "ratio 3:2, v2.6, a:/b, ww.x, www-x.example")
    }

    @Test func rendersTheSameText() {
        let html = MarkdownRenderer().html(from: MarkdownEscaping.inline("from https://evil.example and www.evil.example") + "\n")
        #expect(html == "<p>from https://evil.example and www.evil.example</p>\n")
    }
}
