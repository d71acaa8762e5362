import ClarityModel
import Foundation
import GRDB
import Testing

@testable import ClarityStore

@Suite("Raw responses kept compressed")
struct RawResponseTests {
    static let names = [
        "20261117T013000Z_1d.json", "20261117T013500Z_1d_Device.json", "20261117T014500Z_1d_Browser_Device.json",
    ]

    /// A store on disk holding the three fixtures, and their snapshot ids.
    static func store() throws -> (path: String, ids: [Int64: [UInt8]]) {
        let path = temporaryStorePath()
        let store = try MetricStore(path: path)
        var ids: [Int64: [UInt8]] = [:]
        for (index, name) in names.enumerated() {
            let bytes = try fixture(name)
            let pulled = "2026-11-17T01:\(30 + 5 * index):00Z"
            guard case .ingested(let snapshot) = try store.ingest(submission(bytes, pulledAt: pulled), at: ingestClock) else {
                throw StoreError(path: path, message: "\(name) was not ingested")
            }
            ids[snapshot.id] = bytes
        }
        return (path, ids)
    }

    @Test("zstd gives back every byte: empty, binary, JSON")
    func roundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        let samples: [[UInt8]] = [
            [], [0], (0..<70_000).map { _ in UInt8.random(in: 0...255, using: &generator) },
            try fixture(Self.names[0]),
        ]
        for sample in samples {
            #expect(try RawEncoding.zstd.decode(RawEncoding.zstd.encode(sample)) == sample)
        }
    }

    @Test("new responses are stored compressed, at least 3 times smaller, and read back byte for byte")
    func storedCompressed() throws {
        let (path, ids) = try Self.store()
        let store = try MetricStore(path: path)
        let queue = try DatabaseQueue(path: path)
        for (id, bytes) in ids {
            let (stored, encoding) = try queue.read { db in
                let row = try Row.fetchOne(
                    db, sql: "SELECT length(body) AS size, encoding FROM raw_response WHERE snapshot_id = ?",
                    arguments: [id])!
                return (row["size"] as Int, row["encoding"] as String)
            }
            #expect(encoding == "zstd")
            #expect(stored * 3 < bytes.count, "\(bytes.count) bytes stored as \(stored)")
            #expect(try store.rawResponse(snapshotID: id)?.bytes == bytes)
        }
        #expect(try store.rawResponse(snapshotID: 999) == nil)
    }

    @Test("a store from before compression is compressed by the next writer, a batch at a time, and reads the same")
    func oldStoresAreCompressed() throws {
        let (path, ids) = try Self.store()
        // Put the rows back as a schema-v3 store kept them: the bytes as received.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            for (id, bytes) in ids {
                try db.execute(
                    sql: "UPDATE raw_response SET body = ?, encoding = 'identity' WHERE snapshot_id = ?",
                    arguments: [Data(bytes), id])
            }
        }
        let asReceived = try queue.read { db in try Int.fetchOne(db, sql: "SELECT SUM(length(body)) FROM raw_response")! }
        #expect(asReceived == ids.values.map(\.count).reduce(0, +))
        try queue.close()

        let reader = try MetricStore(path: path, access: .readOnly)
        for (id, bytes) in ids { #expect(try reader.rawResponse(snapshotID: id)?.bytes == bytes) }

        let writer = try MetricStore(path: path)
        #expect(try writer.hasUncompressedRawResponses() == false)
        #expect(try writer.compressRawResponses(batchBytes: 1) == 0)
        for (id, bytes) in ids { #expect(try writer.rawResponse(snapshotID: id)?.bytes == bytes) }
        let after: Int = try writer.scalar("SELECT SUM(length(body)) FROM raw_response")!
        #expect(after * 3 < asReceived)
    }

    @Test("a damaged body or one that does not match its SHA-256 is an error that says the store is damaged")
    func damaged() throws {
        let (path, ids) = try Self.store()
        let sorted = ids.keys.sorted()
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "UPDATE raw_response SET body = X'28B52FFD0000' WHERE snapshot_id = ?", arguments: [sorted[0]])
            try db.execute(
                sql: "UPDATE raw_response SET body = ?, encoding = 'identity' WHERE snapshot_id = ?",
                arguments: [Data("{}".utf8), sorted[1]])
            try db.execute(sql: "UPDATE raw_response SET encoding = 'brotli' WHERE snapshot_id = ?", arguments: [sorted[2]])
        }
        try queue.close()
        let store = try MetricStore(path: path, access: .readOnly)
        let expectations = ["cannot be read back", "does not match the SHA-256", "cannot read"]
        for (id, words) in zip(sorted, expectations) {
            let error = #expect(throws: StoreError.self) { try store.rawResponse(snapshotID: id) }
            #expect(error?.message.contains(words) == true, "\(String(describing: error))")
            #expect(error?.message.contains("snapshot \(id)") == true)
        }
    }
}
