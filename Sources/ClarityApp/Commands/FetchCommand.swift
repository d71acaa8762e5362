import ArgumentParser
import ClarityFetch
import ClarityModel
import ClarityStore
import Foundation

/// `clarity-report fetch`: the daily pull, made to run from cron.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Pull today's responses from the Clarity Data Export API within the daily request budget.",
        discussion: """
            The token comes from --token-file (readable by its owner only) or $CLARITY_API_TOKEN; it is never printed or stored. \
            Every response is stored raw, then ingested like `ingest` does. Exit codes: 0 all done, 3 partly done, 4 nothing fetched, \
            1 an error before any request (token, plan, endpoint, store).
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The plan to run, from the configuration file (default: its fetch.plan).", valueName: "name"))
    var plan: String?

    @Option(name: .customLong("token-file"), help: ArgumentHelp("A file holding the API token, readable by its owner only.", valueName: "path"))
    var tokenFile: String?

    @Option(name: .long, help: ArgumentHelp("The API endpoint (default: the configuration's, else Clarity's).", valueName: "url"))
    var endpoint: String?

    @Flag(name: .customLong("dry-run"), help: "Print the plan and the budget left today; make no request.")
    var dryRun = false

    func run() async throws {
        let loaded = try global.loadConfiguration()
        let settings = loaded.configuration.fetch
        let planName = plan ?? settings.plan
        guard let dimensions = settings.plans[planName] else {
            throw ValidationError("no plan named \"\(planName)\"; the configuration has \(settings.plans.keys.sorted().joined(separator: ", ")).")
        }
        let fetchPlan = try FetchPlan(name: planName, requests: dimensions.map { try FetchRequest($0.dimensions) })
        let endpointText = endpoint ?? settings.endpoint
        guard let endpointURL = URL(string: endpointText), endpointURL.scheme != nil else {
            throw ValidationError("--endpoint \"\(endpointText)\" is not a URL.")
        }
        let store = try global.openStore()
        if dryRun {
            Console.out(try DailyFetch.dryRun(plan: fetchPlan, store: store, endpoint: endpointURL, clock: ClarityFetch.SystemClock()))
            return
        }
        let tokenPath = tokenFile ?? (settings.tokenFile.isEmpty ? nil : loaded.resolve(settings.tokenFile))
        let token = try APIToken.load(file: tokenPath, environment: ProcessInfo.processInfo.environment)
        let report = try await DailyFetch.run(
            plan: fetchPlan, store: store, transport: URLSessionTransport(), token: token, endpoint: endpointURL,
            clock: ClarityFetch.SystemClock(), sleeper: TaskSleeper(), log: { Console.out($0) })
        Console.out(report.summary)
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
