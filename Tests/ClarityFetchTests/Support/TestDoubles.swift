import ClarityFetch
import ClarityModel
import ClarityTestSupport
import Foundation

/// A clock stopped at one instant.
struct FixedClock: FetchClock {
    let instant: Instant

    init(_ iso: String) { instant = Instant(iso: iso)! }

    func now() -> Instant { instant }
}

/// A sleeper that returns at once and remembers how long it was asked to wait.
final class RecordingSleeper: FetchSleeper, @unchecked Sendable {
    private let lock = NSLock()
    private var asked: [Double] = []

    func sleep(seconds: Double) async throws {
        lock.withLock { asked.append(seconds) }
    }

    var delays: [Double] {
        lock.withLock { asked }
    }
}

/// A fresh path for a store file in a folder of its own.
func temporaryStorePath() throws -> String {
    ScratchFolder.keptStorePath("fetch-tests")
}
