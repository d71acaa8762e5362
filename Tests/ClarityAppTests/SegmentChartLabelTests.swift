import ClarityTestSupport
import Foundation
import Testing

/// The segment chart names each top segment by what tells it apart, whole.
extension OneAtATime {
    @Suite("Segment chart labels")
    struct SegmentChartLabelTests {
        @Test("every top segment's values (URLs shortened to their path) appear whole in the segment chart's text")
        func valuesWhole() throws {
            let week = try DemoWeek.shared.get()
            let tool = try CommandLineTool.built()
            let scratch = try ScratchFolder("segment-labels")
            let site = "https://shop.lumen-books.example"
            let config = scratch.path("clarity-report.toml")
            try "[project]\nname = \"Lumen Books\"\nsite = \"\(site)\"\n".write(toFile: config, atomically: true, encoding: .utf8)
            let common = ["--store", week.referenceStore, "--config", config, "--week", DemoWeek.week]
            let model = try tool.run(["weekly", "--format", "json"] + common)
            try #require(model.status == 0, "\(model)")
            let json = try JSONSerialization.jsonObject(with: Data(model.stdout.utf8)) as? [String: Any]
            let segments = json?["frustrationSegments"] as? [[String: Any]] ?? []
            try #require(!segments.isEmpty, "the demo week should have top segments")
            let log = try tool.run(["log", "--dir", scratch.path("log")] + common)
            try #require(log.status == 0, "\(log)")
            let svg = try String(contentsOfFile: scratch.path("log/charts/\(DemoWeek.week)-segments.svg"), encoding: .utf8)
            // The text the chart shows: the content of <text> elements, without their <title> children.
            let shown = svg.components(separatedBy: "<text").dropFirst().map { element in
                var content = element.split(separator: ">", maxSplits: 1).last.map(String.init) ?? ""
                if content.hasPrefix("<title>"), let end = content.range(of: "</title>") {
                    content = String(content[end.upperBound...])
                }
                return content.components(separatedBy: "<").first ?? ""
            }
            for segment in segments {
                let values = (segment["values"] as? [[String: String]] ?? []).compactMap { entry -> String? in
                    guard let value = entry["value"] else { return nil }
                    return entry["dimension"] == "URL" && value.hasPrefix(site) ? String(value.dropFirst(site.count)) : value
                }
                let label = values.joined(separator: " · ")
                #expect(
                    shown.contains { $0 == label.replacingOccurrences(of: "&", with: "&amp;") },
                    "\(label) is not shown whole; the chart shows \(shown)")
            }
        }
    }
}
