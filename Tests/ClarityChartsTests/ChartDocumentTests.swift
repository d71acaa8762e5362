import ClarityCharts
import Testing

@Suite("Every chart's SVG document")
struct ChartDocumentTests {
    @Test("Is well-formed, sized, and labelled by its title and description", arguments: Sample.allCases)
    func accessibleRoot(sample: Sample) throws {
        let chart = sample.chart
        let root = try #require(SVGNode.parse(chart.svg), "not well-formed XML")
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["role"] == "img")
        let width = try #require(root.attributes["width"])
        let height = try #require(root.attributes["height"])
        #expect(root.attributes["viewBox"] == "0 0 \(width) \(height)")
        let ids = try #require(root.attributes["aria-labelledby"]).split(separator: " ").map(String.init)
        #expect(ids.count == 2)
        let labelled = root.children.filter { ids.contains($0.attributes["id"] ?? "") }
        #expect(labelled.map(\.name) == ["title", "desc"])
        #expect(labelled.first?.text == chart.title)
        #expect(labelled.last?.text == chart.summary)
        #expect(!chart.summary.isEmpty)
    }

    @Test("Has an opaque white background and an explicit font stack", arguments: Sample.allCases)
    func backgroundAndFont(sample: Sample) throws {
        let root = try #require(SVGNode.parse(sample.chart.svg))
        #expect(root.attributes["font-family"] == ChartStyle.fontFamily)
        let background = try #require(root.children.first { $0.name == "rect" })
        #expect(background.attributes["width"] == root.attributes["width"])
        #expect(background.attributes["height"] == root.attributes["height"])
        #expect(background.attributes["fill"] == "#FFFFFF")
        #expect(background.attributes["x"] == nil && background.attributes["y"] == nil)
    }

    @Test("Uses only attributes for styling and nothing external or scripted", arguments: Sample.allCases)
    func selfContained(sample: Sample) throws {
        let root = try #require(SVGNode.parse(sample.chart.svg))
        let forbiddenElements: Set = ["style", "script", "foreignObject", "image", "a", "use", "link"]
        for node in root.descendants {
            #expect(!forbiddenElements.contains(node.name), "<\(node.name)> in \(sample)")
            for name in node.attributes.keys {
                #expect(
                    !["class", "style", "href", "xlink:href", "src"].contains(name) && !name.hasPrefix("on"),
                    "attribute \(name) on <\(node.name)> in \(sample)")
            }
        }
        for node in root.descendants where node.name == "text" {
            #expect(node.attributes["font-size"] != nil, "text without font-size in \(sample)")
        }
    }

    @Test("Keeps every anchor point inside the canvas", arguments: Sample.allCases)
    func insideCanvas(sample: Sample) throws {
        let root = try #require(SVGNode.parse(sample.chart.svg))
        let width = try #require(root.number("width"))
        let height = try #require(root.number("height"))
        for node in root.descendants {
            for name in ["x", "x1", "x2", "cx"] {
                if let x = node.number(name) { #expect((0...width).contains(x), "\(name)=\(x) on <\(node.name)> in \(sample)") }
            }
            for name in ["y", "y1", "y2", "cy"] {
                if let y = node.number(name) { #expect((0...height).contains(y), "\(name)=\(y) on <\(node.name)> in \(sample)") }
            }
            if let w = node.number("width"), let x = node.number("x") { #expect(x + w <= width + 0.01, "<\(node.name)> overflows in \(sample)") }
        }
    }

    @Test("Is byte-identical when built twice from the same input", arguments: Sample.allCases)
    func deterministic(sample: Sample) {
        #expect(sample.chart.svg == sample.chart.svg)
        #expect(sample.chart.summary == sample.chart.summary)
    }

    @Test("Gives different charts different element ids")
    func distinctIDs() throws {
        let ids = try Sample.allCases.map { try #require(SVGNode.parse($0.chart.svg)?.attributes["aria-labelledby"]) }
        #expect(Set(ids).count == Set(Sample.allCases.map { $0.chart.title + $0.chart.summary }).count)
    }

    @Test("Never carries the hostile label's markup or its invisible characters", arguments: Sample.allCases)
    func hostileLabelsInert(sample: Sample) throws {
        let svg = sample.chart.svg
        #expect(!svg.contains("<script"))
        #expect(!svg.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) || $0.value == 0x200B })
        let root = try #require(SVGNode.parse(svg))
        #expect(root.all("script").isEmpty)
    }
}
