import ArgumentParser
import Foundation

/// `clarity-bench`: ingest and report generation at the API's maximum volume, against SQLite's own floor.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clarity-bench",
        abstract: "Benchmark ingest and report generation against the sqlite3 shell doing the same work.",
        discussion: """
            Builds four stores through MetricStore.ingest (API max for a year; the demo's shape for 1 month, 1 year and 3 \
            years) and caches them under WORK; times ingest of a week of API-max responses against sqlite3's .import of the \
            same rows; then runs each report of the release-built clarity-report as a child process on each store, each run \
            followed by sqlite3 computing the same aggregates with hand-written SQL. The reports use the templates built into \
            clarity-report, so it runs from any folder. Results go to standard output and WORK/results.md.
            """)

    @Flag(help: "Rebuild the stores even when cached ones match.")
    var regenerate = false

    @Option(help: "Timed runs of each measurement, after one warm-up.")
    var runs = 7

    @Option(name: .customLong("store"), help: ArgumentHelp("Only these stores (api-max, demo-1m, demo-1y, demo-3y); repeatable.", valueName: "name"))
    var onlyStores: [String] = []

    @Option(help: ArgumentHelp("Folder for the cached stores, scratch files and results.", valueName: "dir"))
    var work = ".build-bench"

    @Option(
        name: .customLong("clarity-report"),
        help: ArgumentHelp("The clarity-report binary (default: the one beside this benchmark).", valueName: "path"))
    var clarityReport: String?

    @Option(help: ArgumentHelp("The sqlite3 shell.", valueName: "path"))
    var sqlite3 = "/usr/bin/sqlite3"

    @Option(name: .customLong("ingest-days"), help: ArgumentHelp("Days of API-max responses in the ingest measurement.", valueName: "n"))
    var ingestDays = 7

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1 (5 or more for a median worth quoting).") }
        guard ingestDays >= 1 else { throw ValidationError("--ingest-days must be at least 1.") }
        let names = BenchStore.all.map(\.name)
        if let unknown = onlyStores.first(where: { !names.contains($0) }) {
            throw ValidationError("--store \(unknown) is not a benchmark store; use one of \(names.joined(separator: ", ")).")
        }
    }

    func run() throws {
        let binary = try clarityReportBinary()
        let scratch = (work as NSString).appendingPathComponent("scratch")
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let shell = SQLiteShell(binary: sqlite3, scratch: scratch)
        let selected = BenchStore.all.filter { onlyStores.isEmpty || onlyStores.contains($0.name) }
        let log: (String) -> Void = { say($0) }
        var results = ResultsReport()
        results.runs = runs
        results.machine = try Machine.describe(shell: shell, binary: binary)
        let steps = 5

        say("[1/\(steps)] Stores in \(work)/stores")
        let generation = StoreGeneration(directory: (work as NSString).appendingPathComponent("stores"), regenerate: regenerate, log: log)
        for store in selected {
            results.stores.append((store, try generation.prepare(store)))
        }

        say("[2/\(steps)] Ingest: \(ingestDays) days of API-max responses against sqlite3 .import, \(runs) runs")
        results.ingest = try IngestBenchmark(
            directory: (work as NSString).appendingPathComponent("ingest"), shell: shell, runs: runs,
            days: ingestDays, log: log
        ).run()

        say("[3/\(steps)] Query plans")
        let maximal = generation.path(of: .apiMax)
        if FileManager.default.fileExists(atPath: maximal) {
            let periods = try ReportBenchmark.periods(of: maximal)
            results.queryPlans = try shell.output(of: FloorQuery.explained(periods.weeklyFloor), database: maximal)
            say(results.queryPlans)
        } else {
            say("      skipped: the API-max store was not built in this run")
        }

        say("[4/\(steps)] Reports: \(runs) runs each, each followed by its sqlite3 floor")
        let benchmark = ReportBenchmark(binary: binary, shell: shell, scratch: scratch, runs: runs, log: log)
        results.startUp = try benchmark.startUp()
        var available: [ReportCase] = []
        for report in ReportCase.all {
            if try report.isAvailable(in: binary, scratch: scratch) {
                available.append(report)
            } else {
                results.unavailable.append(report.name)
                say(
                    "      \(report.name): not in this build of clarity-report (`\(report.command)` with \(report.helpMentions ?? "any options")), skipped"
                )
            }
        }
        for store in selected {
            let path = generation.path(of: store)
            let periods = try ReportBenchmark.periods(of: path)
            for report in available {
                results.reports.append(try benchmark.measure(report, on: store, path: path, periods: periods))
            }
        }

        let resultsPath = (work as NSString).appendingPathComponent("results.md")
        say("[5/\(steps)] Results, also in \(resultsPath)")
        let markdown = results.markdown
        try markdown.write(toFile: resultsPath, atomically: true, encoding: .utf8)
        say(markdown)
    }

    /// The clarity-report to time: the option's, else the one built beside this benchmark.
    private func clarityReportBinary() throws -> String {
        if let clarityReport { return clarityReport }
        let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let sibling = own.deletingLastPathComponent().appendingPathComponent("clarity-report").path
        guard FileManager.default.isExecutableFile(atPath: sibling) else {
            throw BenchError(
                """
                no clarity-report beside this benchmark (\(sibling)). Build both in release first: \
                swift build -c release --scratch-path .build-bench/release; or pass --clarity-report PATH.
                """)
        }
        return sibling
    }
}
