import ClarityDemo
import ClarityModel
import ClarityStore
import Foundation

/// What building one store took and holds, saved beside the store so a rerun can reuse both.
struct GenerationRecord: Codable, Sendable {
    /// Bumped whenever a generator or the ingest path changes what a store holds; a mismatch rebuilds the store.
    static let currentGenerator = "bench-stores-1"

    var generator: String
    var store: String
    var firstDay: String
    var lastDay: String
    var responses: Int
    var rows: Int
    var jsonBytes: Int
    /// Seconds spent inside `MetricStore.ingest`, JSON generation left out.
    var ingestSeconds: Double
    var fileBytes: Int

    var rowsPerSecond: Double { Double(rows) / ingestSeconds }
    var responsesPerSecond: Double { Double(responses) / ingestSeconds }
}

/// Builds the benchmark's stores through the real ingest path, or reuses the ones already built.
struct StoreGeneration {
    let directory: String
    let regenerate: Bool
    let log: (String) -> Void

    func path(of store: BenchStore) -> String { (directory as NSString).appendingPathComponent("\(store.name).sqlite") }

    private func recordPath(of store: BenchStore) -> String { (directory as NSString).appendingPathComponent("\(store.name).json") }

    /// The store's file, built now unless a matching one is cached.
    func prepare(_ store: BenchStore) throws -> GenerationRecord {
        if !regenerate, let record = cachedRecord(of: store) {
            log("      \(store.name): cached (\(record.responses) responses, \(Format.integer(record.rows)) rows, \(Format.bytes(record.fileBytes)))")
            return record
        }
        return try build(store)
    }

    private func cachedRecord(of store: BenchStore) -> GenerationRecord? {
        guard let data = FileManager.default.contents(atPath: recordPath(of: store)),
            let record = try? JSONDecoder().decode(GenerationRecord.self, from: data),
            record.generator == GenerationRecord.currentGenerator, record.firstDay == store.days.lowerBound.iso,
            record.lastDay == store.days.upperBound.iso, FileManager.default.fileExists(atPath: path(of: store))
        else { return nil }
        return record
    }

    private func build(_ store: BenchStore) throws -> GenerationRecord {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let final = path(of: store)
        let partial = final + ".partial"
        for file in [final, partial] { Self.removeStore(at: file) }
        try? FileManager.default.removeItem(atPath: recordPath(of: store))

        var record = GenerationRecord(
            generator: GenerationRecord.currentGenerator, store: store.name, firstDay: store.days.lowerBound.iso,
            lastDay: store.days.upperBound.iso, responses: 0, rows: 0, jsonBytes: 0, ingestSeconds: 0, fileBytes: 0)
        try ingestAll(store, into: partial, record: &record)
        guard rename(partial, final) == 0 else { throw BenchError("cannot move \(partial) to \(final): \(String(cString: strerror(errno)))") }
        record.fileBytes = Self.fileSize(final)
        let data = try JSONEncoder().encode(record)
        try data.write(to: URL(fileURLWithPath: recordPath(of: store)))
        log(
            "      \(store.name): built, \(record.responses) responses, \(Format.integer(record.rows)) rows in \(Format.seconds(record.ingestSeconds)) of ingest, \(Format.bytes(record.fileBytes))"
        )
        return record
    }

    /// Ingests every day's responses in pull order; the store is closed (and its WAL checkpointed) on return.
    private func ingestAll(_ store: BenchStore, into path: String, record: inout GenerationRecord) throws {
        let metricStore = try MetricStore(path: path)
        let dayCount = store.days.count
        for (index, day) in store.days.enumerated() {
            for response in store.responses(day) {
                let submission = ResponseSubmission(
                    bytes: response.bytes, pulledAt: response.pulledAt, numOfDays: response.numOfDays,
                    source: response.fileName)
                let start = monotonicSeconds()
                let outcome = try metricStore.ingest(submission, at: Instant(seconds: response.pulledAt.seconds + 3_600))
                record.ingestSeconds += monotonicSeconds() - start
                guard case .ingested(let snapshot) = outcome else {
                    throw BenchError("\(store.name): \(response.fileName) was a duplicate; the generator repeats itself")
                }
                record.responses += 1
                record.rows += snapshot.rowCount
                record.jsonBytes += response.bytes.count
            }
            if (index + 1) % max(1, dayCount / 10) == 0 || index + 1 == dayCount {
                log(
                    "      \(store.name): \(day.iso), \(index + 1)/\(dayCount) days, \(Format.integer(record.rows)) rows, \(Format.rate(record.rowsPerSecond)) rows/s"
                )
            }
        }
    }

    static func removeStore(at path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
