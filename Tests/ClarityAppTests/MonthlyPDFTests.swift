import ClarityTestSupport
import Foundation
import Testing

/// The monthly summary as a PDF, read back with poppler's tools as a reader's viewer would read it.
extension OneAtATime {
    @Suite("Monthly PDF")
    struct MonthlyPDFTests {
        /// Runs one of poppler's command-line tools on a file and returns what it printed.
        static func poppler(_ tool: String, _ arguments: [String]) throws -> String {
            try ExternalTool.output("/usr/bin/\(tool)", arguments)
        }

        @Test(
            "A4 and Letter: at most 2 pages, page numbers, fonts embedded, the month's sessions as selectable text, the same bytes twice",
            .enabled(
                if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo"),
                "needs poppler-utils (CLARITY_WITH_BROWSER=1 scripts/install-deps.sh installs it)"))
        func pdf() throws {
            let week = try DemoWeek.shared.get()
            let tool = try CommandLineTool.built()
            let scratch = try ScratchFolder("monthly-pdf")
            let model = try tool.run(["monthly", "--store", week.referenceStore, "--month", "2026-05", "--format", "json"])
            try #require(model.status == 0, "\(model)")
            let json = try JSONSerialization.jsonObject(with: Data(model.stdout.utf8)) as? [String: Any]
            let kpis = json?["kpis"] as? [[String: Any]] ?? []
            let sessions = try #require(kpis.first { $0["id"] as? String == "sessions" }?["currentText"] as? String)

            for (paper, size) in [("a4", "595.28 x 841.89"), ("letter", "612 x 792")] {
                let out = scratch.path("\(paper).pdf")
                let arguments = [
                    "monthly", "--store", week.referenceStore, "--month", "2026-05", "--format", "pdf",
                    "--paper", paper, "--out", out,
                ]
                let run = try tool.run(arguments)
                try #require(run.status == 0, "\(run)")
                let info = try Self.poppler("pdfinfo", [out])
                let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
                    .flatMap { Int($0.split(separator: " ").last ?? "") }
                #expect(pages.map { (1...2).contains($0) } == true, "\(info)")
                #expect(info.contains(size), "\(info)")
                let fonts = try Self.poppler("pdffonts", [out]).split(separator: "\n").dropFirst(2)
                #expect(
                    !fonts.isEmpty && fonts.allSatisfy { $0.contains("LiberationSans") && $0.contains(" yes yes ") },
                    "\(fonts)")
                let text = try Self.poppler("pdftotext", ["-layout", out, "-"])
                #expect(text.contains(sessions), "the sessions figure \(sessions) is not in the PDF's text")
                #expect(text.contains("executive summary, May 2026"))
                #expect(text.contains("May 2026: sessions"), "the one-sentence summary is missing: \(text.prefix(600))")
                #expect(text.contains("page 1 of \(pages ?? 0)"))
                let again = scratch.path("\(paper)-again.pdf")
                _ = try tool.run(Array(arguments.dropLast()) + [again])
                #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(contentsOf: URL(fileURLWithPath: again)))
            }
        }
    }
}
