import ClarityModel
import ClarityProcess
import ClarityStore
import Foundation
import Testing

@testable import ClarityApp

/// A scratch git repository with commits and tags at chosen instants.
struct ScratchRepository {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("clarity-git-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try git("init", "--quiet")
    }

    /// Runs git in the repository with a clean configuration; `at` sets the author, committer and tagger date.
    @discardableResult
    func git(_ arguments: String..., at instant: String? = nil) throws -> String {
        let arguments =
            [
                "-C", path, "-c", "user.name=Release Tests", "-c", "user.email=tests@example.com",
                "-c", "commit.gpgSign=false", "-c", "tag.gpgSign=false",
            ] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        if let instant {
            let date = "@\(Instant(iso: instant)!.seconds) +0000"
            environment["GIT_AUTHOR_DATE"] = date
            environment["GIT_COMMITTER_DATE"] = date
        }
        let run = try ExternalProgram.run(named: "git", arguments, environment: environment)
        guard run.succeeded else {
            throw GitTagError(message: "git \(arguments.joined(separator: " ")) failed: \(run.standardOutput)\(run.standardError)")
        }
        return run.standardOutput + run.standardError
    }

    func commit(_ message: String, at instant: String) throws {
        try message.write(toFile: (path as NSString).appendingPathComponent("CHANGES"), atomically: true, encoding: .utf8)
        try git("add", "CHANGES")
        try git("commit", "--quiet", "-m", message, at: instant)
    }
}

@Suite("The release command and the git tag import")
struct ReleaseCommandTests {
    func instant(_ text: String) -> Instant { Instant(iso: text)! }

    @Test("git tags import as releases with their creator dates; running again adds only new tags")
    func importTwice() throws {
        let repository = try ScratchRepository()
        try repository.commit("First shop", at: "2026-11-02T09:00:00Z")
        try repository.git("tag", "v1.0.0")  // lightweight: the commit's date
        try repository.commit("Gallery", at: "2026-11-09T10:00:00Z")
        try repository.git("tag", "-a", "v1.1.0", "-m", "Gallery redesign\n\nA longer body that is not the note.", at: "2026-11-09T14:30:00Z")
        try repository.git("tag", "docs-snapshot")
        let store = try MetricStore()

        let first = try ReleaseImport.run(try GitTags.read(repository: repository.path, matching: "v*"), into: store)
        #expect(
            first.added == [
                Release(version: "v1.0.0", instant: instant("2026-11-02T09:00:00Z"), note: "", source: .git),
                Release(version: "v1.1.0", instant: instant("2026-11-09T14:30:00Z"), note: "Gallery redesign", source: .git),
            ])
        #expect(first.line == "Imported from git: added 2, already known 0.")

        try repository.commit("Checkout", at: "2026-11-16T08:00:00Z")
        try repository.git("tag", "-a", "v1.2.0", "-m", "One-page checkout", at: "2026-11-17T07:45:00Z")
        let second = try ReleaseImport.run(try GitTags.read(repository: repository.path, matching: "v*"), into: store)
        #expect(second.added.map(\.version) == ["v1.2.0"])
        #expect(second.added.first?.instant == instant("2026-11-17T07:45:00Z"))
        #expect(second.line == "Imported from git: added 1, already known 2.")

