import ClarityModel
import ClarityStore
import ClarityTestSupport
import Foundation
import Testing

@testable import ClarityApp

/// Responses for racing a report against an ingest: site totals for 2026-W46 and W47, a URL breakdown of 1,500 pages on
/// each day of W47 (so reading W47's segments takes a while), and one Device response ("PC", 1,000 sessions) per day of
/// both weeks, ingested alternately: W47's Monday, W46's Monday, W47's Tuesday, … Each Device response also carries a
/// long metric the store does not know, which makes each file take a while to parse, so reports run between files.
///
/// Any state between two of those files has W47's PC sessions equal to W46's or 1,000 more; a report that read W47's
/// segments and W46's at different moments can show W46 ahead.
struct RaceResponses {
    static let week = ISOWeek(label: "2026-W47")!

    let folder: ScratchFolder
    let base: [String]
    let devices: [String]

    init() throws {
        folder = try ScratchFolder("race")
        var base: [String] = []
        var devices: [String] = []
        for offset in 0..<7 {
            let current = Self.week.firstDay.advanced(by: offset)
            let previous = Self.week.previous.firstDay.advanced(by: offset)
            // Bot sessions differ by day only so that no two files have the same bytes (ingest skips those as duplicates).
            for day in [previous, current] {
                base.append(try Self.write(day, minute: 90, [("totalSessionCount", .string("50000")), Self.dayMark(day)], rows: 1, in: folder))
            }
            base.append(try Self.write(current, minute: 95, [], rows: 1_500, suffix: "_URL", in: folder))
            for day in [current, previous] {
                let fields: [(String, JSONText)] = [("totalSessionCount", .string("1000")), Self.dayMark(day), ("Device", .string("PC"))]
                devices.append(try Self.write(day, minute: 100, fields, rows: 1, suffix: "_Device", in: folder))
            }
        }
        self.base = base
        self.devices = devices
    }

    /// Bot sessions numbered after the day.
    private static func dayMark(_ day: Day) -> (String, JSONText) {
        ("totalBotSessionCount", .string(String(day.startSecond / 86_400)))
    }

