import ArgumentParser
import ClarityModel
import ClarityStore

extension ISOWeek: ExpressibleByArgument {
    /// Parses `2026-W47` on the command line.
    public init?(argument: String) { self.init(label: argument) }

    /// Parses `--week`, refusing anything else with what to write instead.
    static func option(_ argument: String) throws -> ISOWeek {
        guard let week = ISOWeek(argument: argument) else {
            throw ValidationError("--week \"\(argument)\" is not an ISO week; write it like 2026-W47 (weeks run 01 to 52 or 53).")
        }
        return week
    }
}

extension Month: ExpressibleByArgument {
    /// Parses `2026-11` on the command line.
    public init?(argument: String) { self.init(label: argument) }

    /// Parses `--month`, refusing anything else with what to write instead.
    static func option(_ argument: String) throws -> Month {
        guard let month = Month(argument: argument) else {
            throw ValidationError("--month \"\(argument)\" is not a month; write it like 2026-11.")
        }
        return month
    }
}

/// `--week` of the commands that report on one week (`weekly`, `log`), and the model they read.
struct WeekOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("The ISO week, e.g. 2026-W47 (default: the last complete week in the store).", valueName: "week"),
        transform: ISOWeek.option)
    var week: ISOWeek?

    /// The configuration, the store and the week's report model.
    func load(_ global: GlobalOptions) throws -> (loaded: LoadedConfiguration, store: MetricStore, report: WeeklyReport) {
        let loaded = try global.loadConfiguration()
        let store = try global.openStoreForReading()
        let report = try WeeklyPipeline.model(
            store: store, week: week, project: loaded.project, settings: loaded.reportSettings,
            releaseWindow: loaded.releaseWindow)
        return (loaded, store, report)
    }
}

/// `--month` of the monthly summary, and the model it reads.
struct MonthOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("The month, e.g. 2026-11 (default: the last complete month in the store).", valueName: "month"),
        transform: Month.option)
    var month: Month?

    /// The configuration and the month's report model.
    func load(_ global: GlobalOptions) throws -> (loaded: LoadedConfiguration, store: MetricStore, report: MonthlyReport) {
        let loaded = try global.loadConfiguration()
        let store = try global.openStoreForReading()
        let report = try MonthlyPipeline.model(
            store: store, month: month, project: loaded.project, settings: loaded.reportSettings,
            releaseWindow: loaded.releaseWindow)
        return (loaded, store, report)
    }
}
