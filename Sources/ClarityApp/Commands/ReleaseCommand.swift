import ArgumentParser
import ClarityModel
import ClarityProcess
import ClarityRender
import ClarityStore
import Foundation

/// `clarity-report release`: the registry of when versions of the site went live.
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Record when versions of the site went live, by hand or from git tags.",
        discussion: """
            Reports compare the days before a release with the days after it (the release day left out). Record a \
            release with `release add`, or import the tags of the site's git repository with `release import-git`; \
            importing again adds only tags not recorded yet.
            """,
        subcommands: [Add.self, List.self, Remove.self, ImportGit.self])

    /// `release add VERSION --date …`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a release by hand.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The version, e.g. 2.4.0.", valueName: "version"))
        var version: String

        @Option(name: .long, help: ArgumentHelp("When it went live, in UTC: 2026-11-09 (00:00 that day) or 2026-11-09T14:30Z.", valueName: "date"))
        var date: String

        @Option(name: .long, help: ArgumentHelp("What changed, in a few words.", valueName: "text"))
        var note = ""

        func validate() throws {
            if let problem = ReleaseText.versionProblem(version) { throw ValidationError(problem) }
            if Release.instant(parsing: date) == nil {
                throw ValidationError("--date \"\(date)\" is not a date; write it like 2026-11-09 (00:00 UTC) or 2026-11-09T14:30Z.")
            }
        }

        func run() throws {
            let release = Release(version: version, instant: Release.instant(parsing: date)!, note: note, source: .manual)
            try global.openStore().addRelease(release)
            Console.out("Recorded release \(release.version), live \(release.instant.iso) (\(release.day.weekdayName) \(release.day.shortLabel)).")
        }
    }

    /// `release list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Show the recorded releases, earliest first.")

        @OptionGroup var global: GlobalOptions

        @Flag(name: .long, help: "Print the releases as JSON.")
        var json = false

        func run() throws {
            let releases = try global.openStoreForReading().releases()
            Console.out(json ? String(try TemplateContext.json(releases).dropLast()) : ReleaseText.table(releases))
        }
    }

    /// `release remove VERSION`.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Forget a recorded release.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The version to forget.", valueName: "version"))
        var version: String

        func run() throws {
            let removed = try global.openStore().removeRelease(version: version)
            Console.out("Removed release \(removed.version) (live \(removed.instant.iso), \(removed.source.rawValue)).")
        }
    }

    /// `release import-git`.
    struct ImportGit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-git",
            abstract: "Record the tags of a git repository as releases.",
            discussion: """
                Annotated and lightweight tags are read with `git for-each-ref`; a tag's date is its creator date (the \
                tagger date of an annotated tag, the commit date of a lightweight one), and an annotated tag's message \
                subject becomes the note. Tags whose version is recorded already are left as they are, so running it \
                again adds only new tags.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(name: .long, help: ArgumentHelp("The git repository (default: the current directory).", valueName: "dir"))
        var repo = "."

        @Option(name: .long, help: ArgumentHelp("Only tags whose name matches this glob, e.g. 'v*'.", valueName: "glob"))
        var match: String?

        func validate() throws {
            if let match, match.isEmpty { throw ValidationError("--match is empty; give a glob such as 'v*', or leave it out for every tag.") }
        }

        func run() throws {
            let tags = try GitTags.read(repository: repo, matching: match)
            let outcome = try ReleaseImport.run(tags, into: global.openStore())
            for release in outcome.added { Console.out("added \(release.version) (\(release.instant.iso))") }
            if tags.isEmpty {
                Console.out("No tags in \(repo)\(match.map { " matching \($0)" } ?? "").")
            }
            Console.out(outcome.line)
        }
    }
}

/// The release registry in words.
enum ReleaseText {
    /// Why a version cannot be recorded, or nil when it can.
    static func versionProblem(_ version: String) -> String? {
        if version.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return "the version is empty; give it like 2.4.0." }
        if version.unicodeScalars.contains(where: { CharacterSet.whitespacesAndNewlines.contains($0) || CharacterSet.controlCharacters.contains($0) })
        {
            return "the version \"\(version)\" contains spaces or control characters; give it like 2.4.0 (put words in --note)."
        }
        return nil
    }

    /// One line per release: instant, version, source and note, in aligned columns.
    static func table(_ releases: [Release]) -> String {
        guard !releases.isEmpty else {
            return
                "No releases recorded. Add one with `clarity-report release add VERSION --date YYYY-MM-DD`, or import tags with `clarity-report release import-git`."
        }
        let width = releases.map(\.version.count).max()!
        return releases.map { release in
            let version = release.version + String(repeating: " ", count: width - release.version.count)
            let source = release.source.rawValue + String(repeating: " ", count: 6 - release.source.rawValue.count)
            return "\(release.instant.iso)  \(version)  \(source)  \(release.note)".trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}

/// A tag of a git repository: its name, creator date and, for an annotated tag, its message subject.
struct GitTag: Equatable {
    let name: String
    let instant: Instant
    let subject: String
    let isAnnotated: Bool
}

/// Why tags could not be read from git.
struct GitTagError: Error, CustomStringConvertible {
    let message: String

    var description: String { message }
}

/// Reads the tags of a git repository with `git for-each-ref`.
enum GitTags {
    /// Name, creator date (Unix seconds), object type and subject, separated by NUL.
    static let format = "%(refname:lstrip=2)%00%(creatordate:unix)%00%(objecttype)%00%(contents:subject)"

    /// Every tag of the repository (or those whose name matches a glob), oldest first.
    static func read(repository: String, matching glob: String?) throws -> [GitTag] {
        let run: ExternalProgram.Output
        do {
            run = try ExternalProgram.run(
                named: "git", ["-C", repository, "for-each-ref", "--format=\(format)", glob.map { "refs/tags/\($0)" } ?? "refs/tags"])
        } catch {
            throw GitTagError(
                message: "cannot run git (\(error.localizedDescription)). Install git, or record releases with `clarity-report release add`.")
        }
        let text = run.standardOutput
        let problem = run.standardError.trimmingCharacters(in: .whitespacesAndNewlines)
        guard run.succeeded else {
            throw GitTagError(
                message:
                    "git could not list the tags of \(repository): \(problem.isEmpty ? "exit status \(run.status)" : problem). Pass --repo with the path of the site's git checkout."
            )
        }
        return try parse(text)
    }

    /// Parses `for-each-ref` output in `format`, oldest tag first, tags of the same second by name.
    static func parse(_ output: String) throws -> [GitTag] {
        try output.split(separator: "\n").map { line in
            let fields = line.split(separator: "\0", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, let seconds = Int64(fields[1]) else {
                throw GitTagError(message: "unexpected line from git for-each-ref: \(line.replacingOccurrences(of: "\0", with: " | "))")
            }
            return GitTag(name: String(fields[0]), instant: Instant(seconds: seconds), subject: String(fields[3]), isAnnotated: fields[2] == "tag")
        }.sorted { ($0.instant, $0.name) < ($1.instant, $1.name) }
    }
}

/// What one import of git tags did.
struct ReleaseImport: Equatable {
    var added: [Release] = []
    var alreadyKnown = 0

    /// `Imported from git: added 2, already known 3.`
    var line: String { "Imported from git: added \(added.count), already known \(alreadyKnown)." }

    /// Records every tag not recorded yet; an annotated tag's subject becomes the note.
    static func run(_ tags: [GitTag], into store: MetricStore) throws -> ReleaseImport {
        var outcome = ReleaseImport()
        for tag in tags {
            let release = Release(version: tag.name, instant: tag.instant, note: tag.isAnnotated ? tag.subject : "", source: .git)
            if try store.addReleaseIfMissing(release) {
                outcome.added.append(release)
            } else {
                outcome.alreadyKnown += 1
            }
        }
        return outcome
    }
}
