import ArgumentParser

/// The `clarity-report` command: Microsoft Clarity exports in, reports out.
public struct ClarityReportCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "clarity-report",
        abstract: "Collect Microsoft Clarity Data Export responses into a local store and turn them into reports.",
        discussion: """
            Pull the API every day (or ingest saved responses) so the store accumulates history, then write the weekly \
            stakeholder report, the research log and the executive monthly summary from it.
            """,
        subcommands: [
            IngestCommand.self, FetchCommand.self, StatusCommand.self, WeeklyCommand.self, SendCommand.self, LogCommand.self,
            MonthlyCommand.self, ReleaseCommand.self, ConfigCommand.self, TemplatesCommand.self, DemoCommand.self,
            RawCommand.self, DoctorCommand.self, McpCommand.self, AlertCommand.self,
        ])

    @OptionGroup var global: GlobalOptions

    public init() {}
}
