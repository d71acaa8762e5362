import ClarityModel
import Foundation
import GRDB
import Testing

@testable import ClarityStore

@Suite("The store file")
struct StoreFileTests {
    @Test("a file that is not SQLite is refused with a clear message and left as it was")
    func notSQLite() throws {
        let path = temporaryStorePath()
        let content = Array("these are my notes, not a database\n".utf8) + Array(repeating: UInt8(ascii: "x"), count: 4_096)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(content)))
        let error = #expect(throws: StoreError.self) { try MetricStore(path: path) }
        #expect(error?.message.contains("not a clarity-report store") == true, "\(String(describing: error))")
        #expect(FileManager.default.contents(atPath: path) == Data(content))
    }

    @Test("a store from a newer schema version is refused")
    func newerSchema() throws {
        let path = temporaryStorePath()
        _ = try MetricStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        try queue.close()
        let error = #expect(throws: StoreError.self) { try MetricStore(path: path) }
        #expect(error?.message.contains("newer clarity-report") == true)
    }

    @Test("a store survives reopening, and the raw bytes come back exactly")
    func reopen() throws {
        let path = temporaryStorePath()
        let bytes = try fixture("20261117T014500Z_1d_Browser_Device.json")
        let id: Int64
        do {
            let store = try MetricStore(path: path)
            guard case .ingested(let snapshot) = try store.ingest(submission(bytes), at: ingestClock) else {
                Issue.record("not ingested")
                return
            }
            id = snapshot.id
        }
        let reopened = try MetricStore(path: path)
        #expect(try reopened.rawResponse(snapshotID: id)?.bytes == bytes)
        #expect(try reopened.coverage().covered(DimensionSet([.browser, .device])).count == 1)
    }
}
