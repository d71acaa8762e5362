import ClarityModel

/// The synthetic site behind the demo store: its traffic mix, its rhythm, and the story its releases tell.
public struct DemoSite: Sendable {
    /// A release the demo's product team shipped, with the day it went out.
    public struct Release: Sendable, Equatable {
        public let version: String
        public let day: Day
        public let note: String
    }

    public let name = "Lumen Books"
    public let site = "https://shop.lumen-books.example"
    /// The first and last UTC day the site holds: for the demo, 27 ISO weeks, 2026-W21 to 2026-W47.
    public let firstDay: Day
    public let lastDay: Day
    /// Days on which the cron job failed and nothing was pulled.
    public let missedDays: Set<Day> = [
        Day(year: 2026, month: 6, day: 10)!, Day(year: 2026, month: 8, day: 19)!, Day(year: 2026, month: 11, day: 11)!,
    ]
    /// From this day on, the team swapped the Channel request for URL+Browser to investigate checkout.
    public let investigationStart = Day(year: 2026, month: 11, day: 2)!
    /// The day whose URL breakdown hits the API's 1,000-row cap.
    public let cappedURLDay = Day(year: 2026, month: 11, day: 20)!

    public let releases: [Release] = [
        Release(version: "2.3.0", day: Day(year: 2026, month: 7, day: 14)!, note: "New search results page"),
        Release(version: "2.4.0", day: Day(year: 2026, month: 9, day: 15)!, note: "Redesigned product gallery"),
        Release(version: "2.4.1", day: Day(year: 2026, month: 10, day: 6)!, note: "Gallery tap targets fixed"),
        Release(version: "2.5.0", day: Day(year: 2026, month: 10, day: 20)!, note: "Wishlist"),
        Release(version: "2.6.0", day: Day(year: 2026, month: 11, day: 17)!, note: "One-page checkout"),
    ]

    /// The demo site: 2026-W21 to 2026-W47.
    public init() {
        self.init(firstDay: Day(year: 2026, month: 5, day: 18)!, lastDay: Day(year: 2026, month: 11, day: 22)!)
    }

    /// The same site over other days (for benchmarks): its mixes, rhythm, releases and incidents on their own dates.
    public init(firstDay: Day, lastDay: Day) {
        self.firstDay = firstDay
        self.lastDay = lastDay
    }

    static let devices: [(String, Double)] = [("Mobile", 0.58), ("PC", 0.35), ("Tablet", 0.06), ("Other", 0.01)]
    static let browsers: [(String, Double)] = [
        ("Chrome", 0.51), ("Safari", 0.29), ("Edge", 0.09), ("Firefox", 0.05), ("SamsungInternet", 0.04), ("Other", 0.02),
    ]
    static let operatingSystems: [(String, Double)] = [
        ("Android", 0.33), ("iOS", 0.28), ("Windows", 0.26), ("MacOSX", 0.09), ("Linux", 0.03), ("Other", 0.01),
    ]
    static let countries: [(String, Double)] = [
        ("United States", 0.34), ("United Kingdom", 0.14), ("Germany", 0.09), ("Canada", 0.08), ("France", 0.06), ("Australia", 0.05),
        ("Netherlands", 0.04), ("India", 0.04), ("Spain", 0.03), ("Ireland", 0.03), ("Sweden", 0.02), ("Brazil", 0.02), ("Other", 0.06),
    ]
    static let sourceMedia: [((String, String), Double)] = [
        (("google", "organic"), 0.38), (("(direct)", "(none)"), 0.24), (("newsletter", "email"), 0.1), (("facebook", "social"), 0.07),
        (("bing", "organic"), 0.06), (("google", "cpc"), 0.08), (("instagram", "social"), 0.04), (("bookclub.example", "referral"), 0.03),
    ]
    static let channels: [(String, Double)] = [
        ("Organic search", 0.44), ("Direct", 0.24), ("Email", 0.1), ("Social", 0.11), ("Paid search", 0.08), ("Referral", 0.03),
    ]
    static let pages: [(String, String, Double)] = [
        ("/", "Lumen Books — Independent bookshop", 0.46), ("/search", "Search results", 0.22),
        ("/books/the-long-quiet", "The Long Quiet — Lumen Books", 0.09),
        ("/books/rivers-of-salt", "Rivers of Salt — Lumen Books", 0.07), ("/books/small-gods-of-winter", "Small Gods of Winter — Lumen Books", 0.05),
        ("/cart", "Your basket", 0.12), ("/checkout", "Checkout", 0.08), ("/account", "Your account", 0.06), ("/signin", "Sign in", 0.07),
        ("/gift-cards", "Gift cards", 0.03), ("/events", "Readings & events", 0.04), ("/blog/autumn-reading-list", "Autumn reading list", 0.05),
        ("/help/delivery", "Delivery & returns", 0.03), ("/wishlist", "Your wishlist", 0.02),
    ]

