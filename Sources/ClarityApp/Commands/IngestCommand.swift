import ArgumentParser
import ClarityModel
import ClarityStore
import Foundation

/// `clarity-report ingest`: stores saved API responses, one transaction per file.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store saved Data Export API responses.",
        discussion: """
            Each file is one transaction: a file that fails leaves the store exactly as it was. The pull time comes from a \
            leading timestamp in the file name (20261117T013000Z_1d_Device.json) or from --pulled-at; numOfDays from the name's \
            _1d/_2d/_3d or from --days. Dimensions are read from the rows unless --dimensions says what was requested. \
            Ingesting the same bytes again changes nothing and is reported as a duplicate.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Response files to ingest.", valueName: "file"))
    var files: [String]

    @Option(
        name: .customLong("pulled-at"),
        help: ArgumentHelp("When the responses were pulled (ISO 8601 UTC, e.g. 2026-11-17T01:30:00Z).", valueName: "instant"))
    var pulledAt: String?

    @Option(name: .long, help: ArgumentHelp("numOfDays of the request: 1, 2 or 3.", valueName: "n"))
    var days: Int?

    @Option(name: .long, help: ArgumentHelp("The dimensions requested, e.g. Browser,Device; rows that disagree are an error.", valueName: "list"))
    var dimensions: String?

    func validate() throws {
        if let pulledAt, Instant(iso: pulledAt) == nil {
            throw ValidationError("--pulled-at \"\(pulledAt)\" is not an ISO 8601 UTC instant; write it like 2026-11-17T01:30:00Z.")
        }
        if let days, !(1...3).contains(days) {
            throw ValidationError("--days must be 1, 2 or 3 (the API's numOfDays), not \(days).")
        }
        if let dimensions, DimensionSet(key: dimensions) == nil {
            throw ValidationError(
                "--dimensions \"\(dimensions)\" names an unknown dimension; use \(Dimension.allCases.map(\.name).joined(separator: ", ")).")
        }
        if let dimensions, let set = DimensionSet(key: dimensions), set.dimensions.count > 3 {
            throw ValidationError("--dimensions names \(set.dimensions.count) dimensions; the API takes at most 3.")
        }
    }

    func run() throws {
        let store = try global.openStore()
        let options = IngestOptions(
            pulledAt: pulledAt.flatMap(Instant.init(iso:)), days: days, dimensions: dimensions.flatMap(DimensionSet.init(key:)))
        let summary = IngestRun(store: store, options: options, now: SystemClock.now).ingest(
            paths: files, progress: { Console.out($0) }, problem: { Console.error($0) })
        Console.out(summary.line)
        if summary.failed > 0 { throw ExitCode(1) }
    }
}

/// What the ingest command was told about the files.
struct IngestOptions {
    var pulledAt: Instant?
    var days: Int?
    var dimensions: DimensionSet?
}

/// Counts of one ingest run.
struct IngestSummary: Equatable {
    var ingested = 0
    var duplicates = 0
    var failed = 0
    var rows = 0

    var line: String {
        "Summary: \(ingested) ingested (\(rows) rows), \(duplicates) duplicate\(duplicates == 1 ? "" : "s"), \(failed) failed."
    }
}

/// Ingests files one by one, each in its own transaction, reporting progress as it goes.
struct IngestRun {
    let store: MetricStore
    let options: IngestOptions
    let now: () -> Instant

    func ingest(paths: [String], progress: (String) -> Void, problem: (String) -> Void) -> IngestSummary {
        var summary = IngestSummary()
        let width = String(paths.count).count
        for (index, path) in paths.enumerated() {
            let counter = "[\(String(repeating: " ", count: width - String(index + 1).count))\(index + 1)/\(paths.count)]"
            do {
                let submission = try submission(for: path)
                switch try store.ingest(submission, at: now()) {
                case .ingested(let snapshot):
                    summary.ingested += 1
                    summary.rows += snapshot.rowCount
                    let day =
                        snapshot.day.map { "day \($0.iso)\(snapshot.standsForDay ? "" : ", outranked by another pull")" }
                        ?? "\(snapshot.numOfDays)-day window, no single day"
                    progress("\(counter) \(path): ingested \(snapshot.rowCount) rows as snapshot \(snapshot.id), \(snapshot.dimensions), \(day)")
                    for warning in snapshot.warnings { problem("warning: \(path): \(warning)") }
                    for recovery in snapshot.recoveries { progress("\(counter) \(path): \(recovery)") }
                case .duplicate(let existingID, let source):
                    summary.duplicates += 1
                    progress("\(counter) \(path): duplicate of snapshot \(existingID) (\(source)), nothing changed")
                }
            } catch let error as IngestError {
                summary.failed += 1
                problem("error: \(counter) \(path): \(error.message)")
            } catch {
                summary.failed += 1
                problem("error: \(counter) \(path): \(error)")
            }
        }
        return summary
    }

    func submission(for path: String) throws -> ResponseSubmission {
        let name = (path as NSString).lastPathComponent
        let fromName = ResponseFileName(name)
        guard let pulledAt = options.pulledAt ?? fromName.pulledAt else {
            throw IngestError(
                source: path,
                message:
                    "no pull time: the file name has no leading timestamp like 20261117T013000Z; pass --pulled-at 2026-11-17T01:30:00Z. Nothing was stored."
            )
        }
        if let given = options.pulledAt, let named = fromName.pulledAt, given != named {
            throw IngestError(
                source: path, message: "--pulled-at \(given) disagrees with the file name's \(named); drop one of them. Nothing was stored.")
        }
        guard let days = options.days ?? fromName.numOfDays else {
            throw IngestError(
                source: path, message: "numOfDays unknown: the file name has no _1d/_2d/_3d; pass --days 1, 2 or 3. Nothing was stored.")
        }
        if let given = options.days, let named = fromName.numOfDays, given != named {
            throw IngestError(
                source: path, message: "--days \(given) disagrees with the file name's _\(named)d; drop one of them. Nothing was stored.")
        }
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw IngestError(source: path, message: "cannot read the file (\(error.localizedDescription)). Nothing was stored.")
        }
        return ResponseSubmission(bytes: bytes, pulledAt: pulledAt, numOfDays: days, declaredDimensions: options.dimensions, source: name)
    }
}

/// What a saved response's file name says: `20261117T013000Z_1d_Device.json`.
struct ResponseFileName {
    var pulledAt: Instant?
    var numOfDays: Int?

    init(_ name: String) {
        let stem = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
        let parts = stem.split(separator: "_")
        pulledAt = parts.first.flatMap { Instant(iso: String($0)) }
        numOfDays = parts.dropFirst().first.flatMap { part in
            guard part.count == 2, part.hasSuffix("d"), let value = Int(part.prefix(1)), (1...3).contains(value) else { return nil }
            return value
        }
    }
}
