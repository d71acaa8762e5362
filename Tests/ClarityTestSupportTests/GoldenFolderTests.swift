import ClarityModel
import ClarityTestSupport
import Foundation
import Testing

@Suite("Golden files")
struct GoldenFolderTests {
    @Test("Recording writes the file and fails the test, saying so")
    func recordingFails() throws {
        let scratch = try ScratchFolder("golden")
        let folder = GoldenFolder(url: scratch.url.appendingPathComponent("Golden"), recording: true)
        withKnownIssue {
            try? folder.check("one\ntwo\n", "page.html")
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("recorded Golden/page.html (new) because CLARITY_RECORD_GOLDENS=1") }
        }
        #expect(try String(contentsOf: folder.url.appendingPathComponent("page.html"), encoding: .utf8) == "one\ntwo\n")
        let comparing = GoldenFolder(url: folder.url, recording: false)
        try comparing.check("one\ntwo\n", "page.html")
    }

    @Test("A difference fails with a line diff of every changed place, not only the first")
    func differenceShowsDiff() throws {
        let scratch = try ScratchFolder("golden")
        let golden = (1...40).map { "line \($0)" }.joined(separator: "\n")
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("Golden"), withIntermediateDirectories: true)
        try Data(golden.utf8).write(to: scratch.url.appendingPathComponent("Golden/page.txt"))
        let actual = golden.replacingOccurrences(of: "line 3\n", with: "line three\n").replacingOccurrences(of: "line 30\n", with: "")
        let folder = GoldenFolder(url: scratch.url.appendingPathComponent("Golden"), recording: false)
        withKnownIssue {
            try? folder.check(actual, "page.txt")
        } matching: { issue in
            let text = issue.comments.map(\.rawValue).joined()
            return text.contains("-line 3\n+line three") && text.contains("-line 30") && text.contains("@@ -1 +1 @@")
                && text.contains("@@ -28 +28 @@") && !text.contains("line 15")
        }
        withKnownIssue {
            try? folder.check(actual, "missing.txt")
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("no golden file Golden/missing.txt") }
        }
    }

    @Test("The line diff marks insertions, removals and context in order")
    func lineDiff() {
        let diff = LineDiff.render(from: "a\nb\nc\nd\ne\nf\ng\nh", to: "a\nb\nC\nd\ne\nf\ng\nh\ni", context: 1)
        #expect(diff == "@@ -2 +2 @@\n b\n-c\n+C\n d\n@@ -8 +8 @@\n h\n+i")
        #expect(LineDiff.render(from: "same", to: "same").isEmpty)
    }
}

@Suite("Seeded random")
struct SeededRandomTests {
    @Test("SplitMix64 gives the published sequence for seed 0, so a failing seed replays anywhere")
    func splitMix() {
        var generator = SplitMix64(seed: 0)
        #expect([generator.next(), generator.next(), generator.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }
}
