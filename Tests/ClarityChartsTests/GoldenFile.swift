import Foundation
import Testing

/// Compares rendered text with a file in `Golden/` beside this source file; `CLARITY_RECORD_GOLDENS=1` re-records it.
enum GoldenFile {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var isRecording: Bool { ProcessInfo.processInfo.environment["CLARITY_RECORD_GOLDENS"] == "1" }

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if isRecording {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("No golden file Golden/\(name). Record it with CLARITY_RECORD_GOLDENS=1 swift test --filter ClarityChartsTests",
                         sourceLocation: sourceLocation)
            return
        }
        guard actual != expected else { return }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        let show = { (lines: [Substring]) in line < lines.count ? String(lines[line]) : "<end of file>" }
        Issue.record("""
            Golden/\(name) differs at line \(line + 1):
              expected: \(show(expectedLines))
              actual:   \(show(actualLines))
            If the change is intended, re-record with CLARITY_RECORD_GOLDENS=1 and review the diff.
            """, sourceLocation: sourceLocation)
    }
}
