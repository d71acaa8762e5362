import ClarityModel
import Foundation

/// Where commands print: progress and results to standard output, problems to standard error.
struct Console {
    static func out(_ line: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((line + terminator).utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// The wall clock, read only at the edge.
enum SystemClock {
    static func now() -> Instant {
        Instant(seconds: Int64(Date().timeIntervalSince1970))
    }
}
