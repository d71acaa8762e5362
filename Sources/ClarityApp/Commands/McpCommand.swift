import ArgumentParser
import ClarityMCP

/// `clarity-report mcp`: the store's history for AI assistants, over the Model Context Protocol on standard input and output.
struct McpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve the store to AI assistants over the Model Context Protocol (stdio), read-only.",
        discussion: """
            An assistant (Claude Desktop, VS Code, Cursor, …) starts this command and talks JSON-RPC on its standard input and \
            output. It offers the tools coverage, kpis, series, segments, breakdown, releases, release_impact and report, the \
            latest weekly and monthly Markdown as resources, and a weekly_review prompt. The store is opened read-only; figures \
            come from the same pipelines as the reports. Messages go to standard error only.
            """)

    @OptionGroup var global: GlobalOptions

    @OptionGroup var templateOptions: TemplateOptions

    func run() async throws {
        let loaded = try global.loadConfiguration()
        let store = try global.openStoreForReading()
        let source = PipelineReports(store: store, loaded: loaded, templates: try templateOptions.templateSet(configuration: loaded))
        Console.error("clarity-report mcp: serving \(global.storePath) read-only on stdin/stdout")
        try await ClarityServer(source: source, version: "1").serveStandardIO()
    }
}
