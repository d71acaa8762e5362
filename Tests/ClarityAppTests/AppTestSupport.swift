import ClarityDemo
import ClarityModel
import ClarityRender
import ClarityStore
import ClarityTestSupport
import Foundation

@testable import ClarityApp

/// A scratch folder removed by nobody: tests leave evidence behind in the system's temporary folder.
func scratchFolder(_ name: String) -> String {
    ScratchFolder.kept("app-tests-\(name)")
}

/// The repository's own templates folder.
let repositoryTemplates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("templates").path

/// A store holding the demo site's responses for the days in a range.
func demoStore(days: ClosedRange<Day>) throws -> MetricStore {
    let store = try MetricStore()
    try ingestDemo(into: store, days: days)
    return store
}

func ingestDemo(into store: MetricStore, days: ClosedRange<Day>) throws {
    for response in DemoSite().responses(days: days) where response.numOfDays == 1 {
        guard let day = SnapshotWindow(pulledAt: response.pulledAt, numOfDays: 1).attributedDay, days.contains(day) else { continue }
        _ = try store.ingest(
            ResponseSubmission(bytes: response.bytes, pulledAt: response.pulledAt, numOfDays: 1, source: response.fileName),
            at: Instant(seconds: 0))
    }
}

let demoProject = ProjectInfo(name: "Lumen Books", site: "https://shop.lumen-books.example")

func read(_ path: String) -> String {
    String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
}
