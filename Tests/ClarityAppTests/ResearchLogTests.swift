import ClarityModel
import ClarityRender
import ClarityStore
import Foundation
import Testing

@testable import ClarityApp

@Suite("The research log")
struct ResearchLogTests {
    let week = ISOWeek(label: "2026-W47")!

    func log(in folder: String, force: Bool = false) throws -> ResearchLog {
        ResearchLog(directory: folder, renderer: ResearchLogRenderer(templates: try TemplateSet(directory: repositoryTemplates)), force: force)
    }

    func write(_ store: MetricStore, to folder: String, force: Bool = false) throws {
        let report = try WeeklyPipeline.model(store: store, week: week, project: demoProject, settings: ReportSettings())
        _ = try log(in: folder, force: force).write(report, charts: WeeklyCharts(report), project: demoProject)
    }

    @Test("notes written into an entry survive byte for byte when it is regenerated with more data")
    func notesSurviveRegeneration() throws {
        let folder = scratchFolder("log-notes")
        let store = try demoStore(days: week.firstDay.advanced(by: -63)...week.firstDay.advanced(by: 3))
        try write(store, to: folder)
        let path = folder + "/2026-W47.md"
        let first = read(path)
        #expect(first.contains("4 of 7 days covered this week"))

        // A researcher writes between blocks, inside the notes, at the very end, with odd whitespace and CRLF in one line.
        var edited = first.replacingOccurrences(
            of: "## Notes\n", with: "## Notes\n\nThursday's dip: the CDN incident, see INC-2291.  \r\nKeep an eye on /checkout.\n")
        let placeholder = "### Findings from recordings\n\n_What you saw in the recordings this week: write it here, as a list or in paragraphs._\n"
        #expect(edited.contains(placeholder))
        edited = edited.replacingOccurrences(
            of: placeholder,
            with: "### Findings from recordings\n\n- Safari users tap the disabled Pay button 3–4 times.\n- <!-- a private aside -->\n")
        edited += "\nLast line without a newline: ✓ café"
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path))

        try ingestDemo(into: store, days: week.firstDay.advanced(by: 4)...week.lastDay)
        try write(store, to: folder)
        let second = read(path)
        #expect(second.contains("7 of 7 days covered this week"))
        for note in [
            "Thursday's dip: the CDN incident, see INC-2291.  \r\nKeep an eye on /checkout.\n",
            "- Safari users tap the disabled Pay button 3–4 times.\n- <!-- a private aside -->\n",
            "\nLast line without a newline: ✓ café",
        ] {
            #expect(second.contains(note), "lost: \(note)")
        }
        #expect(second.hasSuffix("Last line without a newline: ✓ café"))

        // Regenerating from the same store changes nothing.
        try write(store, to: folder)
        #expect(read(path) == second)
    }

    @Test("an entry reads as GitHub shows it: real lists, charts as images, headings that step down one level, no empty item")
    func readsWellOnGitHub() throws {
        let folder = scratchFolder("log-github")
        let store = try demoStore(days: week.firstDay.advanced(by: -63)...week.lastDay)
        try write(store, to: folder)
        let html = MarkdownRenderer().html(from: read(folder + "/2026-W47.md"))
        let watch = try #require(html.range(of: "What to watch")).upperBound
        let list = try #require(html[watch...].range(of: "<ol>"))
        #expect(html[watch..<list.lowerBound].count < 60, "the recordings to watch should be an ordered list")
        let items = html[list.upperBound...].prefix { _ in true }.components(separatedBy: "</ol>")[0]
        #expect(items.components(separatedBy: "<li>").count - 1 >= 1)
        for chart in ["sessions", "frustration", "segments", "devices", "browsers"] {
            #expect(html.contains("<img src=\"charts/2026-W47-\(chart).svg\" alt=\""), "the \(chart) chart is not an image")
        }
        #expect(!html.contains("<li></li>"))
        #expect(!html.contains("1\\."))
        let levels = html.components(separatedBy: "<h").dropFirst().compactMap { $0.first?.wholeNumberValue }
        #expect(levels.first == 1)
        for (previous, next) in zip(levels, levels.dropFirst()) {
            #expect(next <= previous + 1, "a heading jumps from h\(previous) to h\(next): \(levels)")
        }
    }

    @Test("damaged markers are refused with the file and line, and nothing is written")
    func damagedMarkers() throws {
        let folder = scratchFolder("log-damaged")
        let store = try demoStore(days: week.firstDay.advanced(by: -14)...week.lastDay)
        try write(store, to: folder)
        let path = folder + "/2026-W47.md"
        let damaged = read(path).replacingOccurrences(of: "<!-- clarity-report:end segments -->\n", with: "")
        try Data(damaged.utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: LogError.self) { try write(store, to: folder) }
        #expect(error?.description.contains(path) == true)
        #expect(error?.description.contains("--force") == true, "\(String(describing: error))")
        #expect(read(path) == damaged)
    }

    @Test("--force regenerates a damaged entry and keeps the old file beside it")
    func forceKeepsTheOldFile() throws {
        let folder = scratchFolder("log-force")
        let store = try demoStore(days: week.firstDay.advanced(by: -14)...week.lastDay)
        try write(store, to: folder)
        let path = folder + "/2026-W47.md"
        let damaged = read(path).replacingOccurrences(of: "<!-- clarity-report:begin devices -->\n", with: "my notes\n")
        try Data(damaged.utf8).write(to: URL(fileURLWithPath: path))
        try write(store, to: folder, force: true)
        #expect(read(path + ".orig") == damaged)
        #expect(read(path).contains("<!-- clarity-report:begin devices -->"))
    }

    @Test("the index lists entries newest first with their headlines, links only to our own files")
    func index() throws {
        let folder = scratchFolder("log-index")
        let store = try demoStore(days: week.firstDay.advanced(by: -21)...week.lastDay)
        for label in ["2026-W46", "2026-W47", "2026-W45"] {
            let report = try WeeklyPipeline.model(store: store, week: ISOWeek(label: label)!, project: demoProject, settings: ReportSettings())
            _ = try log(in: folder).write(report, charts: WeeklyCharts(report), project: demoProject)
        }
        let index = read(folder + "/README.md")
        let rows = index.split(separator: "\n").filter { $0.hasPrefix("| [") }
        #expect(rows.map { String($0.prefix(12)) } == ["| [2026-W47]", "| [2026-W46]", "| [2026-W45]"])
        #expect(rows[0].contains("(2026-W47.md)"))
        #expect(FileManager.default.fileExists(atPath: folder + "/charts/2026-W47-sessions.svg"))
    }
}
