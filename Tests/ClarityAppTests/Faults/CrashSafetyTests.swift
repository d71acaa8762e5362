import ClarityTestSupport
import Foundation
import Testing

extension OneAtATime {
    @Suite("Crash safety: kill -9 at random moments")
    struct CrashSafetyTests {
        /// Seeds for the kill times; a failure message names the trial, and the same seed replays the same schedule.
        static let seed: UInt64 = 0x5EED_C1A2

        @Test("an ingest killed at random moments leaves every file whole or absent, and the next ingest finishes the job")
        func killedIngest() throws {
            let week = try DemoWeek.shared.get()
            try #require(week.reference.snapshots.count == week.files.count)
            let tool = try CommandLineTool.built()
            let scratch = try ScratchFolder("crash-ingest")
            var random = SeededGenerator(seed: Self.seed)
            var kills = 0
            var snapshotsAtKill: [Int] = []
            var chain = 0
            while kills < 21, chain < 48 {
                // A chain: up to five runs on one store, each killed, then one left to finish. A run that ends before
                // its kill (a whole ingest takes a fraction of a second) ends its chain, so there are chains to spare.
                chain += 1
                let store = scratch.path("store-\(chain).sqlite")
                var present = 0
                for link in 1...5 where present < week.files.count - 1 {
                    // Each run first passes the files already in as duplicates, so later kills aim later.
                    let earliest = week.ingestSeconds * 0.6 * Double(present) / Double(week.files.count)
                    let delay = Double.random(in: earliest...(week.ingestSeconds * 0.95), using: &random)
                    let running = try tool.start(["ingest", "--store", store] + week.files)
                    usleep(UInt32(delay * 1_000_000))
                    running.kill()
                    guard running.wait().killed else { break }
                    kills += 1
                    guard FileManager.default.fileExists(atPath: store) else {
                        snapshotsAtKill.append(0)
                        continue
                    }
                    let contents = try StoreContents.read(store)
                    let problems = contents.problems(against: week.reference)
                    #expect(problems.isEmpty, "chain \(chain), run \(link), killed after \(delay) s: \(problems)")
                    present = contents.snapshots.count
                    snapshotsAtKill.append(present)
                }
                let resumed = try tool.run(["ingest", "--store", store] + week.files)
                #expect(resumed.status == 0, "\(resumed)")
                #expect(try StoreContents.read(store) == week.reference, "chain \(chain): the ingest after the kills did not finish the job")
            }
            #expect(kills >= 20)
            #expect(Set(snapshotsAtKill).count >= 5, "the kills should land at many stages of the ingest: \(snapshotsAtKill)")
            print(
                "crash safety: \(kills) ingests killed in \(chain) chains (a complete ingest takes \(week.ingestSeconds) s); "
                    + "snapshots in the store at each kill: \(snapshotsAtKill)")
        }

        @Test("a report killed while it is made leaves the previous file or the complete new one, never a torn file")
        func killedReport() throws {
            let week = try DemoWeek.shared.get()
            let tool = try CommandLineTool.built()
            let scratch = try ScratchFolder("crash-report")
            let out = scratch.path("weekly.html")
            let templates = ReportOutputs.repository.appendingPathComponent("templates").path
            let arguments = [
                "weekly", "--store", week.referenceStore, "--week", DemoWeek.week, "--templates", templates, "--format", "html", "--out", out,
            ]
            let started = Date()
            let complete = try tool.run(arguments)
            let seconds = Date().timeIntervalSince(started)
            try #require(complete.status == 0, "\(complete)")
            let new = try Data(contentsOf: URL(fileURLWithPath: out))
            let previous = Data("<!DOCTYPE html>\n<p>Last week's report, which a crash must not destroy.</p>\n".utf8)
            var random = SeededGenerator(seed: Self.seed &+ 1)
            var outcomes: [String: Int] = [:]
            var attempts = 0
            while attempts < 40, outcomes.values.reduce(0, +) < 20 {
                attempts += 1
                try previous.write(to: URL(fileURLWithPath: out))
                let running = try tool.start(arguments)
                let partial = scratch.path(".weekly.html.partial-\(running.pid)")
                let moment: String
                if attempts % 2 == 0 {
                    // Kill the moment the file beside the target appears: while the report is being written.
                    while running.process.isRunning, access(partial, F_OK) != 0 { usleep(100) }
                    moment = "as the file beside appeared"
                } else {
                    let delay = Double.random(in: 0.002...(seconds * 1.05), using: &random)
                    usleep(UInt32(delay * 1_000_000))
                    moment = "after \(delay) s"
                }
                running.kill()
                guard running.wait().killed else { continue }
                let now = try Data(contentsOf: URL(fileURLWithPath: out))
                #expect(now == previous || now == new, "attempt \(attempts), killed \(moment): a torn file of \(now.count) bytes")
                let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0 != "weekly.html" }
                #expect(leftovers.allSatisfy { $0.hasPrefix(".weekly.html.partial-") }, "\(leftovers)")
                for leftover in leftovers { try FileManager.default.removeItem(atPath: scratch.path(leftover)) }
                let outcome = now == new ? "new" : (leftovers.isEmpty ? "previous" : "previous, partial file beside")
                outcomes[outcome, default: 0] += 1
            }
            #expect(outcomes.values.reduce(0, +) >= 20)
            #expect(outcomes["previous, partial file beside", default: 0] > 0, "no kill landed while the file was being written: \(outcomes)")
            print("crash safety: \(outcomes.values.reduce(0, +)) reports killed: \(outcomes.sorted { $0.key < $1.key })")
        }
    }
}
