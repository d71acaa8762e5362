import ClarityModel
import ClarityRender
import ClarityStore

/// Where the server's figures come from: the store, opened read-only, and the same pipelines the report commands run.
public protocol ReportSource: Sendable {
    var store: MetricStore { get }
    var project: ProjectInfo { get }
    var settings: ReportSettings { get }
    var templates: TemplateSet { get }
    /// The weekly report's model, as `weekly --format json` prints it with these settings.
    func weekly(_ week: ISOWeek?, settings: ReportSettings) throws -> WeeklyReport
    /// The monthly report's model, as `monthly --format json` prints it with these settings.
    func monthly(_ month: Month?, settings: ReportSettings) throws -> MonthlyReport
    /// A release's before/after comparison, measured as the reports measure it, with the days up to `asOf`.
    func releaseImpact(_ release: Release, asOf: Day) throws -> ReleaseImpact
}
