extension ReportConfiguration {
    /// The tables of the file and the keys each one knows, in the order the file is documented.
    static let knownKeys: [(table: String, keys: [String])] = [
        ("project", ["name", "site"]),
        ("report", ["minimum_sessions", "top_segments", "release_window_days", "templates", "significance"]),
        ("email", ["to", "from", "subject", "view_in_browser_base_url"]),
        ("fetch", ["endpoint", "token_file", "daily_budget", "plan", "plans"]),
    ]

    /// The keys a table of the file knows.
    static func keys(of table: String) -> [String] { knownKeys.first { $0.table == table }?.keys ?? [] }

    /// Parses and reads a configuration file's text.
    public init(parsing text: String, fileName: String = TOMLDocument.defaultFileName) throws(ConfigError) {
        try self.init(TOMLDocument(parsing: text, fileName: fileName))
    }

    /// Reads the settings of a parsed file, taking the default for every setting it leaves out.
    public init(_ document: TOMLDocument) throws(ConfigError) {
        self.init()
        let root = ConfigSection(table: document.root, path: [], fileName: document.fileName)
        try root.requireKnownKeys(Self.knownKeys.map(\.table), suggesting: Self.knownKeys)

        let project = try root.section("project")
        try project.requireKnownKeys(Self.keys(of: "project"))
        self.project.name = try project.headerString("name", default: self.project.name)
        self.project.site = try project.string("site", default: self.project.site)

        let report = try root.section("report")
        try report.requireKnownKeys(Self.keys(of: "report"))
        self.report.minimumSessions = try report.integer("minimum_sessions", default: self.report.minimumSessions,
                                                         in: Report.minimumSessionsRange)
        self.report.topSegments = try report.integer("top_segments", default: self.report.topSegments, in: Report.topSegmentsRange)
        self.report.releaseWindowDays = try report.integer("release_window_days", default: self.report.releaseWindowDays,
                                                           in: Report.releaseWindowDaysRange)
        self.report.templates = try report.string("templates", default: self.report.templates)
        self.report.significance = try report.double("significance", default: self.report.significance,
                                                     rule: "above 0 and at most 0.5") { $0 > 0 && $0 <= 0.5 }

        let email = try root.section("email")
        try email.requireKnownKeys(Self.keys(of: "email"))
        self.email.to = try email.strings("to", default: self.email.to)
        for (offset, address) in self.email.to.enumerated() {
            try email.requireOneLine(address, key: "to", what: "address \(offset + 1) of email.to")
        }
        self.email.from = try email.headerString("from", default: self.email.from)
        self.email.subject = try email.headerString("subject", default: self.email.subject)
        self.email.viewInBrowserBaseURL = try email.string("view_in_browser_base_url", default: self.email.viewInBrowserBaseURL)

        let fetch = try root.section("fetch")
        try fetch.requireKnownKeys(Self.keys(of: "fetch"))
        self.fetch.endpoint = try fetch.string("endpoint", default: self.fetch.endpoint)
        guard self.fetch.endpoint.hasPrefix("https://") || self.fetch.endpoint.hasPrefix("http://") else {
            throw fetch.error("endpoint", "fetch.endpoint \(TOMLValue.basicString(self.fetch.endpoint)) is not an http(s) address",
                              hint: "the default is \(Fetch().endpoint)")
        }
        self.fetch.tokenFile = try fetch.string("token_file", default: self.fetch.tokenFile)
        self.fetch.dailyBudget = try fetch.integer("daily_budget", default: self.fetch.dailyBudget, in: Fetch.dailyBudgetRange)
        let plans = try fetch.section("plans")
        for name in plans.table.keys {
            self.fetch.plans[name] = try plans.plan(name)
        }
        self.fetch.plan = try fetch.string("plan", default: self.fetch.plan)
        guard self.fetch.plans[self.fetch.plan] != nil else {
            let names = self.fetch.plans.keys.sorted().joined(separator: ", ")
            throw fetch.error("plan", "fetch.plan names \(TOMLValue.basicString(self.fetch.plan)), which is not a plan",
                              hint: "known plans are \(names); define more under [fetch.plans]")
        }
    }
}

extension ConfigSection {
    /// A plan under `[fetch.plans]`: distinct requests, each "" for the site totals or dimensions joined by "+" or ",".
    func plan(_ key: String) throws(ConfigError) -> [DimensionSet] {
        let requests = try strings(key, default: [])
        guard !requests.isEmpty else {
            throw error(key, "plan \(TOMLValue.basicString(key)) has no requests", hint: "list at least one, such as \"\" for the site totals")
        }
        guard requests.count <= ReportConfiguration.Fetch.maximumRequestsPerPlan else {
            throw error(key, "plan \(TOMLValue.basicString(key)) has \(requests.count) requests, but the API answers at most "
                        + "\(ReportConfiguration.Fetch.maximumRequestsPerPlan) a day", hint: "keep the ones the reports need most")
        }
        var plan: [DimensionSet] = []
        for request in requests {
            let quoted = TOMLValue.basicString(request)
            guard let dimensions = DimensionSet(key: request) else {
                let words = request.split { $0 == "+" || $0 == "," }.map { $0.trimmingWhitespace() }
                let unknown = words.first { Dimension(key: $0) == nil } ?? request
                let known = Dimension.allCases.map(\.name).joined(separator: ", ")
                throw error(key, "request \(quoted) of plan \(TOMLValue.basicString(key)) names an unknown dimension "
                            + TOMLValue.basicString(unknown), hint: "known dimensions are \(known), joined by \"+\"")
            }
            guard dimensions.dimensions.count <= ReportConfiguration.Fetch.maximumDimensionsPerRequest else {
                throw error(key, "request \(quoted) of plan \(TOMLValue.basicString(key)) has \(dimensions.dimensions.count) dimensions, "
                            + "but the API allows at most \(ReportConfiguration.Fetch.maximumDimensionsPerRequest)",
                            hint: "split it into smaller requests")
            }
            guard !plan.contains(dimensions) else {
                throw error(key, "plan \(TOMLValue.basicString(key)) makes the request \(TOMLValue.basicString(dimensions.key)) twice",
                            hint: "remove one of them")
            }
            plan.append(dimensions)
        }
        return plan
    }
}
