import ClarityProcess
import ClarityTestSupport
import Foundation
import Testing

/// The executable on its own, copied out of the repository and run from folders that hold nothing, as after `make install`.
@Suite("The binary alone", .serialized)
struct StandaloneBinaryTests {
    static let repository = URL(fileURLWithPath: repositoryTemplates).deletingLastPathComponent()

    /// A copy of the built executable in a scratch folder outside the repository, and an empty folder to run it from.
    static func copiedBinary(_ scratch: ScratchFolder) throws -> (tool: CommandLineTool, emptyFolder: String) {
        let copy = scratch.path("bin/clarity-report")
        try FileManager.default.createDirectory(atPath: scratch.path("bin"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: try CommandLineTool.built().url.path, toPath: copy)
        try FileManager.default.createDirectory(atPath: scratch.path("cron"), withIntermediateDirectories: true)
        return (CommandLineTool(url: URL(fileURLWithPath: copy)), scratch.path("cron"))
    }

    @Test("run from an empty folder, it writes every report with the built-in templates, the same bytes as from templates/")
    func writesEveryReportFromAnEmptyFolder() throws {
        let scratch = try ScratchFolder("standalone")
        let (tool, cron) = try Self.copiedBinary(scratch)
        let demo = try tool.run(["demo", "--out", "demo", "--reports", "reports"], in: cron)
        try #require(demo.status == 0, "\(demo)")
        let fromFiles = try tool.run(["demo", "--out", "demo-files", "--reports", "reports-files", "--templates", repositoryTemplates], in: cron)
        try #require(fromFiles.status == 0, "\(fromFiles)")
        let differences = try FileComparison.differences("\(cron)/reports-files", "\(cron)/reports")
        #expect(differences.isEmpty, "the built-in templates write other reports than templates/: \(differences.prefix(5))")
        #expect(FileManager.default.fileExists(atPath: "\(cron)/reports/weekly-2026-W47.eml"))

        let store = ["--store", "demo/clarity.sqlite"]
        var outputs: [String] = []
        for format in ["html", "md", "json", "eml"] {
            let address = ["--to", "team@example.com", "--from", "reports@example.com"]
            let run = try tool.run(
                ["weekly", "--format", format, "--out", "out/weekly.\(format)"] + store + (format == "eml" ? address : []), in: cron)
            #expect(run.status == 0, "\(run)")
            outputs.append("out/weekly.\(format)")
        }
        for format in ["html", "md", "json"] {
            let run = try tool.run(["monthly", "--format", format, "--out", "out/monthly.\(format)"] + store, in: cron)
            #expect(run.status == 0, "\(run)")
            outputs.append("out/monthly.\(format)")
        }
        let log = try tool.run(["log", "--dir", "out/log"] + store, in: cron)
        #expect(log.status == 0, "\(log)")
        outputs += ["out/log/2026-W47.md", "out/log/README.md"]
        for output in outputs {
            let size = (try? FileManager.default.attributesOfItem(atPath: "\(cron)/\(output)")[.size] as? Int) ?? 0
            #expect(size > 1_000 || output.hasSuffix("README.md") && size > 0, "\(output) was not written (\(size) bytes)")
        }
    }

    @Test("a missing override folder is an error naming the setting and every path tried")
    func missingOverrideFolder() throws {
        let scratch = try ScratchFolder("standalone-missing")
        let (tool, cron) = try Self.copiedBinary(scratch)
        try "[report]\ntemplates = \"site-templates\"\n".write(toFile: "\(cron)/clarity-report.toml", atomically: true, encoding: .utf8)
        let configured = try tool.run(["templates", "list"], in: cron)
        #expect(configured.status != 0)
        let cronPath = URL(fileURLWithPath: cron).resolvingSymlinksInPath().path
        #expect(
            configured.stderr.contains(
                "site-templates: the template override folder named by report.templates in clarity-report.toml does not exist (tried site-templates, \(cronPath)/site-templates)"
            ), "\(configured)")
        let option = try tool.run(["templates", "list", "--templates", "/nowhere/templates"], in: cron)
        #expect(option.status != 0)
        #expect(
            option.stderr.contains("/nowhere/templates: the template override folder named by --templates does not exist (tried /nowhere/templates)"),
            "\(option)")
    }

    @Test("templates export writes the built-in set, equal to templates/; an edited file overrides its built-in one and list shows it")
    func exportEditAndList() throws {
        let scratch = try ScratchFolder("standalone-export")
        let (tool, cron) = try Self.copiedBinary(scratch)
        let export = try tool.run(["templates", "export", "team-templates"], in: cron)
        try #require(export.status == 0, "\(export)")
        #expect(try FileComparison.differences(repositoryTemplates, "\(cron)/team-templates").isEmpty)
        let again = try tool.run(["templates", "export", "team-templates"], in: cron)
        #expect(again.status != 0 && again.stderr.contains("add --force"), "\(again)")

        try FileManager.default.removeItem(atPath: "\(cron)/team-templates/weekly.html.mustache")
        try "{{% CONTENT_TYPE: MARKDOWN }}\nOur own: {{period.label}}\n".write(
            toFile: "\(cron)/team-templates/weekly.md.mustache", atomically: true, encoding: .utf8)
        let list = try tool.run(["templates", "list", "--templates", "team-templates"], in: cron)
        #expect(list.status == 0, "\(list)")
        let lines = list.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Overrides: team-templates (named by --templates); templates it lacks are built in.")
        #expect(
            lines.contains { $0.hasPrefix("weekly --format html ") && $0.contains(" weekly.html.mustache ") && $0.hasSuffix(" built-in") },
            "\(list.stdout)")
        #expect(lines.contains { $0.hasPrefix("weekly --format md ") && $0.hasSuffix(" team-templates/weekly.md.mustache") }, "\(list.stdout)")
        #expect(lines.contains { $0.hasPrefix("partial ") && $0.hasSuffix(" team-templates/partials/weekly-kpis.md.mustache") }, "\(list.stdout)")
        #expect(
            lines.contains { $0.hasPrefix("partial ") && $0.hasSuffix(" team-templates/partials/weekly-title.html.mustache") }, "\(list.stdout)")
        #expect(
            lines.contains { $0.hasPrefix("monthly --format eml (HTML part) ") && $0.hasSuffix(" team-templates/monthly-email.html.mustache") },
            "\(list.stdout)")

        let builtIn = try tool.run(["templates", "list"], in: cron)
        #expect(builtIn.stdout.hasPrefix("Overrides: none"), "\(builtIn)")
        #expect(!builtIn.stdout.contains("team-templates"))
    }
}

/// Compares two folders file by file with `diff -r`, a reader independent of the code under test.
enum FileComparison {
    static func differences(_ expected: String, _ actual: String) throws -> [String] {
        try ExternalProgram.run("/usr/bin/diff", ["-rq", expected, actual]).standardOutput.split(separator: "\n").map(String.init)
    }
}