        let everything = try ReleaseImport.run(try GitTags.read(repository: repository.path, matching: nil), into: store)
        #expect(everything.added.map(\.version) == ["docs-snapshot"])
        #expect(everything.alreadyKnown == 3)
        #expect(try store.releases().map(\.version) == ["v1.0.0", "docs-snapshot", "v1.1.0", "v1.2.0"])
    }

    @Test("a version recorded by hand is left as it was by an import")
    func manualWins() throws {
        let repository = try ScratchRepository()
        try repository.commit("First shop", at: "2026-11-02T09:00:00Z")
        try repository.git("tag", "v1.0.0")
        let store = try MetricStore()
        let manual = Release(version: "v1.0.0", instant: instant("2026-11-03T12:00:00Z"), note: "Went live a day late", source: .manual)
        try store.addRelease(manual)
        let outcome = try ReleaseImport.run(try GitTags.read(repository: repository.path, matching: nil), into: store)
        #expect(outcome.line == "Imported from git: added 0, already known 1.")
        #expect(try store.releases() == [manual])
    }

    @Test("a folder that is not a git repository is a clear error")
    func notARepository() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clarity-nogit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let error = #expect(throws: GitTagError.self) { try GitTags.read(repository: folder, matching: nil) }
        #expect(
            error?.description.hasPrefix("git could not list the tags of \(folder): fatal: not a git repository") == true,
            "\(String(describing: error))")
        #expect(error?.description.hasSuffix("Pass --repo with the path of the site's git checkout.") == true)
    }

    @Test("for-each-ref output parses oldest first, and a malformed line is an error")
    func parse() throws {
        let output = "v2\u{0}1794300000\u{0}tag\u{0}Second\nv1\u{0}1794200000\u{0}commit\u{0}Fix typo\n"
        let tags = try GitTags.parse(output)
        #expect(
            tags == [
                GitTag(name: "v1", instant: Instant(seconds: 1_794_200_000), subject: "Fix typo", isAnnotated: false),
                GitTag(name: "v2", instant: Instant(seconds: 1_794_300_000), subject: "Second", isAnnotated: true),
            ])
        #expect(throws: GitTagError.self) { try GitTags.parse("v1 1794200000\n") }
    }

    @Test("release add records 00:00 UTC for a date without a time; list shows aligned columns")
    func addAndList() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("clarity-release-\(UUID().uuidString).sqlite").path
        var add = try ClarityReportCommand.parseAsRoot(["release", "add", "2.4.0", "--date", "2026-11-09", "--note", "Gallery", "--store", path])
        try add.run()
        var addTimed = try ClarityReportCommand.parseAsRoot(["release", "add", "2.4.1", "--date", "2026-11-12T14:30Z", "--store", path])
        try addTimed.run()
        let releases = try MetricStore(path: path).releases()
        #expect(
            releases == [
                Release(version: "2.4.0", instant: instant("2026-11-09T00:00:00Z"), note: "Gallery", source: .manual),
                Release(version: "2.4.1", instant: instant("2026-11-12T14:30:00Z"), note: "", source: .manual),
            ])
        #expect(ReleaseText.table(releases) == "2026-11-09T00:00:00Z  2.4.0  manual  Gallery\n2026-11-12T14:30:00Z  2.4.1  manual")
        #expect(ReleaseText.table([]).hasPrefix("No releases recorded."))

        var duplicate = try ClarityReportCommand.parseAsRoot(["release", "add", "2.4.0", "--date", "2026-11-20", "--store", path])
        #expect(throws: ReleaseError.alreadyRecorded(releases[0])) { try duplicate.run() }
        var remove = try ClarityReportCommand.parseAsRoot(["release", "remove", "2.4.0", "--store", path])
        try remove.run()
        #expect(try MetricStore(path: path).releases().map(\.version) == ["2.4.1"])
    }

    @Test("release add refuses a bad date or version before touching the store")
    func validation() {
        #expect(throws: (any Error).self) { try ClarityReportCommand.parseAsRoot(["release", "add", "2.4.0", "--date", "9 Nov"]) }
        #expect(throws: (any Error).self) { try ClarityReportCommand.parseAsRoot(["release", "add", "2.4.0"]) }
        #expect(throws: (any Error).self) { try ClarityReportCommand.parseAsRoot(["release", "add", "two words", "--date", "2026-11-09"]) }
        let message = ClarityReportCommand.fullMessage(for: ReleaseError.unknownVersion("9"))
        #expect(message.contains("no release \"9\" is recorded"))
        do {
            _ = try ClarityReportCommand.parseAsRoot(["release", "add", "2.4.0", "--date", "2026-11-31"])
            Issue.record("Nov 31 was accepted")
        } catch {
            #expect(
                ClarityReportCommand.message(for: error)
                    == "--date \"2026-11-31\" is not a date; write it like 2026-11-09 (00:00 UTC) or 2026-11-09T14:30Z.")
        }
    }
}
