import ClarityModel
import Foundation

/// The benchmark's findings as Markdown: the machine, the stores, ingest, reports, query plans, and each target met or missed.
struct ResultsReport {
    var machine: [String] = []
    var stores: [(BenchStore, GenerationRecord)] = []
    var ingest: IngestBenchmark.Result?
    var startUp: Samples?
    var reports: [ReportBenchmark.Measurement] = []
    var unavailable: [String] = []
    var queryPlans: String = ""
    var runs = 0

    var markdown: String {
        var lines: [String] = ["## Machine", ""]
        lines += machine.map { "- \($0)" }
        lines += [
            "", "## Stores (built once through `MetricStore.ingest`, cached)", "",
            "| store | days | responses | rows | JSON in | store file | per year of data | ingest time | rows/s | responses/s |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for (store, record) in stores {
            lines.append(
                "| \(store.name): \(store.summary) | \(store.days.count) | \(Format.integer(record.responses)) | \(Format.integer(record.rows)) | "
                    + "\(Format.bytes(record.jsonBytes)) | \(Format.bytes(record.fileBytes)) | \(Format.bytes(Int(Double(record.fileBytes) / store.years))) | "
                    + "\(Format.seconds(record.ingestSeconds)) | \(Format.rate(record.rowsPerSecond)) | \(Format.fixed(record.responsesPerSecond, decimals: 1, grouped: true)) |"
            )
        }
        if let ingest {
            lines += [
                "", "## Ingest against SQLite's bulk load (median of \(ingest.ours.count) runs)", "",
                "\(ingest.days) days of API-max responses: \(ingest.responses) responses, \(Format.bytes(ingest.jsonBytes)) of JSON, "
                    + "\(Format.integer(ingest.observationRows)) observation rows + \(Format.integer(ingest.breakdownRows)) list rows, into a fresh copy of an empty store. "
                    + "The floor is `sqlite3` `.import` of the same rows as CSV (\(Format.bytes(ingest.csvBytes))) into the same tables of the same empty store.",
                "",
                "| | median | min–max | rows/s | responses/s |", "|---|---:|---:|---:|---:|",
                "| ours: `MetricStore.ingest`, one transaction per response | \(Format.seconds(ingest.ours.medianSeconds)) | "
                    + "\(Format.seconds(ingest.ours.minSeconds))–\(Format.seconds(ingest.ours.maxSeconds)) | \(Format.rate(ingest.oursRowsPerSecond)) | "
                    + "\(Format.fixed(ingest.oursResponsesPerSecond, decimals: 1, grouped: true)) |",
                "| floor: `sqlite3` `.import` of the rows as CSV, one transaction per table | \(Format.seconds(ingest.floor.medianSeconds)) | "
                    + "\(Format.seconds(ingest.floor.minSeconds))–\(Format.seconds(ingest.floor.maxSeconds)) | \(Format.rate(ingest.floorRowsPerSecond)) | |",
                "| `sqlite3` loading the same JSON responses with its JSON functions, one transaction per response | \(Format.seconds(ingest.jsonFloor.medianSeconds)) | "
                    + "\(Format.seconds(ingest.jsonFloor.minSeconds))–\(Format.seconds(ingest.jsonFloor.maxSeconds)) | \(Format.rate(ingest.jsonFloorRowsPerSecond)) | "
                    + "\(Format.fixed(Double(ingest.responses) / ingest.jsonFloor.medianSeconds, decimals: 1, grouped: true)) |",
                "",
                "Ours runs at \(Format.ratio(ingest.oursRowsPerSecond / ingest.floorRowsPerSecond)) of SQLite's CSV bulk-load rate, and at "
                    + "\(Format.ratio(ingest.oursRowsPerSecond / ingest.jsonFloorRowsPerSecond)) of SQLite's rate loading the same JSON.",
            ]
        }
        lines += [
            "",
            "## Reports (the real CLI as a child process; median of \(runs) runs after one warm-up; peak = the largest ru_maxrss GNU time reports)",
            "",
        ]
        if let startUp {
            lines += [
                "CLI start-up alone (`clarity-report --help`): \(Format.seconds(startUp.medianSeconds)) (CPU \(Format.seconds(startUp.medianCPUSeconds))), "
                    + "peak \(Format.bytes(startUp.maxPeakBytes)).", "",
            ]
        }
        lines += [
            "| store | report | period | median | min–max | CPU (median) | peak memory | sqlite3 floor | floor CPU | ratio to floor |",
            "|---|---|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for measurement in reports {
            if let failure = measurement.failure {
                lines.append(
                    "| \(measurement.store) | \(measurement.report) | \(measurement.period) | failed: \(failure.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "|", with: "\\|")) | | | | | | |"
                )
                continue
            }
            let samples = measurement.samples
            lines.append(
                "| \(measurement.store) | \(measurement.report) | \(measurement.period) | \(Format.seconds(samples.medianSeconds)) | "
                    + "\(Format.seconds(samples.minSeconds))–\(Format.seconds(samples.maxSeconds)) | \(Format.seconds(samples.medianCPUSeconds)) | "
                    + "\(Format.bytes(samples.maxPeakBytes)) | \(Format.seconds(measurement.floor.medianSeconds)) | "
                    + "\(Format.seconds(measurement.floor.medianCPUSeconds)) | \(Format.ratio(measurement.ratioToFloor)) |")
        }
        if !unavailable.isEmpty {
            lines += ["", "Not in this build of `clarity-report`, so not measured: \(unavailable.joined(separator: ", "))."]
        }
        lines += ["", "## Targets", "", "| target | measured | |", "|---|---|---|"]
        lines += targets.map { "| \($0.target) | \($0.measured) | \($0.verdict) |" }
        lines += [
            "", "## Query plans of the weekly floor on the API-max store", "", "```", queryPlans.trimmingCharacters(in: .whitespacesAndNewlines),
            "```", "",
        ]
        return lines.joined(separator: "\n")
    }

