import ClarityDemo
import ClarityModel
import ClarityStore
import Foundation

/// Ingest of a week of API-max responses into a fresh store, against SQLite's own `.import` of the same rows.
struct IngestBenchmark {
    /// What was ingested and how long it took, ours and SQLite's.
    struct Result: Sendable {
        let days: Int
        let responses: Int
        let jsonBytes: Int
        let observationRows: Int
        let breakdownRows: Int
        let csvBytes: Int
        let ours: Samples
        /// `sqlite3` `.import` of the rows as CSV.
        let floor: Samples
        /// `sqlite3` loading the same JSON responses with its own JSON functions.
        let jsonFloor: Samples

        var rows: Int { observationRows + breakdownRows }
        var oursRowsPerSecond: Double { Double(rows) / ours.medianSeconds }
        var floorRowsPerSecond: Double { Double(rows) / floor.medianSeconds }
        var jsonFloorRowsPerSecond: Double { Double(rows) / jsonFloor.medianSeconds }
        var oursResponsesPerSecond: Double { Double(responses) / ours.medianSeconds }
    }

    let directory: String
    let shell: SQLiteShell
    let runs: Int
    let days: Int
    let log: (String) -> Void

    private func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    func run() throws -> Result {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let site = MaximalSite(firstDay: BenchStore.lastDay.advanced(by: -(days - 1)), lastDay: BenchStore.lastDay)
        let responses = (site.firstDay...site.lastDay).flatMap { site.responses(on: $0) }
        let jsonBytes = responses.reduce(0) { $0 + $1.bytes.count }

        // Both sides start from a copy of the same empty, migrated store, made outside the timings.
        let template = path("empty.sqlite")
        StoreGeneration.removeStore(at: template)
        _ = try MetricStore(path: template)
        let ours = path("ours.sqlite")
        let floorStore = path("floor.sqlite")

        log("      warm-up: ingesting \(responses.count) responses (\(Format.bytes(jsonBytes)) of JSON)")
        _ = try ingest(responses, copying: template, to: ours)
        let observationCSV = path("observation.csv")
        let breakdownCSV = path("breakdown_item.csv")
        try shell.write("SELECT * FROM observation;", database: ours, options: ["-csv"], to: observationCSV)
        try shell.write("SELECT * FROM breakdown_item;", database: ours, options: ["-csv"], to: breakdownCSV)
        let observationRows = try shell.integer("SELECT COUNT(*) FROM observation;", database: ours)
        let breakdownRows = try shell.integer("SELECT COUNT(*) FROM breakdown_item;", database: ours)
        let importScript = path("import.sql")
        try ".mode csv\n.import \(observationCSV) observation\n.import \(breakdownCSV) breakdown_item\n".write(
            toFile: importScript, atomically: true, encoding: .utf8)
        _ = try importRows(importScript, copying: template, to: floorStore)
        let jsonScript = path("json-load.sql")
        try JSONLoadScript.script(responses, files: try save(responses)).write(toFile: jsonScript, atomically: true, encoding: .utf8)
        _ = try importRows(jsonScript, copying: template, to: floorStore)
        let loaded = try shell.integer("SELECT (SELECT COUNT(*) FROM observation) + (SELECT COUNT(*) FROM breakdown_item);", database: floorStore)
        guard loaded == observationRows + breakdownRows else {
            throw BenchError("sqlite3's JSON load made \(loaded) rows, not the \(observationRows + breakdownRows) we ingested")
        }

        var oursSamples = Samples()
        var floorSamples = Samples()
        var jsonSamples = Samples()
        for index in 1...runs {
            oursSamples.add(seconds: try ingest(responses, copying: template, to: ours))
            jsonSamples.add(try importRows(jsonScript, copying: template, to: floorStore))
            floorSamples.add(try importRows(importScript, copying: template, to: floorStore))
            log(
                "      run \(index)/\(runs): ours \(Format.seconds(oursSamples.seconds.last!)), sqlite3 JSON load \(Format.seconds(jsonSamples.seconds.last!)), "
                    + "sqlite3 .import \(Format.seconds(floorSamples.seconds.last!))")
        }
        let imported = try shell.integer("SELECT (SELECT COUNT(*) FROM observation) + (SELECT COUNT(*) FROM breakdown_item);", database: floorStore)
        guard imported == observationRows + breakdownRows else {
            throw BenchError("sqlite3 .import loaded \(imported) rows, not the \(observationRows + breakdownRows) we ingested")
        }
        return Result(
            days: days, responses: responses.count, jsonBytes: jsonBytes, observationRows: observationRows, breakdownRows: breakdownRows,
            csvBytes: StoreGeneration.fileSize(observationCSV) + StoreGeneration.fileSize(breakdownCSV),
            ours: oursSamples, floor: floorSamples, jsonFloor: jsonSamples)
    }

    /// Opens a fresh copy of the empty store, ingests every response through `MetricStore.ingest`, and closes it; returns the seconds.
    private func ingest(_ responses: [DemoResponse], copying template: String, to target: String) throws -> Double {
        StoreGeneration.removeStore(at: target)
        try FileManager.default.copyItem(atPath: template, toPath: target)
        let start = monotonicSeconds()
        do {
            let store = try MetricStore(path: target)
            for response in responses {
                let submission = ResponseSubmission(
                    bytes: response.bytes, pulledAt: response.pulledAt, numOfDays: response.numOfDays,
                    source: response.fileName)
                _ = try store.ingest(submission, at: Instant(seconds: response.pulledAt.seconds + 3_600))
            }
        }
        return monotonicSeconds() - start
    }

    /// Writes the responses to files for the sqlite3 shell's `readfile`; returns their paths.
    private func save(_ responses: [DemoResponse]) throws -> [String] {
        let folder = path("responses")
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return try responses.map { response in
            let file = (folder as NSString).appendingPathComponent(response.fileName)
            try Data(response.bytes).write(to: URL(fileURLWithPath: file))
            return file
        }
    }

    /// SQLite's bulk load of the same rows into identical tables, from the shell.
    private func importRows(_ script: String, copying template: String, to target: String) throws -> ChildRun {
        StoreGeneration.removeStore(at: target)
        try FileManager.default.copyItem(atPath: template, toPath: target)
        return try shell.time(scriptFile: script, database: target)
    }
}
