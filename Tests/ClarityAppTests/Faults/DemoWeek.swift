import ClarityModel
import ClarityTestSupport
import Foundation

@testable import ClarityDemo

/// The demo site's first three days (Monday to Wednesday of 2026-W21) as response files, and a reference store made by
/// ingesting them all.
struct DemoWeek: Sendable {
    let folder: ScratchFolder
    static let week = "2026-W21"
    /// The files in pull order: 27 responses, nine a day.
    let files: [String]
    let referenceStore: String
    let reference: StoreContents
    /// How long the complete ingest took, to place kills across it.
    let ingestSeconds: Double

    static let shared: Result<DemoWeek, any Error> = Result {
        let folder = try ScratchFolder("demo-week")
        // A static is never deinitialised, so the folder goes when the test process exits.
        removedAtExit = folder.url.path
        atexit { if let path = DemoWeek.removedAtExit { try? FileManager.default.removeItem(atPath: path) } }
        let responses = folder.url.appendingPathComponent("responses")
        try FileManager.default.createDirectory(at: responses, withIntermediateDirectories: true)
        let site = DemoSite()
        var files: [String] = []
        for day in site.firstDay...site.firstDay.advanced(by: 2) {
            // As `DemoSite.responses()` pulls them, without making the other 27 weeks.
            for (index, dimensions) in site.plan(on: day).enumerated() {
                let response = DemoResponse(
                    pulledAt: Instant(seconds: day.advanced(by: 1).startSecond + 30 * 60 + Int64(index) * 4 * 60),
                    numOfDays: 1, dimensions: dimensions, bytes: site.response(for: day, dimensions: dimensions))
                let url = responses.appendingPathComponent(response.fileName)
                try Data(response.bytes).write(to: url)
                files.append(url.path)
            }
        }
        let store = folder.path("reference.sqlite")
        let started = Date()
        let run = try CommandLineTool.built().run(["ingest", "--store", store] + files)
        let seconds = Date().timeIntervalSince(started)
        guard run.status == 0 else { throw ReferenceFailed(run: run) }
        return DemoWeek(folder: folder, files: files, referenceStore: store, reference: try StoreContents.read(store), ingestSeconds: seconds)
    }

    nonisolated(unsafe) private static var removedAtExit: String?

    struct ReferenceFailed: Error, CustomStringConvertible {
        let run: CommandLineTool.Finished
        var description: String { "the reference ingest failed: \(run)" }
    }
}
