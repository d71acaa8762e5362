extension ReportConfiguration {
    /// The tables of the file and the keys each one knows, in the order the file is documented.
    static let knownKeys: [(table: String, keys: [String])] = [
        ("project", ["name", "site"]),
        ("report", ["minimum_sessions", "top_segments", "release_window_days", "templates", "significance", "urls"]),
        ("report.urls", ["keep_query", "patterns"]),
        ("email", ["to", "bcc", "from", "subject", "monthly_subject", "view_in_browser_base_url", "smtp"]),
        ("email.smtp", ["host", "port", "security", "username", "password_file", "ca_file", "timeout", "retries", "retry_delay", "outbox"]),
        ("fetch", ["endpoint", "token_file", "daily_budget", "plan", "plans"]),
        ("alert", ["significance", "baseline_days", "webhook_file", "webhook_kind", "retries", "retry_delay"]),
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
        try root.requireKnownKeys(Self.knownKeys.map(\.table).filter { !$0.contains(".") }, suggesting: Self.knownKeys)

        let project = try root.section("project")
        try project.requireKnownKeys(Self.keys(of: "project"))
        self.project.name = try project.headerString("name", default: self.project.name)
        self.project.site = try project.string("site", default: self.project.site)

        let report = try root.section("report")
        try report.requireKnownKeys(Self.keys(of: "report"))
        self.report.minimumSessions = try report.integer(
            "minimum_sessions", default: self.report.minimumSessions,
            in: Report.minimumSessionsRange)
        self.report.topSegments = try report.integer("top_segments", default: self.report.topSegments, in: Report.topSegmentsRange)
        self.report.releaseWindowDays = try report.integer(
            "release_window_days", default: self.report.releaseWindowDays,
            in: Report.releaseWindowDaysRange)
        self.report.templates = try report.string("templates", default: self.report.templates)
        self.report.significance = try report.double(
            "significance", default: self.report.significance,
            rule: "above 0 and at most 0.5"
        ) { $0 > 0 && $0 <= 0.5 }
        self.report.urls = try report.section("urls").urlNormalization()

        let email = try root.section("email")
        try email.requireKnownKeys(Self.keys(of: "email"))
        self.email.to = try email.strings("to", default: self.email.to)
        for (offset, address) in self.email.to.enumerated() {
            try email.requireOneLine(address, key: "to", what: "address \(offset + 1) of email.to")
        }
        self.email.bcc = try email.strings("bcc", default: self.email.bcc)
        for (offset, address) in self.email.bcc.enumerated() {
            try email.requireOneLine(address, key: "bcc", what: "address \(offset + 1) of email.bcc")
        }
        self.email.from = try email.headerString("from", default: self.email.from)
        self.email.subject = try email.headerString("subject", default: self.email.subject)
        self.email.monthlySubject = try email.headerString("monthly_subject", default: self.email.monthlySubject)
        self.email.viewInBrowserBaseURL = try email.string("view_in_browser_base_url", default: self.email.viewInBrowserBaseURL)
        self.email.smtp = try email.section("smtp").smtp()

        self.alert = try root.section("alert").alert()

        let fetch = try root.section("fetch")
        try fetch.requireKnownKeys(Self.keys(of: "fetch"))
        self.fetch.endpoint = try fetch.string("endpoint", default: self.fetch.endpoint)
        guard self.fetch.endpoint.hasPrefix("https://") || self.fetch.endpoint.hasPrefix("http://") else {
            throw fetch.error(
                "endpoint", "fetch.endpoint \(TOMLValue.basicString(self.fetch.endpoint)) is not an http(s) address",
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
            throw fetch.error(
                "plan", "fetch.plan names \(TOMLValue.basicString(self.fetch.plan)), which is not a plan",
                hint: "known plans are \(names); define more under [fetch.plans]")
        }
    }
}

extension ConfigSection {
    /// The `[report.urls]` settings: query parameters to keep, and path patterns under `[report.urls.patterns]`.
    func urlNormalization() throws(ConfigError) -> URLNormalization {
        try requireKnownKeys(ReportConfiguration.keys(of: "report.urls"))
        var rules = URLNormalization()
        rules.keepQuery = try strings("keep_query", default: [])
        for (offset, name) in rules.keepQuery.enumerated() {
            guard !name.isEmpty, !name.contains(where: { "&=?#".contains($0) || $0.isWhitespace }) else {
                throw error(
                    "keep_query",
                    "element \(offset + 1) of \(self.name("keep_query")), \(TOMLValue.basicString(name)), is not a query parameter name",
                    hint: "write the names alone, such as [\"page\", \"lang\"]")
            }
            guard !URLNormalization.isTracking(name) else {
                throw error(
                    "keep_query", "\(self.name("keep_query")) names \(TOMLValue.basicString(name)), a tracking id that is always dropped",
                    hint: "remove it: utm_*, fbclid, gclid, msclkid and the other tracking ids never tell pages apart")
            }
        }
        let patterns = try section("patterns")
        for pattern in patterns.table.keys {
            let replacement = try patterns.string(pattern, default: "")
            guard pattern.hasPrefix("/"), pattern == "/" || !pattern.hasSuffix("/"), !pattern.contains(where: { "?#".contains($0) }) else {
                throw patterns.error(
                    pattern, "URL pattern \(TOMLValue.basicString(pattern)) is not a path",
                    hint:
                        "write a path from its first \"/\", without a trailing slash, query or fragment, with * for one segment: \"/product/*\" = \"/product/:id\""
                )
            }
            guard replacement.hasPrefix("/") else {
                throw patterns.error(
                    pattern, "the page for URL pattern \(TOMLValue.basicString(pattern)) is \(TOMLValue.basicString(replacement)), not a path",
                    hint: "write the path the matching URLs are grouped under, such as \"/product/:id\"")
            }
            rules.patterns.append(URLPattern(pattern: pattern, replacement: replacement))
        }
        return rules
    }

    /// The `[email.smtp]` settings, each checked so that a mistake shows before any connection.
    func smtp() throws(ConfigError) -> ReportConfiguration.Email.SMTP {
        typealias SMTP = ReportConfiguration.Email.SMTP
        try requireKnownKeys(ReportConfiguration.keys(of: "email.smtp"))
        let defaults = SMTP()
        var smtp = defaults
        smtp.host = try string("host", default: defaults.host)
        guard
            smtp.host.unicodeScalars.allSatisfy({
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || ".-:".unicodeScalars.contains($0)
            })
        else {
            throw error(
                "host", "\(name("host")) \(TOMLValue.basicString(smtp.host)) is not a host name or address",
                hint: "write the server's name or IP address alone, such as \"smtp.example.com\", with the port in email.smtp.port")
        }
        let securityText = try string("security", default: defaults.security.rawValue)
        guard let security = SMTP.Security(rawValue: securityText) else {
            throw error(
                "security", "\(name("security")) is \(TOMLValue.basicString(securityText)), which is not a security setting",
                hint: "write \"starttls\", \"tls\" or \"none\" (none only for a server on this machine)")
        }
        smtp.security = security
        guard security != .none || smtp.host.isEmpty || smtp.isLoopback else {
            throw error(
                "security",
                "\(name("security")) is \"none\" but the host \(TOMLValue.basicString(smtp.host)) is not this machine; "
                    + "the password and the report would cross the network unencrypted",
                hint: "use \"starttls\" or \"tls\"; \"none\" is only for localhost, 127.0.0.1 or ::1")
        }
        smtp.port = try integer("port", default: security.defaultPort, in: SMTP.portRange)
        smtp.username = try headerString("username", default: defaults.username)
        smtp.passwordFile = try string("password_file", default: defaults.passwordFile)
        smtp.caFile = try string("ca_file", default: defaults.caFile)
        smtp.timeout = try integer("timeout", default: defaults.timeout, in: SMTP.timeoutRange)
        smtp.retries = try integer("retries", default: defaults.retries, in: SMTP.retriesRange)
        smtp.retryDelay = try integer("retry_delay", default: defaults.retryDelay, in: SMTP.retryDelayRange)
        smtp.outbox = try string("outbox", default: defaults.outbox)
        guard !smtp.outbox.isEmpty else {
            throw error("outbox", "\(name("outbox")) is empty", hint: "name the folder undelivered messages wait in, such as \"outbox\"")
        }
        return smtp
    }

    /// A plan under `[fetch.plans]`: distinct requests, each "" for the site totals or dimensions joined by "+" or ",".
    func plan(_ key: String) throws(ConfigError) -> [DimensionSet] {
        let requests = try strings(key, default: [])
        guard !requests.isEmpty else {
            throw error(key, "plan \(TOMLValue.basicString(key)) has no requests", hint: "list at least one, such as \"\" for the site totals")
        }
        guard requests.count <= ReportConfiguration.Fetch.maximumRequestsPerPlan else {
            throw error(
                key,
                "plan \(TOMLValue.basicString(key)) has \(requests.count) requests, but the API answers at most "
                    + "\(ReportConfiguration.Fetch.maximumRequestsPerPlan) a day", hint: "keep the ones the reports need most")
        }
        var plan: [DimensionSet] = []
        for request in requests {
            let quoted = TOMLValue.basicString(request)
            guard let dimensions = DimensionSet(key: request) else {
                let words = request.split { $0 == "+" || $0 == "," }.map { $0.trimmingWhitespace() }
                let unknown = words.first { Dimension(key: $0) == nil } ?? request
                let known = Dimension.allCases.map(\.name).joined(separator: ", ")
                throw error(
                    key,
                    "request \(quoted) of plan \(TOMLValue.basicString(key)) names an unknown dimension "
                        + TOMLValue.basicString(unknown), hint: "known dimensions are \(known), joined by \"+\"")
            }
            guard dimensions.dimensions.count <= ReportConfiguration.Fetch.maximumDimensionsPerRequest else {
                throw error(
                    key,
                    "request \(quoted) of plan \(TOMLValue.basicString(key)) has \(dimensions.dimensions.count) dimensions, "
                        + "but the API allows at most \(ReportConfiguration.Fetch.maximumDimensionsPerRequest)",
                    hint: "split it into smaller requests")
            }
            guard !plan.contains(dimensions) else {
                throw error(
                    key, "plan \(TOMLValue.basicString(key)) makes the request \(TOMLValue.basicString(dimensions.key)) twice",
                    hint: "remove one of them")
            }
            plan.append(dimensions)
        }
        return plan
    }
}
