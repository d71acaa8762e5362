import ClarityRender
import Testing

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func tableRendersAsTable() {
        let html = renderer.html(from: "| Page | Visits |\n| --- | ---: |\n| /home | 12 |\n")
        #expect(
            html == """
                <table>
                <thead>
                <tr>
                <th>Page</th>
                <th align="right">Visits</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td>/home</td>
                <td align="right">12</td>
                </tr>
                </tbody>
                </table>

                """)
    }

    @Test func strikethroughRenders() {
        #expect(renderer.html(from: "~~old~~ new") == "<p><del>old</del> new</p>\n")
    }

    @Test func rawHTMLIsOmitted() {
        let html = renderer.html(from: "Hello <script>alert(1)</script>\n\n<div onclick=\"x()\">block</div>\n")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<div"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
    }

    @Test func javascriptLinkIsNeutralised() {
        let html = renderer.html(from: "[x](javascript:alert(1))")
        #expect(html == "<p><a href=\"\">x</a></p>\n")
    }

    @Test func bareURLsAreNotLinked() {
        let html = renderer.html(from: "Visit https://evil.example/path or www.evil.com or me@evil.com")
        #expect(html == "<p>Visit https://evil.example/path or www.evil.com or me@evil.com</p>\n")
    }

    @Test func quotesAndDashesStayAsWritten() {
        #expect(renderer.html(from: "\"quoted\" -- it's...") == "<p>&quot;quoted&quot; -- it's...</p>\n")
    }

    /// cmark-gfm 0.29 edits a process-wide table during each parse; unserialised, parallel parses lose strikethrough.
    @Test func rendersTheSameFromManyThreadsAtOnce() async {
        let row = "| ~~old~~ | **2** | ~~x~~ |\n"
        let markdown = "| a | b | c |\n| - | - | - |\n" + String(repeating: row, count: 50)
        let expected = renderer.html(from: markdown)
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<200 {
                group.addTask { MarkdownRenderer().html(from: markdown) }
            }
            return await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(expected.components(separatedBy: "<del>").count == 101)
        #expect(results.count == 200)
        #expect(results.filter { $0 != expected }.isEmpty)
    }
}