    /// Sessions on a day: weekday rhythm, slow growth, and noise.
    func sessions(on day: Day) -> Double {
        let weeks = Double(firstDay.distance(to: day)) / 7
        let rhythm: [Double] = [1.0, 1.04, 1.02, 0.98, 0.92, 0.74, 0.7]
        var random = DemoRandom(["sessions", day.iso])
        return 4_100 * (1 + 0.006 * weeks) * rhythm[day.weekday - 1] * random.jitter(0.05)
    }

    /// The base rate (fraction of sessions) of each signal.
    static func baseRate(_ signal: FrustrationSignal) -> Double {
        switch signal {
        case .deadClick: return 0.042
        case .rageClick: return 0.024
        case .quickback: return 0.088
        case .excessiveScroll: return 0.061
        case .scriptError: return 0.009
        case .errorClick: return 0.013
        }
    }

    static func share(of value: String, in mix: [(String, Double)]) -> Double {
        let total = mix.reduce(0) { $0 + $1.1 }
        return (mix.first { $0.0 == value }?.1 ?? 0) / total
    }

    /// The probability that a session in `segment` has `value` for `dimension`: 1 or 0 when the segment fixes it, the mix share otherwise.
    static func probability(_ dimension: Dimension, is value: String, in segment: [Dimension: String], mix: [(String, Double)]) -> Double {
        if let fixed = segment[dimension] { return fixed == value ? 1 : 0 }
        return share(of: value, in: mix)
    }

    /// The signal's rate for a segment on a day, with every release's effect in it.
    func rate(_ signal: FrustrationSignal, on day: Day, segment: [Dimension: String]) -> Double {
        var rate = Self.baseRate(signal)
        if let device = segment[.device] {
            let factor: [String: Double] = ["Mobile": 1.18, "PC": 0.78, "Tablet": 1.05, "Other": 1.3]
            rate *= signal == .rageClick || signal == .deadClick ? factor[device] ?? 1 : 1
        }
        if let browser = segment[.browser], browser == "SamsungInternet" || browser == "Other" {
            rate *= signal == .scriptError ? 2.1 : 1.1
        }
        if let url = segment[.url] {
            // A page written another way (a query string, a trailing slash) behaves as the page.
            switch URLNormalization().normalize(url) {
            case "/search": rate *= signal == .quickback ? 1.3 : 1
            case "/cart", "/checkout": rate *= signal == .errorClick ? 1.8 : 1
            case "/blog/autumn-reading-list": rate *= signal == .excessiveScroll ? 2.2 : 1
            default: break
            }
        }
        let safari = Self.probability(.browser, is: "Safari", in: segment, mix: Self.browsers)
        // 2.4.0's gallery made dead clicks worse, mostly on Safari; 2.4.1 fixed it.
        if signal == .deadClick, day > releases[1].day, day <= releases[2].day {
            rate *= 1 + 0.35 + 1.6 * safari
        }
        // 2.5.0 halved script errors on Samsung Internet and elsewhere a little.
        if signal == .scriptError, day > releases[3].day { rate *= 0.75 }
        // 2.6.0's one-page checkout makes Safari users rage-click on /checkout.
        if signal == .rageClick, day > releases[4].day {
            let checkout = Self.probability(.url, is: "/checkout", in: segment, mix: Self.pages.map { ($0.0, $0.2) })
            rate *= 1 + 14 * safari * checkout
        }
        let weekend = day.isWeekend ? 0.94 : 1
        var random = DemoRandom(["rate", signal.rawValue, day.iso, segment.keys.sorted().map { "\($0.name)=\(segment[$0]!)" }.joined(separator: ",")])
        return min(0.95, rate * weekend * random.jitter(0.08))
    }
}
