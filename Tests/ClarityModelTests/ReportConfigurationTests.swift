import ClarityModel
import PropertyBased
import Testing

/// The error a configuration file fails with, nil when it is accepted.
private func configurationError(_ text: String) -> ConfigError? {
    do {
        _ = try ReportConfiguration(parsing: text)
        return nil
    } catch {
        return error
    }
}

@Suite struct ReportConfigurationTests {
    @Test func anEmptyFileMeansEveryDefault() throws {
        let configuration = try ReportConfiguration(parsing: "# nothing set\n")
        #expect(configuration == ReportConfiguration())
        #expect(configuration.project.name == "My site")
        #expect(configuration.project.site == "")
        #expect(configuration.report.minimumSessions == 100)
        #expect(configuration.report.topSegments == 5)
        #expect(configuration.report.releaseWindowDays == 7)
        #expect(configuration.report.templates == "")
        #expect(configuration.report.significance == 0.05)
        #expect(configuration.email.to.isEmpty)
        #expect(configuration.email.from == "")
        #expect(configuration.email.subject == "{{project}} weekly: {{headline}}")
        #expect(configuration.email.viewInBrowserBaseURL == "")
        #expect(configuration.fetch.endpoint == "https://www.clarity.ms/export-data/api/v1/project-live-insights")
        #expect(configuration.fetch.tokenFile == "")
        #expect(configuration.fetch.dailyBudget == 10)
        #expect(configuration.fetch.plan == "default")
        #expect(configuration.fetch.plans.keys.sorted() == ["default"])
        #expect(
            configuration.fetch.requests.map(\.key)
                == ["", "Device", "Browser", "OS", "Country", "Source+Medium", "Channel", "URL", "Browser+Device"])
    }

    @Test func readsEverySetting() throws {
        let configuration = try ReportConfiguration(
            parsing: """
                [project]
                name = "Acme shop"
                site = "https://shop.example.com"

                [report]
                minimum_sessions = 1_000
                top_segments = 10
                release_window_days = 14
                templates = "site/templates"
                significance = 0.01

                [email]
                to = ["ux@example.com", "Product <product@example.com>"]
                from = "Reports <reports@example.com>"
                subject = "{{project}}: week {{week}}"
                view_in_browser_base_url = "https://reports.example.com/"

                [fetch]
                endpoint = "http://localhost:8080/export"
                token_file = "~/.config/clarity/token"
                daily_budget = 6
                plan = "light"

                [fetch.plans]
                light = ["", "Device", "source, medium", "url + Device + browser"]
                """)
        let expected = ReportConfiguration(
            project: .init(name: "Acme shop", site: "https://shop.example.com"),
            report: .init(minimumSessions: 1000, topSegments: 10, releaseWindowDays: 14, templates: "site/templates", significance: 0.01),
            email: .init(
                to: ["ux@example.com", "Product <product@example.com>"], from: "Reports <reports@example.com>",
                subject: "{{project}}: week {{week}}", viewInBrowserBaseURL: "https://reports.example.com/"),
            fetch: .init(
                endpoint: "http://localhost:8080/export", tokenFile: "~/.config/clarity/token", dailyBudget: 6, plan: "light",
                plans: [
                    "default": ReportConfiguration.Fetch.defaultPlan,
                    "light": [
                        .none, DimensionSet([.device]), DimensionSet([.source, .medium]),
                        DimensionSet([.browser, .device, .url]),
                    ],
                ]))
        #expect(configuration == expected)
        #expect(configuration.fetch.requests.count == 4)
    }

    @Test func acceptsAnIntegerWhereANumberIsExpected() throws {
        #expect(throws: ConfigError.self) { try ReportConfiguration(parsing: "[report]\nsignificance = 1\n") }
        let configuration = try ReportConfiguration(parsing: "[report]\nsignificance = 5e-1\n")
        #expect(configuration.report.significance == 0.5)
    }

    @Test func aFilePlanNamedDefaultReplacesTheBuiltInOne() throws {
        let configuration = try ReportConfiguration(parsing: "[fetch.plans]\ndefault = [\"\"]\n")
        #expect(configuration.fetch.requests == [.none])
    }

    @Test(
        arguments: [
            ("[reprot]\nminimum_sessions = 1\n", 1, "unknown table [reprot]", "known tables are [project], [report], [email], [fetch]"),
            ("name = \"x\"\n", 1, #""name" must be inside a table"#, "put it under [project]"),
            ("colour = \"x\"\n", 1, #""colour" must be inside a table"#, "known tables are [project]"),
            (
                "[report]\ntop_segments = 3\nminimum_sesions = 5\n", 3, #"unknown key "minimum_sesions" in [report]"#,
                "known keys are minimum_sessions, top_segments, release_window_days, templates, significance"
            ),
            ("[report.extra]\n", 1, "unknown table [report.extra]", "[report] knows minimum_sessions"),
            (
                "[email]\nreply_to = \"a\"\n", 2, #"unknown key "reply_to" in [email]"#,
                "known keys are to, bcc, from, subject, monthly_subject, view_in_browser_base_url, smtp"
            ),
            ("[fetch]\n\nplans = 3\n", 3, "fetch.plans must be a table, but it is an integer", "a [fetch.plans] section"),
            ("project = 1\n", 1, "project must be a table, but it is an integer", "a [project] section"),
            (
                "[report]\nminimum_sessions = \"100\"\n", 2, "report.minimum_sessions must be an integer, but it is a string",
                "write it as minimum_sessions = 100"
            ),
            ("[report]\nminimum_sessions = 0\n", 2, "report.minimum_sessions is 0, but must be at least 1", "the default is 100"),
            ("[report]\ntop_segments = 51\n", 2, "report.top_segments is 51, but must be from 1 to 50", "the default is 5"),
            ("[report]\ntop_segments = 2.0\n", 2, "report.top_segments must be an integer, but it is a float", "top_segments = 5"),
            ("[report]\nrelease_window_days = 29\n", 2, "report.release_window_days is 29, but must be from 1 to 28", "the default is 7"),
            ("[report]\nrelease_window_days = 0\n", 2, "report.release_window_days is 0, but must be from 1 to 28", "the default is 7"),
            ("[report]\nsignificance = 0.0\n", 2, "report.significance is 0.0, but must be above 0 and at most 0.5", "the default is 0.05"),
            ("[report]\nsignificance = 0.51\n", 2, "report.significance is 0.51, but must be above 0 and at most 0.5", "the default is 0.05"),
            ("[report]\nsignificance = nan\n", 2, "report.significance is nan", "the default is 0.05"),
            ("[report]\nsignificance = \"0.05\"\n", 2, "report.significance must be a number, but it is a string", "significance = 0.05"),
            ("[report]\ntemplates = false\n", 2, "report.templates must be a string, but it is a boolean", #"templates = """#),
            ("[project]\nname = [\"a\"]\n", 2, "project.name must be a string, but it is an array", #"name = "My site""#),
            ("[email]\nto = \"ux@example.com\"\n", 2, "email.to must be an array of strings, but it is a string", #"to = ["first", "second"]"#),
            ("[email]\nto = [\"a@example.com\", 2]\n", 2, "element 2 of email.to must be a string, but it is an integer", "to = ["),
            ("[fetch]\ndaily_budget = 11\n", 2, "fetch.daily_budget is 11, but must be from 1 to 10", "the default is 10"),
            (
                "[fetch]\nendpoint = \"ftp://example.com\"\n", 2, #"fetch.endpoint "ftp://example.com" is not an http(s) address"#,
                "the default is https://www.clarity.ms/"
            ),
            (
                "[email.smtp]\nhost = \"mail.example.com\"\nsecurity = \"none\"\n", 3,
                #"email.smtp.security is "none" but the host "mail.example.com" is not this machine"#,
                #"use "starttls" or "tls""#
            ),
            (
                "[email.smtp]\nsecurity = \"ssl\"\n", 2, #"email.smtp.security is "ssl", which is not a security setting"#,
                #"write "starttls", "tls" or "none""#
            ),
            (
                "[email.smtp]\nhost = \"smtp.example.com/x@y\"\n", 2, #"email.smtp.host "smtp.example.com/x@y" is not a host name or address"#,
                "with the port in email.smtp.port"
            ),
            ("[email.smtp]\nport = 70000\n", 2, "email.smtp.port is 70000, but must be from 1 to 65535", "the default is 587"),
            ("[email.smtp]\npasword_file = \"x\"\n", 2, #"unknown key "pasword_file" in [email.smtp]"#, "password_file"),
            (
                "[fetch]\nplan = \"weekly\"\n", 2, #"fetch.plan names "weekly", which is not a plan"#,
                "known plans are default; define more under [fetch.plans]"
            ),
            ("[fetch.plans]\nweekly = [\"\"]\n[fetch]\nplan = \"daily\"\n", 4, #"fetch.plan names "daily""#, "known plans are default, weekly"),
        ] as [(String, Int, String, String)])
    func refusesWrongSettings(text: String, line: Int, message: String, hint: String) throws {
        let error = try #require(configurationError(text))
        #expect(error.line == line)
        #expect(error.message.contains(message), "\(error)")
        #expect(error.hint?.contains(hint) == true, "\(error)")
    }

    @Test(
        arguments: [
            ("[fetch.plans]\nempty = []\n", 2, #"plan "empty" has no requests"#),
            (
                "[fetch.plans]\nbig = [\"\", \"Device\", \"Browser\", \"OS\", \"Country\", \"Source\", \"Medium\", \"Campaign\", \"Channel\", \"URL\", \"Device+OS\"]\n",
                2, #"plan "big" has 11 requests, but the API answers at most 10 a day"#
            ),
            (
                "[fetch.plans]\n\nweekly = [\n  \"\",\n  \"Sorce+Medium\",\n]\n", 3,
                #"request "Sorce+Medium" of plan "weekly" names an unknown dimension "Sorce""#
            ),
            (
                "[fetch.plans]\nwide = [\"Device+Browser+OS+Country\"]\n", 2,
                #"request "Device+Browser+OS+Country" of plan "wide" has 4 dimensions, but the API allows at most 3"#
            ),
            ("[fetch.plans]\ntwice = [\"Source+Medium\", \"medium, source\"]\n", 2, #"plan "twice" makes the request "Source+Medium" twice"#),
            ("[fetch.plans]\nnumbers = [1]\n", 2, "element 1 of fetch.plans.numbers must be a string, but it is an integer"),
            ("[fetch.plans]\nword = \"Device\"\n", 2, "fetch.plans.word must be an array of strings, but it is a string"),
            ("[fetch.plans.nested]\n", 1, "fetch.plans.nested must be an array of strings, but it is a table"),
        ] as [(String, Int, String)])
    func refusesInvalidPlans(text: String, line: Int, message: String) throws {
        let error = try #require(configurationError(text))
        #expect(error.line == line)
        #expect(error.message.contains(message), "\(error)")
        #expect(error.hint != nil)
    }

    @Test(
        arguments: [
            ("[email]\nsubject = \"Weekly\\r\\nBcc: everyone@example.com\"\n", 2, "email.subject contains a line break"),
            ("[email]\nfrom = \"reports@example.com\\n\"\n", 2, "email.from contains a line break"),
            ("[email]\nto = [\"a@example.com\", \"b@example.com\\rX: y\"]\n", 2, "address 2 of email.to contains a line break"),
            ("[project]\nname = \"Acme\\nShop\"\n", 2, "project.name contains a line break"),
        ] as [(String, Int, String)])
    func refusesLineBreaksInEmailHeaders(text: String, line: Int, message: String) throws {
        let error = try #require(configurationError(text))
        #expect(error.line == line)
        #expect(error.message.contains(message), "\(error)")
        #expect(error.message.contains("(CR or LF)"))
    }

    @Test func textShowsEverySettingInAStableOrder() throws {
        var configuration = ReportConfiguration()
        configuration.fetch.plans["b-plan"] = [.none]
        configuration.fetch.plans["a plan"] = [DimensionSet([.url])]
        let text = configuration.tomlText
        #expect(text.hasPrefix("# clarity-report settings in effect, defaults included.\n\n[project]\nname = \"My site\"\n"))
        let headers = text.split(separator: "\n").filter { $0.hasPrefix("[") }
        #expect(
            headers == [
                "[project]", "[report]", "[report.urls]", "[report.urls.patterns]", "[email]", "[email.smtp]", "[fetch]", "[fetch.plans]", "[alert]",
            ])
        #expect(text.contains("\n[fetch.plans]\n\"a plan\" = [\"URL\"]\nb-plan = [\"\"]\ndefault = [\n    \"\",\n    \"Device\",\n"))
        #expect(text.contains("\nsignificance = 0.05\n"))
        #expect(configuration.tomlText == text)
    }

    @Test func smtpSettingsHaveDefaultsAndTheSecuritysPort() throws {
        #expect(
            ReportConfiguration().email.smtp
                == .init(host: "", port: 587, security: .starttls, timeout: 30, retries: 2, retryDelay: 5, outbox: "outbox"))
        #expect(try ReportConfiguration(parsing: "[email.smtp]\nhost = \"mail.example.com\"\nsecurity = \"tls\"\n").email.smtp.port == 465)
        let local = try ReportConfiguration(
            parsing: "[email]\nbcc = [\"audit@example.com\"]\n[email.smtp]\nhost = \"127.0.0.1\"\nsecurity = \"none\"\n")
        #expect(local.email.smtp.port == 25)
        #expect(local.email.bcc == ["audit@example.com"])
        #expect(["localhost", "127.0.0.1", "127.1.2.3", "::1"].allSatisfy(ReportConfiguration.Email.SMTP.isLoopback))
        #expect(!["mail.example.com", "127.0.0.1.example.com", "10.0.0.1", "128.0.0.1"].contains(where: ReportConfiguration.Email.SMTP.isLoopback))
    }

    @Test func textReadsBackToTheSameSettings() throws {
        let configuration = ReportConfiguration(
            project: .init(name: "Café \"Zoë\" — ünïcode \\ shop", site: "https://example.com/?a=1&b=2"),
            report: .init(
                minimumSessions: 250, topSegments: 50, releaseWindowDays: 28, templates: "C:\\reports\\templates",
                significance: 0.001),
            email: .init(
                to: ["a@example.com", "B <b@example.com>"], bcc: ["audit@example.com"], from: "x@example.com",
                subject: "{{week}}\t{{project}}", viewInBrowserBaseURL: "https://r.example.com",
                smtp: .init(
                    host: "mail.example.com", security: .tls, username: "reports", passwordFile: "smtp-password",
                    caFile: "ca.pem", timeout: 5, retries: 0, retryDelay: 1, outbox: "undelivered")),
            fetch: .init(
                tokenFile: "token", dailyBudget: 1, plan: "mine",
                plans: [
                    "default": ReportConfiguration.Fetch.defaultPlan,
                    "mine": [DimensionSet([.campaign, .source, .medium]), .none],
                ]))
        #expect(try ReportConfiguration(parsing: configuration.tomlText) == configuration)
        #expect(try ReportConfiguration(parsing: ReportConfiguration().tomlText) == ReportConfiguration())
    }

    @Test func anySiteTextReadsBack() async {
        let character = Gen<Character>.oneOf(Gen.ascii, Gen.latin1, Gen.unicodeScalar(in: "\u{100}"..."\u{D7FF}").map(Character.init))
        await propertyCheck(count: 200, input: character.string(of: 0...30), Gen.double(in: 0.0001...0.5)) { site, significance in
            var configuration = ReportConfiguration()
            configuration.project.site = site
            configuration.report.significance = significance
            #expect((try? ReportConfiguration(parsing: configuration.tomlText)) == configuration)
        }
    }
}
