import ClarityTestSupport
import Foundation
import Testing

/// Stores a command cannot use: each must get a message that says what is wrong and what to do, and stay as it was.
extension OneAtATime {
    @Suite("Bad stores")
    struct BadStoreTests {
        static let fixtures = Samples.folder
        static let siteTotals = fixtures.appendingPathComponent("20261117T013000Z_1d.json").path
        static let devices = fixtures.appendingPathComponent("20261117T013500Z_1d_Device.json").path

        /// Every command that opens the store, on a store path.
        static func commands(_ store: String) -> [[String]] {
            [
                ["ingest", "--store", store, devices], ["status", "--store", store],
                ["weekly", "--store", store, "--format", "json", "--week", "2026-W47"],
            ]
        }

        /// A clear refusal: a non-zero exit, the expected words, and no bare SQLite error or stack trace.
        static func expectRefusal(_ run: CommandLineTool.Finished, saying words: String, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(run.status != 0, "\(run)", sourceLocation: sourceLocation)
            #expect(run.stderr.contains(words), "\(run)", sourceLocation: sourceLocation)
            #expect(!run.stderr.contains("SQLite error") && !run.stderr.contains("Fatal error"), "\(run)", sourceLocation: sourceLocation)
        }

        /// A store file with one response in it, made with the command line.
        static func store(at path: String) throws {
            let run = try CommandLineTool.built().run(["ingest", "--store", path, siteTotals])
            try #require(run.status == 0, "\(run)")
        }

