import Foundation
import GRDB

extension MetricStore {
    /// A raw response read back: the bytes exactly as received, checked against the SHA-256 taken when it was stored.
    public struct RawResponse: Sendable {
        public let snapshotID: Int64
        public let bytes: [UInt8]
        public let sha256: String
    }

    /// The raw bytes of a snapshot exactly as received, or nil when the store has no such snapshot.
    public func rawResponse(snapshotID: Int64) throws -> RawResponse? {
        let stored = try read { db -> (body: Data, encoding: String, sha256: String)? in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT r.body, r.encoding, s.sha256 FROM raw_response r JOIN snapshot s ON s.id = r.snapshot_id
                        WHERE r.snapshot_id = ?
                        """, arguments: [snapshotID])
            else { return nil }
            return (row["body"], row["encoding"], row["sha256"])
        }
        guard let stored else { return nil }
        let expected = stored.sha256
        guard let encoding = RawEncoding(rawValue: stored.encoding) else {
            throw StoreError(
                path: path,
                message:
                    "snapshot \(snapshotID)'s raw response is kept as '\(stored.encoding)', which this clarity-report cannot read. Use a newer version."
            )
        }
        let bytes: [UInt8]
        do {
            bytes = try encoding.decode(stored.body)
        } catch {
            throw StoreError(
                path: path,
                message: "snapshot \(snapshotID)'s raw response cannot be read back (\(error)). The store is damaged: restore it from a backup.")
        }
        guard SHA256.hex(bytes) == expected else {
            throw StoreError(
                path: path,
                message:
                    "snapshot \(snapshotID)'s raw response does not match the SHA-256 taken when it was stored. The store is damaged: restore it from a backup."
            )
        }
        return RawResponse(snapshotID: snapshotID, bytes: bytes, sha256: expected)
    }

    /// Compresses raw responses still kept as received (stores from before schema v4), a batch per transaction,
    /// then gives the freed space back to the file system.
    ///
    /// Each row is rewritten whole inside its batch's transaction (at most `batchCount` responses or `batchBytes`), so a
    /// crash at any point leaves every row either as received or compressed, both readable; the next writer goes on
    /// where it stopped. One response is in memory at a time. Returns how many responses it compressed.
    @discardableResult
    public func compressRawResponses(batchCount: Int = 4, batchBytes: Int = 8 << 20) throws -> Int {
        var compressed = 0
        while true {
            let done = try write { db -> Int in
                // The partial index `raw_response_as_received` finds them without reading any body.
                let pending = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT snapshot_id, length(body) AS size FROM raw_response WHERE encoding = 'identity'
                        ORDER BY snapshot_id LIMIT ?
                        """, arguments: [batchCount])
                var size = 0
                var count = 0
                for row in pending where size < batchBytes {
                    let id: Int64 = row["snapshot_id"]
                    let body = try Data.fetchOne(db, sql: "SELECT body FROM raw_response WHERE snapshot_id = ?", arguments: [id])
                    try db.execute(
                        sql: "UPDATE raw_response SET body = ?, encoding = ? WHERE snapshot_id = ?",
                        arguments: [try RawEncoding.current.encode([UInt8](body ?? Data())), RawEncoding.current.rawValue, id])
                    size += row["size"] as Int
                    count += 1
                }
                return count
            }
            guard done > 0 else { break }
            compressed += done
        }
        if compressed > 0 {
            do {
                try writer.writeWithoutTransaction { db in try db.execute(sql: "VACUUM") }
            } catch {
                throw StoreError.wrapping(error, path: path)
            }
        }
        return compressed
    }

    /// Whether any raw response is still kept as received.
    func hasUncompressedRawResponses() throws -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM raw_response WHERE encoding = 'identity')") ?? false
        }
    }
}
