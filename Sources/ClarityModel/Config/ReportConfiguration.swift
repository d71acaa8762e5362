/// The settings of `clarity-report.toml`, each with the default used when the file leaves it out.
public struct ReportConfiguration: Sendable, Equatable {
    public var project: Project
    public var report: Report
    public var email: Email
    public var fetch: Fetch
    public var alert: Alert

    public init(project: Project = Project(), report: Report = Report(), email: Email = Email(), fetch: Fetch = Fetch(), alert: Alert = Alert()) {
        self.project = project
        self.report = report
        self.email = email
        self.fetch = fetch
        self.alert = alert
    }

    /// The site the reports are about: `[project]`.
    public struct Project: Sendable, Equatable {
        /// The site's name in titles and email subjects; default "My site", on one line.
        public var name: String
        /// The site's base URL, only shown as text; default "".
        public var site: String

        public init(name: String = "My site", site: String = "") {
            self.name = name
            self.site = site
        }
    }

    /// How reports are computed and where their templates are: `[report]`.
    public struct Report: Sendable, Equatable {
        /// Segments with fewer sessions in a period are not compared; default 100, at least 1.
        public var minimumSessions: Int
        /// How many segments each ranking lists; default 5, from 1 to 50.
        public var topSegments: Int
        /// The days compared before and after a release; default 7, from 1 to 28.
        public var releaseWindowDays: Int
        /// A folder of template overrides, relative to the configuration file; default "": the built-in templates only.
        public var templates: String
        /// The p-value below which a change is called significant; default 0.05, above 0 and at most 0.5.
        public var significance: Double
        /// How the site's URLs fold into pages: `[report.urls]`.
        public var urls: URLNormalization

        public init(
            minimumSessions: Int = 100, topSegments: Int = 5, releaseWindowDays: Int = 7,
            templates: String = "", significance: Double = 0.05, urls: URLNormalization = URLNormalization()
        ) {
            self.urls = urls
            self.minimumSessions = minimumSessions
            self.topSegments = topSegments
            self.releaseWindowDays = releaseWindowDays
            self.templates = templates
            self.significance = significance
        }

        static let minimumSessionsRange = 1...Int.max
        static let topSegmentsRange = 1...50
        static let releaseWindowDaysRange = 1...28
    }

    /// Who receives the report by email, and how it is addressed: `[email]`.
    public struct Email: Sendable, Equatable {
        /// The recipients' addresses; default none.
        public var to: [String]
        /// Blind-copy recipients: in the SMTP envelope, never in the transmitted headers; default none.
        public var bcc: [String]
        /// The sender, such as `Reports <reports@example.com>`; default "".
        public var from: String
        /// The subject, where `{{project}}`, `{{week}}` and `{{headline}}` stand for the project name, the period and the week's headline; one line.
        public var subject: String
        /// The monthly summary's subject (`monthly --format eml`), where `{{month}}` stands for the month (`October 2026`)
        /// and `{{headline}}` for the one-sentence summary; one line.
        public var monthlySubject: String
        /// Where the HTML reports are published, for a "view in browser" link; default "" (no link).
        public var viewInBrowserBaseURL: String
        /// The server `send` and `weekly --send` submit to: `[email.smtp]`.
        public var smtp: SMTP

        public init(
            to: [String] = [], bcc: [String] = [], from: String = "", subject: String = "{{project}} weekly: {{headline}}",
            monthlySubject: String = "{{project}}, {{month}}: {{headline}}", viewInBrowserBaseURL: String = "", smtp: SMTP = SMTP()
        ) {
            self.monthlySubject = monthlySubject
            self.to = to
            self.bcc = bcc
            self.smtp = smtp
            self.from = from
            self.subject = subject
            self.viewInBrowserBaseURL = viewInBrowserBaseURL
        }
    }

    /// How the Data Export API is called: `[fetch]` and its plans in `[fetch.plans]`.
    public struct Fetch: Sendable, Equatable {
        /// The Data Export API address; default the Clarity live-insights endpoint.
        public var endpoint: String
        /// The file holding the API token, read by the fetch command; default "" (from the environment instead).
        public var tokenFile: String
        /// Requests allowed per day; default 10, the API's limit, from 1 to 10.
        public var dailyBudget: Int
        /// The name of the plan fetched each day; default "default".
        public var plan: String
        /// Each plan's requests in the order they are made; always holds the built-in "default" unless the file replaces it.
        public var plans: [String: [DimensionSet]]

        public init(
            endpoint: String = "https://www.clarity.ms/export-data/api/v1/project-live-insights", tokenFile: String = "",
            dailyBudget: Int = 10, plan: String = "default",
            plans: [String: [DimensionSet]] = ["default": Fetch.defaultPlan]
        ) {
            self.endpoint = endpoint
            self.tokenFile = tokenFile
            self.dailyBudget = dailyBudget
            self.plan = plan
            self.plans = plans
        }

        /// The requests of the chosen plan.
        public var requests: [DimensionSet] { plans[plan] ?? [] }

        /// The built-in plan: site totals, then the breakdowns the reports use most.
        public static let defaultPlan: [DimensionSet] = [
            .none, DimensionSet([.device]), DimensionSet([.browser]), DimensionSet([.os]), DimensionSet([.country]),
            DimensionSet([.source, .medium]), DimensionSet([.channel]), DimensionSet([.url]), DimensionSet([.device, .browser]),
        ]

        /// The most requests a plan may hold: the API answers ten a day.
        public static let maximumRequestsPerPlan = 10
        /// The most dimensions one request may break down by, as the API allows.
        public static let maximumDimensionsPerRequest = 3
        static let dailyBudgetRange = 1...10
    }
}