    private static func write(
        _ day: Day, minute: Int64, _ fields: [(String, JSONText)], rows: Int, suffix: String = "",
        in folder: ScratchFolder
    ) throws -> String {
        let pull = Instant(seconds: day.advanced(by: 1).startSecond + minute * 60)
        let information: [JSONText] =
            rows == 1
            ? [.object(fields)]
            : (0..<rows).map { index in
                let sessions = 5 + (index + Int(day.startSecond / 86_400)) % 7
                return .object([("totalSessionCount", .string(String(sessions))), ("Url", .string("https://shop.example/p/\(index)"))])
            }
        var metrics: [JSONText] = [.object([("metricName", .string("Traffic")), ("information", .array(information))])]
        if suffix == "_Device" {
            let padding: [JSONText] = (0..<6_000).map { .object([("value", .string(String($0)))]) }
            metrics.append(.object([("metricName", .string("Padding")), ("information", .array(padding))]))
        }
        let json = JSONText.array(metrics)
        let path = folder.path("\(pull.compact)_1d\(suffix).json")
        try Data(json.encoded.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}

extension OneAtATime {
    @Suite("Concurrent runs")
    struct ConcurrencyTests {
        @Test("a report made while an ingest runs reads one consistent state")
        func reportDuringIngest() throws {
            let tool = try CommandLineTool.built()
            let race = try RaceResponses()
            let base = race.folder.path("base.sqlite")
            let built = try tool.run(["ingest", "--store", base] + race.base)
            try #require(built.status == 0, "\(built)")
            var reports = 0
            var states = Set<[Double]>()
            for round in 1...4 {
                let store = race.folder.path("round-\(round).sqlite")
                try FileManager.default.copyItem(atPath: base, toPath: store)
                let metrics = try MetricStore(path: store)
                let ingest = try tool.start(["ingest", "--store", store] + race.devices)
                var finished = false
                while !finished {
                    finished = !ingest.process.isRunning
                    let report = try WeeklyPipeline.model(
                        store: metrics, week: RaceResponses.week, project: ProjectInfo(name: "Race", site: ""),
                        settings: ReportSettings())
                    reports += 1
                    guard let sessions = report.devices.first(where: { $0.value == "PC" })?.kpis.first(where: { $0.id == "sessions" }) else {
                        continue
                    }
                    let current = sessions.current ?? 0
                    let previous = sessions.previous ?? 0
                    states.insert([current, previous])
                    #expect(
                        current - previous == 0 || current - previous == 1_000,
                        "round \(round): W47 shows \(current) PC sessions and W46 \(previous): the report mixed two states of the store")
                }
                let run = ingest.wait()
                #expect(run.status == 0, "\(run)")
                #expect(!run.stderr.lowercased().contains("locked"), "\(run)")
            }
            #expect(states.count >= 3, "the reports should see the ingest at several stages: \(states.sorted { $0[0] < $1[0] })")
            print("concurrency: \(reports) reports during 4 ingests saw \(states.count) states")
        }

        @Test("two ingests at once both succeed, even on a store neither has created yet, and status runs beside them")
        func twoIngestsAndReaders() throws {
            let week = try DemoWeek.shared.get()
            let tool = try CommandLineTool.built()
            let scratch = try ScratchFolder("two-ingests")
            for round in 1...3 {
                let store = scratch.path("store-\(round).sqlite")
                let forward = try tool.start(["ingest", "--store", store] + week.files)
                let backward = try tool.start(["ingest", "--store", store] + week.files.reversed())
                var readers: [CommandLineTool.Finished] = []
                while forward.process.isRunning || backward.process.isRunning {
                    readers.append(try tool.run(["status", "--store", store]))
                }
                let writers = [forward.wait(), backward.wait()]
                readers.append(try tool.run(["status", "--store", store]))
                for run in writers {
                    #expect(run.status == 0, "round \(round): \(run)")
                    #expect(!(run.stdout + run.stderr).lowercased().contains("locked"), "round \(round): \(run)")
                }
                // A reader never creates the store: until an ingest has, status says there is none yet, and from the
                // first status that reads it on, every status does.
                let firstRead = try #require(readers.firstIndex { $0.status == 0 }, "round \(round): no status read the store")
                for (index, run) in readers.enumerated() {
                    #expect(!(run.stdout + run.stderr).lowercased().contains("locked"), "round \(round): \(run)")
                    if index >= firstRead {
                        #expect(run.status == 0, "round \(round): \(run)")
                    } else {
                        let notYet = ["there is no store at this path", "not a clarity-report store yet", "schema is not complete"]
                        #expect(notYet.contains { run.stderr.contains($0) }, "round \(round): \(run)")
                    }
                }
                let counts = writers.map { Self.summary($0.stdout) }
                #expect(counts.map(\.ingested).reduce(0, +) == week.files.count, "round \(round): \(counts)")
                #expect(counts.map(\.duplicates).reduce(0, +) == week.files.count, "round \(round): \(counts)")
                #expect(try StoreContents.read(store) == week.reference, "round \(round): the store differs from one ingest of the same files")
            }
        }

        @Test("an ingest waits for a write lock another program holds, and succeeds")
        func waitsForALock() throws {
            let scratch = try ScratchFolder("held-lock")
            let store = scratch.path("store.sqlite")
            try BadStoreTests.store(at: store)
            let holder = Process()
            holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            holder.arguments = [
                "python3", "-c",
                """
                import sqlite3, sys, time
                connection = sqlite3.connect(sys.argv[1], isolation_level=None)
                connection.execute("BEGIN IMMEDIATE")
                print("held", flush=True)
                time.sleep(1.5)
                connection.execute("COMMIT")
                """, store,
            ]
            let output = Pipe()
            holder.standardOutput = output
            try holder.run()
            _ = output.fileHandleForReading.availableData
            let started = Date()
            let run = try CommandLineTool.built().run(["ingest", "--store", store, BadStoreTests.devices])
            holder.waitUntilExit()
            #expect(run.status == 0, "\(run)")
            #expect(Date().timeIntervalSince(started) > 0.5, "the ingest should have waited for the lock")
            #expect(!(run.stdout + run.stderr).lowercased().contains("locked"), "\(run)")
        }

        /// The counts in ingest's last line: `Summary: 12 ingested (200 rows), 15 duplicates, 0 failed.`
        static func summary(_ output: String) -> (ingested: Int, duplicates: Int) {
            let words = (output.split(separator: "\n").last ?? "").split(separator: " ")
            let ingested = words.firstIndex(of: "ingested").flatMap { Int(words[$0 - 1]) } ?? -1
            let duplicates = words.firstIndex { $0.hasPrefix("duplicate") }.flatMap { Int(words[$0 - 1]) } ?? -1
            return (ingested, duplicates)
        }
    }
}
