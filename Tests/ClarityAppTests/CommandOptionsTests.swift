import ArgumentParser
import ClarityModel
import Testing

@testable import ClarityApp

/// The options `weekly`, `log`, `monthly` and `raw` share: one parser per domain type, one `--out`, one `--format`.
@Suite("Shared command options")
struct CommandOptionsTests {
    @Test("--week parses into an ISOWeek for weekly and log alike, and a bad week names what to write")
    func week() throws {
        #expect(try WeeklyCommand.parse(["--week", "2026-W47"]).period.week == ISOWeek(label: "2026-W47"))
        #expect(try LogCommand.parse(["--week", "2020-W53"]).period.week == ISOWeek(label: "2020-W53"))
        #expect(try WeeklyCommand.parse([]).period.week == nil)
        for command in [WeeklyCommand.self, LogCommand.self] as [any ParsableCommand.Type] {
            #expect {
                _ = try command.parseAsRoot(["--week", "2026-W99"])
            } throws: { error in
                command.message(for: error).contains("--week \"2026-W99\" is not an ISO week; write it like 2026-W47")
            }
        }
        #expect(ISOWeek(argument: "2026-W47") == ISOWeek(label: "2026-W47") && ISOWeek(argument: "2026-47") == nil)
    }

    @Test("--month parses into a Month, and a bad month names what to write")
    func month() throws {
        #expect(try MonthlyCommand.parse(["--month", "2026-10"]).period.month == Month(label: "2026-10"))
        #expect(Month(argument: "2026-13") == nil)
        #expect {
            _ = try MonthlyCommand.parseAsRoot(["--month", "2026-13"])
        } throws: { error in
            MonthlyCommand.message(for: error).contains("--month \"2026-13\" is not a month; write it like 2026-11.")
        }
    }

    @Test("--format and --out come from the shared groups, with each command's own formats and default")
    func formatAndOut() throws {
        let weekly = try WeeklyCommand.parse(["--format", "eml", "--out", "w.eml"])
        #expect(weekly.format == .eml && weekly.output.out == "w.eml")
        #expect(try WeeklyCommand.parse([]).format == .html)
        let monthly = try MonthlyCommand.parse(["--format", "pdf"])
        #expect(monthly.formatOptions.format == .pdf && monthly.output.out == nil)
        #expect(try MonthlyCommand.parse(["--format", "eml"]).format == .eml)
        #expect(throws: (any Error).self) { try MonthlyCommand.parse(["--format", "docx"]) }
        #expect(throws: (any Error).self) { try WeeklyCommand.parse(["--format", "pdf"]) }
        #expect(try RawCommand.parse(["7", "--out", "r.json"]).output.out == "r.json")
    }
}
