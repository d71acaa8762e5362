extension ReportConfiguration {
    /// The effective settings as a TOML document, every setting present, in the order the file is documented.
    public var tomlDocument: TOMLDocument {
        var project = TOMLTable()
        project.set(.string(self.project.name), for: "name")
        project.set(.string(self.project.site), for: "site")

        var report = TOMLTable()
        report.set(.integer(self.report.minimumSessions), for: "minimum_sessions")
        report.set(.integer(self.report.topSegments), for: "top_segments")
        report.set(.integer(self.report.releaseWindowDays), for: "release_window_days")
        report.set(.string(self.report.templates), for: "templates")
        report.set(.float(self.report.significance), for: "significance")
        var urls = TOMLTable()
        urls.set(.array(self.report.urls.keepQuery.map(TOMLValue.string)), for: "keep_query")
        var patterns = TOMLTable()
        for pattern in self.report.urls.patterns { patterns.set(.string(pattern.replacement), for: pattern.pattern) }
        urls.set(.table(patterns), for: "patterns")
        report.set(.table(urls), for: "urls")

        var email = TOMLTable()
        email.set(.array(self.email.to.map(TOMLValue.string)), for: "to")
        email.set(.array(self.email.bcc.map(TOMLValue.string)), for: "bcc")
        email.set(.string(self.email.from), for: "from")
        email.set(.string(self.email.subject), for: "subject")
        email.set(.string(self.email.monthlySubject), for: "monthly_subject")
        email.set(.string(self.email.viewInBrowserBaseURL), for: "view_in_browser_base_url")
        let settings = self.email.smtp
        var smtp = TOMLTable()
        smtp.set(.string(settings.host), for: "host")
        smtp.set(.integer(settings.port), for: "port")
        smtp.set(.string(settings.security.rawValue), for: "security")
        smtp.set(.string(settings.username), for: "username")
        smtp.set(.string(settings.passwordFile), for: "password_file")
        smtp.set(.string(settings.caFile), for: "ca_file")
        smtp.set(.integer(settings.timeout), for: "timeout")
        smtp.set(.integer(settings.retries), for: "retries")
        smtp.set(.integer(settings.retryDelay), for: "retry_delay")
        smtp.set(.string(settings.outbox), for: "outbox")
        email.set(.table(smtp), for: "smtp")

        var plans = TOMLTable()
        for (name, requests) in self.fetch.plans.sorted(by: { $0.key < $1.key }) {
            plans.set(.array(requests.map { .string($0.key) }), for: name)
        }
        var fetch = TOMLTable()
        fetch.set(.string(self.fetch.endpoint), for: "endpoint")
        fetch.set(.string(self.fetch.tokenFile), for: "token_file")
        fetch.set(.integer(self.fetch.dailyBudget), for: "daily_budget")
        fetch.set(.string(self.fetch.plan), for: "plan")
        fetch.set(.table(plans), for: "plans")

        var root = TOMLTable()
        root.set(.table(project), for: "project")
        root.set(.table(report), for: "report")
        root.set(.table(email), for: "email")
        root.set(.table(fetch), for: "fetch")
        root.set(.table(alert.tomlTable), for: "alert")
        return TOMLDocument(root: root)
    }

    /// The effective settings as the text of a configuration file, the same for the same settings.
    public var tomlText: String {
        "# clarity-report settings in effect, defaults included.\n\n" + tomlDocument.text
    }
}
