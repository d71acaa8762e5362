import ClarityModel
import Foundation
import GRDB
import Testing

@testable import ClarityStore

@Suite("Ingest of export responses")
struct IngestTests {
    @Test("every shared sample ingests with the dimensions its rows carry")
    func sharedSamples() throws {
        let store = try MetricStore()
        let expected: [(String, String)] = [
            ("20261117T013000Z_1d.json", ""), ("20261117T013500Z_1d_Device.json", "Device"), ("20261117T014000Z_1d_URL.json", "URL"),
            ("20261117T014500Z_1d_Browser_Device.json", "Browser+Device"), ("20260301T020000Z_1d_docs-spelling.json", ""),
        ]
        for (name, dimensions) in expected {
            let outcome = try store.ingest(submission(try fixture(name), source: name), at: ingestClock)
            guard case .ingested(let snapshot) = outcome else {
                Issue.record("\(name) was not ingested: \(outcome)")
                continue
            }
            #expect(snapshot.dimensions.key == dimensions, "\(name)")
            #expect(snapshot.rowCount > 0)
        }
        #expect(try store.scalar("SELECT COUNT(*) FROM snapshot") == 5)
    }

    @Test("the documented spellings land in the same columns as the live ones")
    func documentedSpellings() throws {
        let store = try MetricStore()
        _ = try store.ingest(submission(try fixture("20260301T020000Z_1d_docs-spelling.json"), pulledAt: "2026-03-01T02:00:00Z"), at: ingestClock)
        let users: Int64? = try store.scalar("SELECT distinct_users FROM observation")
        let pages: Double? = try store.scalar("SELECT pages_per_session FROM observation")
        let dead: Double? = try store.scalar("SELECT dead_click_pct FROM observation")
        let active: Double? = try store.scalar("SELECT active_time FROM observation")
        #expect(users == 858)
        #expect(pages == 2.5556)
        #expect(dead == 9.6)
        #expect(active == 126)
    }

    @Test("the no-dimension response keeps its name lists")
    func breakdownLists() throws {
        let store = try MetricStore()
        _ = try store.ingest(submission(try fixture("20261117T013000Z_1d.json")), at: ingestClock)
        let chrome: Int64? = try store.scalar("SELECT count FROM breakdown_item WHERE metric = 'Browser' AND name = 'Chrome'")
        #expect(chrome == 2301)
        let pages: Int? = try store.scalar("SELECT COUNT(*) FROM breakdown_item WHERE metric = 'PopularPages'")
        #expect((pages ?? 0) > 0)
    }

    @Test("a null dimension value is kept as an aggregate row, apart from the segments")
    func aggregateRows() throws {
        let store = try MetricStore()
        _ = try store.ingest(submission(try fixture("20261117T014000Z_1d_URL.json")), at: ingestClock)
        let aggregates: Int? = try store.scalar("SELECT COUNT(*) FROM segment WHERE is_aggregate = 1 AND url IS NULL")
        #expect(aggregates == 1)
        let aggregateSessions: Int64? = try store.scalar(
            """
            SELECT o.sessions FROM observation o JOIN segment s ON s.id = o.segment_id WHERE s.is_aggregate = 1
            """)
        #expect(aggregateSessions == 4210)
    }

    @Test("empty strings and nulls are stored as missing, never as zero")
    func missingIsNotZero() throws {
        let json = """
            [{"metricName": "Traffic", "information": [{"totalSessionCount": "", "totalBotSessionCount": null, "distinctUserCount": "12", "pagesPerSessionPercentage": ""}]},
             {"metricName": "RageClickCount", "information": [{"sessionsCount": "40", "sessionsWithMetricPercentage": null, "subTotal": ""}]}]
            """
        let store = try MetricStore()
        _ = try store.ingest(submission(Array(json.utf8)), at: ingestClock)
        let missing: Int? = try store.scalar(
            """
            SELECT COUNT(*) FROM observation WHERE sessions IS NULL AND bot_sessions IS NULL AND pages_per_session IS NULL
              AND rage_click_pct IS NULL AND rage_click_events IS NULL AND rage_click_sessions = 40 AND distinct_users = 12
            """)
        #expect(missing == 1)
    }

