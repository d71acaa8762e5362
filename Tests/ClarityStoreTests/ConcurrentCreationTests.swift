import Foundation
import Testing

@testable import ClarityStore

/// Two first runs on a new store (cron's fetch and a person's ingest) both find it unmigrated and both migrate it.
@Suite struct ConcurrentCreationTests {
    @Test func storesOpenedAtOnceOnANewFileAllSucceed() throws {
        for _ in 0..<20 {
            let path = temporaryStorePath()
            let failures = Failures()
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do {
                    _ = try MetricStore(path: path)
                } catch {
                    failures.record(error)
                }
            }
            #expect(failures.all.isEmpty, "\(failures.all)")
            #expect(try MetricStore(path: path).status().snapshots == 0)
        }
    }

    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var errors: [String] = []
        func record(_ error: any Error) { lock.withLock { errors.append(String(describing: error)) } }
        var all: [String] { lock.withLock { errors } }
    }
}
