import ClarityModel
import ClarityTestSupport
import Foundation
import GRDB

@testable import ClarityStore

/// Loads a shared sample response.
func fixture(_ name: String) throws -> [UInt8] {
    try Samples.bytes(name)
}

func instant(_ text: String) -> Instant { Instant(iso: text)! }

func submission(
    _ bytes: [UInt8], pulledAt: String = "2026-11-17T01:30:00Z", days: Int = 1, dimensions: DimensionSet? = nil, source: String = "test.json"
) -> ResponseSubmission {
    ResponseSubmission(bytes: bytes, pulledAt: instant(pulledAt), numOfDays: days, declaredDimensions: dimensions, source: source)
}

let ingestClock = instant("2026-11-28T12:00:00Z")

extension MetricStore {
    /// Every row of every table, as text: two equal fingerprints mean an unchanged store.
    func fingerprint() throws -> String {
        try read { db in
            var lines: [String] = []
            for table in ["snapshot", "raw_response", "segment", "observation", "breakdown_item", "day_snapshot"] {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2") {
                    lines.append("\(table): \(row.description)")
                }
            }
            return lines.joined(separator: "\n")
        }
    }

    func scalar<T: DatabaseValueConvertible & Sendable>(_ sql: String, _ arguments: StatementArguments = []) throws -> T? {
        try read { db in try T.fetchOne(db, sql: sql, arguments: arguments) }
    }
}

/// A path for a new store in a scratch folder that stays after the test.
func temporaryStorePath() -> String {
    ScratchFolder.keptStorePath("store-tests")
}
