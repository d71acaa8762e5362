import ClarityTestSupport
import Foundation
import Testing

extension OneAtATime {
    @Suite("Crash safety: compressing a store's raw responses")
    struct RawCompressionCrashTests {
        static let seed: UInt64 = 0x5EED_2A77

        /// A schema-v3 store: the demo week's responses kept as received, without the encoding column or its migration.
        static func oldStore(at path: String, week: DemoWeek) throws {
            _ = try SQLiteShell.query(week.referenceStore, "VACUUM INTO '\(path)'")
            let folder = (week.files[0] as NSString).deletingLastPathComponent
            _ = try SQLiteShell.query(
                path,
                """
                UPDATE raw_response SET body = readfile('\(folder)/' || (SELECT source FROM snapshot WHERE id = snapshot_id));
                DROP INDEX raw_response_as_received;
                ALTER TABLE raw_response DROP COLUMN encoding;
                DELETE FROM grdb_migrations WHERE identifier = 'v4-raw-encoding';
                DROP TABLE derived_day;
                DROP TABLE derived_block;
                DELETE FROM grdb_migrations WHERE identifier IN ('v5-derived-days', 'v6-derived-blocks');
                """)
        }

        /// Each snapshot's raw row as `encoding length`, by SHA-256; rows of a store not yet migrated read as identity.
        static func rawRows(_ path: String) throws -> [String: String] {
            let migrated = try SQLiteShell.query(path, "SELECT COUNT(*) FROM pragma_table_info('raw_response') WHERE name = 'encoding'") == "1"
            let encoding = migrated ? "r.encoding" : "'identity'"
            let output = try SQLiteShell.query(
                path,
                """
                SELECT s.sha256, \(encoding) || ' ' || length(r.body) FROM snapshot s JOIN raw_response r ON r.snapshot_id = s.id
                """)
            var rows: [String: String] = [:]
            for line in output.split(separator: "\n") {
                let fields = line.split(separator: "\t").map(String.init)
                rows[fields[0]] = fields[1]
            }
            return rows
        }

        @Test("an upgrade killed at random moments leaves every raw response as received or compressed, never torn")
        func killedCompression() throws {
            let week = try DemoWeek.shared.get()
            let tool = try CommandLineTool.built()
            let scratch = try ScratchFolder("crash-compress")
            let base = scratch.path("v3.sqlite")
            try Self.oldStore(at: base, week: week)
            let compressed = try Self.rawRows(week.referenceStore)
            let received = try Self.rawRows(base)
            try #require(received.count == week.files.count && received.values.allSatisfy { $0.hasPrefix("identity ") })
            // Any writer upgrades the store: an ingest of a response it already holds changes nothing else.
            let command = { (store: String) in ["ingest", "--store", store, week.files[0]] }

            let timing = scratch.path("timing.sqlite")
            _ = try SQLiteShell.query(base, "VACUUM INTO '\(timing)'")
            let started = Date()
            let complete = try tool.run(command(timing))
            let seconds = Date().timeIntervalSince(started)
            try #require(complete.status == 0, "\(complete)")
            #expect(try Self.rawRows(timing) == compressed)

            var random = SeededGenerator(seed: Self.seed)
            var mixed = 0
            for trial in 1...20 {
                let store = scratch.path("store-\(trial).sqlite")
                _ = try SQLiteShell.query(base, "VACUUM INTO '\(store)'")
                let delay = Double.random(in: 0...seconds, using: &random)
                let running = try tool.start(command(store))
                usleep(UInt32(delay * 1_000_000))
                running.kill()
                _ = running.wait()
                #expect(try SQLiteShell.query(store, "PRAGMA integrity_check") == "ok", "trial \(trial)")
                let rows = try Self.rawRows(store)
                #expect(rows.count == week.files.count, "trial \(trial)")
                for (sha, row) in rows {
                    #expect(row == received[sha] || row == compressed[sha], "trial \(trial), killed after \(delay) s: \(sha) is \(row)")
                }
                if Set(rows.values.map { $0.split(separator: " ")[0] }).count == 2 { mixed += 1 }
                let resumed = try tool.run(command(store))
                #expect(resumed.status == 0, "trial \(trial): \(resumed)")
                #expect(try Self.rawRows(store) == compressed, "trial \(trial): the next writer did not finish the job")
            }
            // Every response reads back byte for byte from the last store.
            let last = scratch.path("store-20.sqlite")
            for (index, file) in week.files.enumerated() {
                let out = scratch.path("raw-\(index)")
                let sha = try SQLiteShell.query(last, "SELECT id FROM snapshot WHERE source = '\((file as NSString).lastPathComponent)'")
                let run = try tool.run(["raw", sha, "--store", last, "--out", out])
                try #require(run.status == 0, "\(run)")
                #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(contentsOf: URL(fileURLWithPath: file)))
            }
            print("raw compression: 20 upgrades killed (a complete one takes \(seconds) s), \(mixed) of them mid-way")
        }
    }
}