        @Test("a file that is not SQLite is refused by every command and left byte for byte as it was")
        func notSQLite() throws {
            let folder = try ScratchFolder("not-sqlite")
            let notes = folder.path("notes.txt")
            let bytes = Data(
                "Research notes, week 47: the checkout button is hard to find.\n".utf8 + Array(repeating: UInt8(ascii: "-"), count: 5_000))
            try bytes.write(to: URL(fileURLWithPath: notes))
            for command in Self.commands(notes) {
                Self.expectRefusal(try CommandLineTool.built().run(command), saying: "not a clarity-report store")
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: notes)) == bytes)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["notes.txt"])
        }

        @Test("a store from a newer schema is refused by every command and its contents stay as they were")
        func newerSchema() throws {
            let folder = try ScratchFolder("newer-schema")
            let store = folder.path("store.sqlite")
            try Self.store(at: store)
            _ = try SQLiteShell.query(store, "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')")
            let before = try SQLiteShell.query(store, ".dump")
            for command in Self.commands(store) {
                Self.expectRefusal(try CommandLineTool.built().run(command), saying: "written by a newer clarity-report")
            }
            #expect(try SQLiteShell.query(store, ".dump") == before)
        }

        @Test(
            "a store the user may not write is refused by ingest with a clear message and left as it was",
            .enabled(if: getuid() == 0, "needs root, to run the command as the unprivileged user nobody"))
        func readOnlyFile() throws {
            let folder = try ScratchFolder("read-only")
            let store = folder.path("store.sqlite")
            try Self.store(at: store)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: store))
            let nobody: UInt32 = 65_534
            let run = try CommandLineTool.built().run(["ingest", "--store", store, Self.devices], as: nobody)
            Self.expectRefusal(run, saying: "read-only")
            #expect(run.stderr.contains("permissions"), "\(run)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == bytes)
        }

        @Test(
            "on a read-only disk ingest is refused with a clear message, and the reports and status read the store",
            .enabled(if: TemporaryMount.isAvailable, "needs root and `mount -t tmpfs`"))
        func readOnlyDisk() throws {
            let disk = try TemporaryMount(kilobytes: 1_024)
            let store = disk.path("store.sqlite")
            try Self.store(at: store)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: store))
            try disk.remountReadOnly()
            let tool = try CommandLineTool.built()
            Self.expectRefusal(try tool.run(["ingest", "--store", store, Self.devices]), saying: "cannot open the store file")
            for command in Self.readers(store, scratch: try ScratchFolder("read-only-disk")) {
                let run = try tool.run(command)
                #expect(run.status == 0, "\(run)")
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == bytes)
        }

        /// Every command that only reads the store, writing its output into `scratch`.
        static func readers(_ store: String, scratch: ScratchFolder) -> [[String]] {
            [
                ["status", "--store", store], ["status", "--json", "--store", store], ["release", "list", "--store", store],
                ["weekly", "--store", store, "--week", "2026-W47", "--format", "json", "--out", scratch.path("w.json")],
                ["weekly", "--store", store, "--week", "2026-W47", "--format", "html", "--out", scratch.path("w.html")],
                ["log", "--store", store, "--week", "2026-W47", "--dir", scratch.path("log")],
                ["monthly", "--store", store, "--month", "2026-11", "--format", "md", "--out", scratch.path("m.md")],
            ]
        }

        @Test("reports and status leave the store file byte for byte as it was, and add no journal beside it")
        func readersChangeNothing() throws {
            let folder = try ScratchFolder("readers")
            let store = folder.path("store.sqlite")
            try Self.store(at: store)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: store))
            let output = try ScratchFolder("readers-out")
            for command in Self.readers(store, scratch: output) {
                let run = try CommandLineTool.built().run(command)
                #expect(run.status == 0, "\(run)")
                #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == bytes, "\(command) changed the store")
            }
            let wal = (try? FileManager.default.attributesOfItem(atPath: store + "-wal")[.size] as? Int) ?? 0
            #expect(wal == 0, "a report wrote \(wal) bytes of journal")
        }

        @Test(
            "another user reads a store in a folder they cannot write: every report and status works",
            .enabled(if: getuid() == 0, "needs root to run the tool as nobody"))
        func readOnlyFolder() throws {
            let folder = try ScratchFolder("read-only-folder")
            let store = folder.path("store.sqlite")
            try Self.store(at: store)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: store))
            // The store's folder stays root's and 0755: nobody can read the file but create nothing beside it.
            for stale in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + stale) }
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.url.path)
            let output = try ScratchFolder("read-only-folder-out")
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: output.url.path)
            for command in Self.readers(store, scratch: output) {
                let run = try CommandLineTool.built().run(command, as: 65_534)
                #expect(run.status == 0, "\(run)")
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == bytes)
            #expect(!FileManager.default.fileExists(atPath: store + "-shm"))
        }

        @Test("a report on a path with no store says so and creates nothing")
        func missingStore() throws {
            let folder = try ScratchFolder("no-store")
            let store = folder.path("absent.sqlite")
            let run = try CommandLineTool.built().run(["weekly", "--store", store, "--format", "json"])
            Self.expectRefusal(run, saying: "there is no store at this path")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
        }

        @Test(
            "on a full disk an ingest fails with a clear message and changes nothing, and succeeds once there is room",
            .enabled(if: TemporaryMount.isAvailable, "needs root and `mount -t tmpfs`"))
        func fullDiskIngest() throws {
            let tool = try CommandLineTool.built()
            let disk = try TemporaryMount(kilobytes: 8_192)
            let store = disk.path("store.sqlite")
            try Self.store(at: store)
            let large = try ScratchFolder("full-disk")
            let response = large.path("20261118T013000Z_1d_URL.json")
            try Data(Self.largeResponse().utf8).write(to: URL(fileURLWithPath: response))
            let before = try StoreContents.read(store)
            try disk.fill(leaving: 300)
            let refused = try tool.run(["ingest", "--store", store, response])
            #expect(refused.status == 1, "\(refused)")
            #expect(refused.stderr.contains("error: [1/1] \(response): store \(store): the disk is full; nothing was changed"), "\(refused)")
            #expect(try StoreContents.read(store) == before)
            try disk.freeSpace()
            let retried = try tool.run(["ingest", "--store", store, response])
            #expect(retried.status == 0, "\(retried)")
            #expect(try StoreContents.read(store).snapshots.count == before.snapshots.count + 1)
        }

        @Test(
            "on a full disk a report fails with a clear message and the previous report stays whole",
            .enabled(if: TemporaryMount.isAvailable, "needs root and `mount -t tmpfs`"))
        func fullDiskReport() throws {
            let week = try DemoWeek.shared.get()
            let disk = try TemporaryMount(kilobytes: 512)
            let out = disk.path("weekly.html")
            let previous = Data("<!DOCTYPE html>\n<p>Last week's report.</p>\n".utf8)
            try previous.write(to: URL(fileURLWithPath: out))
            try disk.fill(leaving: 8)
            let templates = ReportOutputs.repository.appendingPathComponent("templates").path
            let run = try CommandLineTool.built().run([
                "weekly", "--store", week.referenceStore, "--week", DemoWeek.week, "--templates", templates,
                "--out", out,
            ])
            Self.expectRefusal(run, saying: "No space left on device")
            #expect(run.stderr.contains("the previous file is untouched"), "\(run)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == previous)
            #expect(try FileManager.default.contentsOfDirectory(atPath: disk.url.path).sorted() == ["filler", "weekly.html"])
        }

        /// A URL breakdown of 3,000 pages with every figure: about a megabyte to store.
        static func largeResponse() -> String {
            let metrics: [JSONText] = ["Traffic", "DeadClickCount", "RageClickCount"].map { name in
                let rows: [JSONText] = (0..<3_000).map { index in
                    let figures: [(String, JSONText)] =
                        name == "Traffic"
                        ? [("totalSessionCount", .string(String(100 + index))), ("distinctUserCount", .string(String(90 + index)))]
                        : [
                            ("sessionsCount", .string(String(100 + index))), ("sessionsWithMetricPercentage", .number(2.5)),
                            ("subTotal", .string("3")),
                        ]
                    return .object(figures + [("Url", .string("https://shop.example/catalogue/item-\(index)?ref=newsletter"))])
                }
                return .object([("metricName", .string(name)), ("information", .array(rows))])
            }
            return JSONText.array(metrics).encoded
        }
    }
}
