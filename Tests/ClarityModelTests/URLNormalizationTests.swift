import ClarityTestSupport
import Testing

@testable import ClarityModel

@Suite("URL normalisation and page grouping")
struct URLNormalizationTests {
    let rules = URLNormalization()

    @Test("fragments, query strings and trailing slashes fold; scheme and host are lowercased, the path is not")
    func defaults() {
        #expect(rules.normalize("https://Shop.Example/checkout") == "https://shop.example/checkout")
        #expect(rules.normalize("HTTPS://SHOP.EXAMPLE/checkout/") == "https://shop.example/checkout")
        #expect(rules.normalize("https://shop.example/checkout?utm_source=newsletter") == "https://shop.example/checkout")
        #expect(rules.normalize("https://shop.example/checkout?fbclid=IwAR0x#step-2") == "https://shop.example/checkout")
        #expect(rules.normalize("https://shop.example/Checkout") == "https://shop.example/Checkout")
        #expect(rules.normalize("https://shop.example") == "https://shop.example/")
        #expect(rules.normalize("https://shop.example/?q=1") == "https://shop.example/")
        #expect(rules.normalize("/books/the-long-quiet//") == "/books/the-long-quiet")
        #expect(rules.normalize("/") == "/")
        #expect(rules.normalize("") == "")
    }

    @Test("an allowlisted parameter is kept, sorted, and tracking ids go even when allowlisted")
    func allowlist() {
        let keep = URLNormalization(keepQuery: ["page", "LANG", "utm_source", "gclid"])
        #expect(keep.normalize("/search?utm_source=x&page=2&q=a&lang=de&gclid=1") == "/search?lang=de&page=2")
        #expect(keep.normalize("/search?lang=de&page=2") == keep.normalize("/search?page=2&lang=de"))
        #expect(keep.normalize("/search?MSCLKID=9&Page=3") == "/search?Page=3")
        #expect(URLNormalization.isTracking("UTM_Campaign") && URLNormalization.isTracking("fbclid") && !URLNormalization.isTracking("page"))
    }

    @Test("a pattern's * matches one path segment and the whole path")
    func patterns() {
        let product = URLNormalization(patterns: [URLPattern(pattern: "/product/*", replacement: "/product/:id")])
        #expect(product.normalize("https://shop.example/product/123?ref=x") == "https://shop.example/product/:id")
        #expect(product.normalize("/product/123/") == "/product/:id")
        #expect(product.normalize("/product/123/reviews") == "/product/123/reviews")
        #expect(product.normalize("/product") == "/product")
        #expect(URLPattern.sharedPart(of: "/product/:id") == "/product/")
        #expect(URLPattern.sharedPart(of: "/checkout") == "/checkout")
        #expect(URLPattern.sharedPart(of: "/search?lang=de&page=2") == "/search")
        #expect(URLPattern.sharedPart(of: "/product/:id?lang=de") == "/product/")
    }

    @Test("hostile URLs stay the same text, minus only what the rules fold")
    func hostile() {
        let payloads = [
            "javascript:alert(1)", "java\u{200B}script:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "<script>alert(1)</script>",
            "/a\r\nBcc: x@example.com", "\u{202E}/gpj.exe", "[x](javascript:alert(1))", "{{project.name}}", "/é漢😀",
        ]
        for payload in payloads {
            #expect(rules.normalize(payload) == payload, "\(payload.debugDescription)")
        }
        #expect(rules.normalize("/<img src=x onerror=alert(1)>?a=<b>#<i>") == "/<img src=x onerror=alert(1)>")
        // Only the host part is lowercased and a bare host gets its "/": the text stays a text, never a link.
        #expect(rules.normalize("JAVASCRIPT://%0Aalert(1)") == "javascript://%0aalert(1)/")
        let long = String(repeating: "/A", count: 5_000)
        #expect(rules.normalize(long + "/?" + long) == long)
    }

