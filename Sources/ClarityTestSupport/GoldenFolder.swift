import Foundation
import Testing

/// A folder of golden files beside a test's source: rendered output is compared whole with them.
///
/// `CLARITY_RECORD_GOLDENS=1` writes the output in their place and fails the test, saying so, so that a recording run
/// can never pass for a comparing one; review the diff and run again without it.
public struct GoldenFolder: Sendable {
    public let url: URL
    /// Whether `check` writes the output instead of comparing it (and fails, saying so).
    public let recording: Bool

    /// The folder `name` beside the calling source file (pass `#filePath`).
    public init(_ name: String = "Golden", besideFile file: String, recording: Bool = GoldenFolder.isRecording) {
        self.init(url: URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(name), recording: recording)
    }

    public init(url: URL, recording: Bool = GoldenFolder.isRecording) {
        self.url = url
        self.recording = recording
    }

    public static var isRecording: Bool { ProcessInfo.processInfo.environment["CLARITY_RECORD_GOLDENS"] == "1" }

    /// Compares `actual` with the golden file `name`, recording an issue with a line diff when they differ.
    public func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = url.appendingPathComponent(name)
        let label = url.lastPathComponent + "/" + name
        if recording {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            let previous = FileManager.default.contents(atPath: file.path)
            try Data(actual.utf8).write(to: file)
            let change = previous == Data(actual.utf8) ? "unchanged" : previous == nil ? "new" : "changed"
            Issue.record(
                "recorded \(label) (\(change)) because CLARITY_RECORD_GOLDENS=1; review the diff, then run the test again without it",
                sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            Issue.record("no golden file \(label). Record it with CLARITY_RECORD_GOLDENS=1 and review it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard actual != expected else { return }
        Issue.record(
            """
            \(label) differs from the output (- golden, + actual):
            \(LineDiff.render(from: expected, to: actual))
            If the change is intended, re-record with CLARITY_RECORD_GOLDENS=1 and review the diff.
            """, sourceLocation: sourceLocation)
    }
}