    private func report(_ store: String, _ name: String) -> ReportBenchmark.Measurement? {
        reports.first { $0.store == store && $0.report == name && $0.failure == nil }
    }

    /// Each target of issue 9 with what was measured against it.
    var targets: [(target: String, measured: String, verdict: String)] {
        var result: [(String, String, String)] = []
        func verdict(_ met: Bool) -> String { met ? "met" : "**missed**" }
        if let weekly = report("api-max", "weekly HTML") {
            result.append(
                ("weekly HTML on API-max < 300 ms", Format.seconds(weekly.samples.medianSeconds), verdict(weekly.samples.medianSeconds < 0.3)))
            result.append(("weekly HTML on API-max ≤ 3× its sqlite3 floor", Format.ratio(weekly.ratioToFloor), verdict(weekly.ratioToFloor <= 3)))
        } else {
            result.append(("weekly HTML on API-max < 300 ms and ≤ 3× its floor", "not measured", "—"))
        }
        if let long = report("demo-3y", "weekly HTML"), let short = report("demo-1m", "weekly HTML") {
            let ratio = long.samples.medianSeconds / short.samples.medianSeconds
            let cpu =
                short.samples.medianCPUSeconds > 0 ? ", CPU \(Format.ratio(long.samples.medianCPUSeconds / short.samples.medianCPUSeconds))" : ""
            result.append(
                (
                    "weekly HTML on 3 years ≤ 1.3× on 1 month",
                    "\(Format.ratio(ratio)) (\(Format.seconds(long.samples.medianSeconds)) / \(Format.seconds(short.samples.medianSeconds))\(cpu))",
                    verdict(ratio <= 1.3)
                ))
        } else {
            result.append(("weekly HTML on 3 years ≤ 1.3× on 1 month", "not measured", "—"))
        }
        if let ingest {
            let ratio = ingest.oursRowsPerSecond / ingest.floorRowsPerSecond
            result.append(
                (
                    "ingest ≥ 0.5× SQLite's bulk-load rate",
                    "\(Format.ratio(ratio)) (\(Format.rate(ingest.oursRowsPerSecond)) / \(Format.rate(ingest.floorRowsPerSecond)) rows/s)",
                    verdict(ratio >= 0.5)
                ))
        } else {
            result.append(("ingest ≥ 0.5× SQLite's bulk-load rate", "not measured", "—"))
        }
        let measured = reports.filter { $0.failure == nil }
        if let largest = measured.max(by: { $0.samples.maxPeakBytes < $1.samples.maxPeakBytes }) {
            result.append(
                (
                    "peak memory < 100 MB for any report", "\(Format.bytes(largest.samples.maxPeakBytes)) (\(largest.report) on \(largest.store))",
                    verdict(largest.samples.maxPeakBytes < 100_000_000)
                ))
        }
        return result
    }
}
