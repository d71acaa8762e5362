import ClarityMCP
import ClarityModel
import ClarityRender
import ClarityStore

/// The report pipelines as the MCP server's source of figures: the same code `weekly`, `monthly` and the release tables run.
struct PipelineReports: ReportSource {
    let store: MetricStore
    let project: ProjectInfo
    let settings: ReportSettings
    let releaseWindow: Int
    let templates: TemplateSet

    init(store: MetricStore, project: ProjectInfo, settings: ReportSettings, releaseWindow: Int, templates: TemplateSet) {
        self.store = store
        self.project = project
        self.settings = settings
        self.releaseWindow = releaseWindow
        self.templates = templates
    }

    init(store: MetricStore, loaded: LoadedConfiguration, templates: TemplateSet) {
        self.init(store: store, project: loaded.project, settings: loaded.reportSettings, releaseWindow: loaded.releaseWindow, templates: templates)
    }

    func weekly(_ week: ISOWeek?, settings: ReportSettings) throws -> WeeklyReport {
        try WeeklyPipeline.model(store: store, week: week, project: project, settings: settings, releaseWindow: releaseWindow)
    }

    func monthly(_ month: Month?, settings: ReportSettings) throws -> MonthlyReport {
        try MonthlyPipeline.model(store: store, month: month, project: project, settings: settings, releaseWindow: releaseWindow)
    }

    func releaseImpact(_ release: Release, asOf: Day) throws -> ReleaseImpact {
        let impacts = try ReleasePipeline.impacts(
            store: try store.frozen(), days: release.day...release.day, asOf: asOf, settings: settings,
            windowLength: releaseWindow)
        guard let impact = impacts.first(where: { $0.release.version == release.version }) else {
            throw ReportError.noData(period: release.version, hint: "the release is no longer recorded.")
        }
        return impact
    }
}