    @Test("counts may arrive as numbers and ratios as integers or strings")
    func lenientNumbers() throws {
        let json = """
            [{"metricName": "Dead Click Count", "information": [{"sessionsCount": 300, "sessionsWithMetricPercentage": 0, "pagesViews": "12", "subTotal": 7}]},
             {"metricName": "Scroll Depth", "information": [{"averageScrollDepth": "100"}]}]
            """
        let store = try MetricStore()
        _ = try store.ingest(submission(Array(json.utf8)), at: ingestClock)
        let row: [Double?] = try store.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT dead_click_sessions, dead_click_pct, dead_click_events, scroll_depth FROM observation")!
            return [row[0], row[1], row[2], row[3]]
        }
        #expect(row == [300, 0, 7, 100])
    }

    @Test("malformed JSON is refused with its line and column, and the store is unchanged")
    func malformedJSON() throws {
        let store = try MetricStore()
        _ = try store.ingest(submission(try fixture("20261117T013000Z_1d.json")), at: ingestClock)
        let before = try store.fingerprint()
        let broken = Array("[\n {\"metricName\": \"Traffic\",\n  \"information\": [ {\"totalSessionCount\": \"12\" \"x\": 1} ]}\n]".utf8)
        let error = #expect(throws: IngestError.self) {
            try store.ingest(submission(broken, pulledAt: "2026-11-18T01:30:00Z", source: "broken.json"), at: ingestClock)
        }
        #expect(error?.source == "broken.json")
        #expect(error?.message.contains("line 3, column 47") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("expected ',' or '}'") == true)
        #expect(try store.fingerprint() == before)
    }

    @Test("a truncated file says it looks truncated, and the store is unchanged")
    func truncatedFile() throws {
        let store = try MetricStore()
        let bytes = try fixture("20261117T013500Z_1d_Device.json")
        let before = try store.fingerprint()
        let error = #expect(throws: IngestError.self) {
            try store.ingest(submission(Array(bytes.prefix(bytes.count / 2))), at: ingestClock)
        }
        #expect(error?.message.contains("truncated") == true, "\(error?.message ?? "")")
        #expect(try store.fingerprint() == before)
    }

    @Test("a wrong type names the field's path")
    func wrongType() throws {
        let json = """
            [{"metricName": "Traffic", "information": [{"totalSessionCount": "10"}]},
             {"metricName": "DeadClickCount", "information": [{"sessionsCount": "10"}, {"sessionsCount": true}]}]
            """
        let store = try MetricStore()
        let error = #expect(throws: IngestError.self) { try store.ingest(submission(Array(json.utf8)), at: ingestClock) }
        #expect(
            error?.message.hasPrefix("$[1] (DeadClickCount).information[1].sessionsCount (line 2, column 94): expected a count") == true,
            "\(error?.message ?? "")")
        #expect(try store.scalar("SELECT COUNT(*) FROM snapshot") == 0)
    }

    @Test("text where a count belongs and percentages out of range are refused")
    func badValues() throws {
        let store = try MetricStore()
        for json in [
            #"[{"metricName": "Traffic", "information": [{"totalSessionCount": "12 sessions"}]}]"#,
            #"[{"metricName": "Traffic", "information": [{"totalSessionCount": "-4"}]}]"#,
            #"[{"metricName": "RageClickCount", "information": [{"sessionsWithMetricPercentage": 140}]}]"#,
            #"{"message": "Unauthorized"}"#,
        ] {
            #expect(throws: IngestError.self, "\(json)") { try store.ingest(submission(Array(json.utf8)), at: ingestClock) }
        }
        #expect(try store.scalar("SELECT COUNT(*) FROM snapshot") == 0)
    }

    @Test("an unknown metric or field is a warning, and the rest is stored")
    func unknownMetric() throws {
        let json = """
            [{"metricName": "Traffic", "information": [{"totalSessionCount": "10", "sparkleIndex": "3"}]},
             {"metricName": "HoverHeat", "information": [{"value": "1"}]}]
            """
        let store = try MetricStore()
        guard case .ingested(let snapshot) = try store.ingest(submission(Array(json.utf8)), at: ingestClock) else {
            Issue.record("not ingested")
            return
        }
        #expect(snapshot.warnings.count == 3)
        #expect(snapshot.warnings.contains { $0.contains("missing metrics DeadClickCount") })
        #expect(snapshot.warnings.contains { $0.contains("unknown metric \"HoverHeat\"") })
        #expect(snapshot.warnings.contains { $0.contains("unknown field \"sparkleIndex\"") })
        #expect(try store.scalar("SELECT sessions FROM observation") == 10)
        #expect(try store.rawResponse(snapshotID: snapshot.id)?.bytes == Array(json.utf8))
    }

    @Test("the same bytes twice are a duplicate, and nothing changes")
    func duplicate() throws {
        let store = try MetricStore()
        let bytes = try fixture("20261117T013500Z_1d_Device.json")
        guard case .ingested(let first) = try store.ingest(submission(bytes, source: "a.json"), at: ingestClock) else {
            Issue.record("first ingest failed")
            return
        }
        let before = try store.fingerprint()
        let second = try store.ingest(submission(bytes, pulledAt: "2026-11-18T01:30:00Z", source: "b.json"), at: ingestClock)
        #expect(second == .duplicate(existingID: first.id, source: "a.json"))
        #expect(try store.fingerprint() == before)
    }

    @Test("--dimensions that disagree with the rows are an error; URL and Url are one dimension")
    func conflictingDimensions() throws {
        let store = try MetricStore()
        let device = try fixture("20261117T013500Z_1d_Device.json")
        let error = #expect(throws: IngestError.self) {
            try store.ingest(submission(device, dimensions: DimensionSet([.browser])), at: ingestClock)
        }
        #expect(error?.message.contains("the request's dimensions are Browser but the rows carry Device") == true, "\(error?.message ?? "")")
        #expect(throws: IngestError.self) { try store.ingest(submission(device, dimensions: DimensionSet.none), at: ingestClock) }
        let url = try fixture("20261117T014000Z_1d_URL.json")
        let outcome = try store.ingest(submission(url, dimensions: DimensionSet(key: "Url")!), at: ingestClock)
        guard case .ingested(let snapshot) = outcome else {
            Issue.record("URL sample not ingested")
            return
        }
        #expect(snapshot.dimensions == DimensionSet([.url]))
    }

    @Test("a file that fails halfway through its transaction leaves the store exactly as it was")
    func failureHalfway() throws {
        let store = try MetricStore()
        _ = try store.ingest(submission(try fixture("20261117T013000Z_1d.json")), at: ingestClock)
        let before = try store.fingerprint()
        try store.write { db in
            try db.execute(
                sql: """
                    CREATE TEMP TRIGGER fail_halfway BEFORE INSERT ON observation
                    WHEN (SELECT COUNT(*) FROM observation WHERE snapshot_id = NEW.snapshot_id) >= 2
                    BEGIN SELECT RAISE(ABORT, 'injected failure'); END
                    """)
        }
        #expect(throws: (any Error).self) {
            try store.ingest(submission(try fixture("20261117T014000Z_1d_URL.json"), pulledAt: "2026-11-17T01:40:00Z"), at: ingestClock)
        }
        #expect(try store.fingerprint() == before)
    }

    @Test("2- and 3-day snapshots are stored but stand for no day")
    func multiDay() throws {
        let store = try MetricStore()
        guard case .ingested(let snapshot) = try store.ingest(submission(try fixture("20261117T013000Z_1d.json"), days: 3), at: ingestClock) else {
            Issue.record("not ingested")
            return
        }
        #expect(snapshot.day == nil)
        #expect(try store.coverage().days.isEmpty)
        #expect(try store.status().multiDaySnapshots == 1)
    }

    @Test("SHA-256 matches the standard test vectors")
    func sha256() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1_000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        #expect(
            SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test(
        "SHA-256 is right on each side of the block and padding boundaries",
        arguments: [
            (55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"),
            (56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"),
            (63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"),
            (64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"),
            (65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"),
            (119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"),
            (128, "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6"),
        ])
    func sha256Boundaries(length: Int, digest: String) {
        // Bytes (7i + 3) mod 256; the digests are Python's hashlib.sha256 of the same bytes.
        #expect(SHA256.hex((0..<length).map { UInt8(($0 * 7 + 3) % 256) }) == digest)
    }
}