    @Test("the shortcut for URLs no rule changes gives what the rules give, for hostile and ordinary URLs alike")
    func shortcutAgreesWithTheRules() {
        let rules = URLNormalization()
        let urls =
            HostilePayloads.corpus(beacon: "https://beacon.example/x").map(\.text).flatMap { payload in
                ["/\(payload)", "https://shop.example/\(payload)", "https://Shop.Example/\(payload)/", "/\(payload)?utm_source=x#top", payload]
            } + [
                "", "/", "https://shop.example", "https://shop.example/", "HTTPS://SHOP.EXAMPLE/Checkout", "/checkout", "/checkout/", "//x",
                "https://shop.example/checkout?step=2", "mailto:someone@example.com", "shop.example/path", "https://shop.example/a/b/c",
            ]
        for url in urls {
            #expect(rules.normalize(url) == rules.normalizedByRules(url), "\(url)")
        }
        #expect(URLNormalization.isAlreadyNormal("https://shop.example/checkout"))
        #expect(!URLNormalization.isAlreadyNormal("https://shop.example"))
        #expect(!URLNormalization.isAlreadyNormal("/Checkout"))
    }

    @Test("grouping adds sums, re-weights rates and means by sessions, and never sums distinct users")
    func grouping() {
        func totals(_ sessions: Int64, rage: Double, active: Double, users: Int64) -> Totals {
            Totals(days: [
                Observation(
                    segment: .site, sessions: sessions, distinctUsers: users,
                    signals: [.rageClick: SignalFigures(sessions: sessions, percentage: rage)], activeTime: active)
            ])
        }
        let url = { (value: String) in Segment([Segment.DimensionValue(.url, value)]) }
        let entries = [
            SegmentTotals(segment: url("https://s.example/checkout"), totals: totals(300, rage: 10, active: 60, users: 280)),
            SegmentTotals(segment: url("https://s.example/checkout/"), totals: totals(100, rage: 30, active: 100, users: 90)),
            SegmentTotals(segment: url("https://s.example/cart?utm_source=x"), totals: totals(50, rage: 2, active: 30, users: 45)),
            SegmentTotals(segment: Segment([Segment.DimensionValue(.browser, "Safari")]), totals: totals(40, rage: 1, active: 20, users: 40)),
        ]
        let grouping = PageGrouping(entries, normalization: URLNormalization())
        #expect(
            grouping.entries.map(\.segment) == [
                url("https://s.example/checkout"), url("https://s.example/cart"),
                Segment([Segment.DimensionValue(.browser, "Safari")]),
            ])
        let checkout = grouping.entries[0].totals
        #expect(checkout.sessions == 400)
        // (300 × 10% + 100 × 30%) / 400 = 60 / 400 = 15%.
        #expect(abs(checkout.rate(.rageClick)! - 0.15) < 1e-12)
        // (300 × 60 s + 100 × 100 s) / 400 = 70 s.
        #expect(abs(checkout.mean(.activeTime)! - 70) < 1e-12)
        #expect(checkout.averageDailyUsers == nil)
        #expect(grouping.entries[1].totals.averageDailyUsers == 45)
        #expect(grouping.stored(url("https://s.example/checkout")) == [url("https://s.example/checkout"), url("https://s.example/checkout/")])
        #expect(grouping.stored(url("https://s.example/cart")) == [url("https://s.example/cart?utm_source=x")])
    }

    @Test("grouping several periods at once gives each period what grouping it alone gives, in first-member order")
    func groupingPeriods() {
        func sessions(_ count: Int64, days: Int) -> SessionCount { SessionCount(days: days, sessions: count, daysWithSessions: days) }
        func totals(_ count: Int64, days: Int) -> Totals {
            var totals = Totals()
            totals.days = days
            totals.daysWithSessions = days
            totals.sessions = count
            return totals
        }
        let url = { (value: String) in Segment([Segment.DimensionValue(.url, value)]) }
        let safari = Segment([Segment.DimensionValue(.browser, "Safari")])
        let entries = [
            SegmentPeriods(segment: url("https://s.example/cart?utm_source=x"), periods: [nil, sessions(20, days: 3)]),
            SegmentPeriods(segment: url("https://s.example/checkout"), periods: [sessions(300, days: 7), sessions(280, days: 6)]),
            SegmentPeriods(segment: url("https://s.example/checkout/"), periods: [sessions(100, days: 5), nil]),
            SegmentPeriods(segment: safari, periods: [sessions(40, days: 7), sessions(44, days: 7)]),
            SegmentPeriods(segment: url("https://s.example/cart"), periods: [sessions(7, days: 2), nil]),
        ]
        let periods = PageGrouping.periods(entries, count: 2, normalize: URLNormalization().normalize)
        // Period 0: checkout 300 + 100 over at most 7 days; cart 7 (its tracking variant has no row then).
        #expect(
            periods[0] == [
                SegmentTotals(segment: url("https://s.example/cart"), totals: totals(7, days: 2)),
                SegmentTotals(segment: url("https://s.example/checkout"), totals: totals(400, days: 7)),
                SegmentTotals(segment: safari, totals: totals(40, days: 7)),
            ])
        #expect(
            periods[1] == [
                SegmentTotals(segment: url("https://s.example/cart"), totals: totals(20, days: 3)),
                SegmentTotals(segment: url("https://s.example/checkout"), totals: totals(280, days: 6)),
                SegmentTotals(segment: safari, totals: totals(44, days: 7)),
            ])
        // Session counts combine as their totals do: sessions add, day counts take the larger.
        let (a, b) = (SessionCount(days: 7, sessions: 300, daysWithSessions: 6), SessionCount(days: 5, sessions: 100, daysWithSessions: 5))
        #expect(a.combined(with: b).totals == a.totals.combined(with: b.totals))
        #expect(a.combined(with: b) == SessionCount(days: 7, sessions: 400, daysWithSessions: 6))
        // Each period holds the same figures as grouping that period's entries alone.
        for period in 0..<2 {
            let alone = PageGrouping(
                entries.compactMap { entry in entry.periods[period].map { SegmentTotals(segment: entry.segment, totals: $0.totals) } },
                normalization: URLNormalization())
            #expect(
                Dictionary(uniqueKeysWithValues: alone.entries.map { ($0.segment, $0.totals) })
                    == Dictionary(uniqueKeysWithValues: periods[period].map { ($0.segment, $0.totals) }))
        }
    }

    @Test("a grouped page's days combine to the grouped totals, and its Recordings filter names its shared part")
    func groupedDays() {
        let page = Segment([Segment.DimensionValue(.url, "https://s.example/product/:id")])
        let parts = [
            Observation(segment: .site, sessions: 200, signals: [.rageClick: SignalFigures(sessions: 200, percentage: 5)], scrollDepth: 40),
            Observation(segment: .site, sessions: 50, signals: [.rageClick: SignalFigures(sessions: 50, percentage: 25)], scrollDepth: 80),
        ]
        let day = Observation.combining(parts, as: page)
        #expect(day.sessions == 250)
        // (200 × 5% + 50 × 25%) / 250 = 22.5 / 250 = 9%.
        #expect(abs(Totals(days: [day]).rate(.rageClick)! - 0.09) < 1e-12)
        #expect(abs(day.scrollDepth! - 48) < 1e-12)
        #expect(
            RecordingFilter.describe(signal: .rageClick, segment: page, siteURL: "https://s.example")
                == "Recordings → Filters: Rage clicks; Visited URL contains /product/.")
    }

    @Test("[report.urls] is read, checked and written back")
    func configuration() throws {
        let text = """
            [report.urls]
            keep_query = ["page"]

            [report.urls.patterns]
            "/product/*" = "/product/:id"
            """
        let configuration = try ReportConfiguration(parsing: text)
        #expect(
            configuration.report.urls
                == URLNormalization(keepQuery: ["page"], patterns: [URLPattern(pattern: "/product/*", replacement: "/product/:id")]))
        #expect(try ReportConfiguration(parsing: configuration.tomlText) == configuration)
        #expect(throws: ConfigError.self) { try ReportConfiguration(parsing: "[report.urls]\nkeep_query = [\"utm_source\"]") }
        #expect(throws: ConfigError.self) { try ReportConfiguration(parsing: "[report.urls.patterns]\n\"product/*\" = \"/p\"") }
        #expect(throws: ConfigError.self) { try ReportConfiguration(parsing: "[report.urls]\nkeep_queries = []") }
    }
}
