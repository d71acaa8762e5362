import ClarityModel
import ClarityStore
import Foundation

/// Times each report the CLI writes on each store, each run followed by a run of the report's sqlite3 floor.
struct ReportBenchmark {
    /// The timings of one report on one store, with its floor's.
    struct Measurement: Sendable {
        let store: String
        let report: String
        let period: String
        let samples: Samples
        let floor: Samples
        /// Why the report could not be timed, when it failed.
        let failure: String?

        var ratioToFloor: Double { samples.medianSeconds / floor.medianSeconds }
    }

    /// The periods a store's reports default to, and the floors that read what those reports read.
    struct Periods: Sendable {
        let week: ISOWeek
        let month: Month
        var weeklyFloor: String { FloorQuery.weekly(week) }
        var monthlyFloor: String { FloorQuery.monthly(month) }
    }

    let binary: String
    let shell: SQLiteShell
    let scratch: String
    let runs: Int
    let log: (String) -> Void

    /// The week and month the reports pick by default on this store, read through the store's own queries.
    static func periods(of path: String) throws -> Periods {
        let store = try MetricStore(path: path)
        guard let week = try store.latestCompleteWeek(), let day = try store.latestSiteDay() else {
            throw BenchError("the store \(path) holds no site totals")
        }
        return Periods(week: week, month: MonthlyReport.defaultMonth(lastSiteDay: day))
    }

    /// Wall time of the CLI doing nothing but parse its arguments and print its help: the start-up every report pays.
    func startUp() throws -> Samples {
        var samples = Samples()
        _ = try ChildProcess.run([binary, "--help"], scratch: scratch)
        for _ in 1...runs {
            samples.add(try ChildProcess.run([binary, "--help"], scratch: scratch))
        }
        return samples
    }

    func measure(_ report: ReportCase, on store: BenchStore, path: String, periods: Periods) throws -> Measurement {
        let floorScript = (scratch as NSString).appendingPathComponent("floor-\(report.floor)-\(store.name).sql")
        try (report.floor == .weekly ? periods.weeklyFloor : periods.monthlyFloor).write(toFile: floorScript, atomically: true, encoding: .utf8)
        let period = report.floor == .weekly ? periods.week.label : periods.month.label
        let output = (scratch as NSString).appendingPathComponent("out")
        var samples = Samples()
        var floor = Samples()
        // The first pair warms the page cache and is not counted.
        for index in 0...runs {
            try? FileManager.default.removeItem(atPath: output)
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            let run = try ChildProcess.run([binary] + report.arguments(path, output), scratch: scratch)
            guard run.succeeded else {
                let failure = "exit \(run.exitStatus): \(run.errorText.trimmingCharacters(in: .whitespacesAndNewlines))"
                log("      \(store.name) / \(report.name): failed, \(failure)")
                return Measurement(store: store.name, report: report.name, period: period, samples: samples, floor: floor, failure: failure)
            }
            let floorRun = try shell.time(scriptFile: floorScript, database: path)
            if index > 0 {
                samples.add(run)
                floor.add(floorRun)
            }
        }
        let measurement = Measurement(store: store.name, report: report.name, period: period, samples: samples, floor: floor, failure: nil)
        log(
            "      \(store.name) / \(report.name) (\(period)): \(Format.seconds(samples.medianSeconds)), peak \(Format.bytes(samples.maxPeakBytes)); "
                + "floor \(Format.seconds(floor.medianSeconds)), \(Format.ratio(measurement.ratioToFloor))")
        return measurement
    }
}
