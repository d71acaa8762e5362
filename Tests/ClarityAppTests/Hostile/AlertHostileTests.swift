import ClarityModel
import ClarityRender
import Foundation
import Testing

/// The alert's outputs with every hostile payload as a page URL that spikes: printed text, Slack and Teams payloads,
/// the email and the JSON model. No payload becomes markup, a link, a header or a new line, and each still reads.
@Suite struct AlertHostileTests {
    static let day = Day(iso: "2026-11-18")!

    /// Each value a /URL segment whose rage clicks go from 2% to 30% on the day, 1,000 sessions a day; the site flat.
    static func report(values: [String]) -> AlertReport {
        var days: [Day: AlertDay] = [:]
        var site: [Day: Totals] = [:]
        var history: [Segment: [Day: Totals]] = [:]
        func totals(_ segment: Segment, _ sessions: Int64, _ rage: Double) -> Totals {
            Totals(days: [
                Observation(segment: segment, sessions: sessions, signals: [.rageClick: SignalFigures(sessions: sessions, percentage: rage * 100)])
            ])
        }
        for back in 0...70 {
            let day = Self.day.advanced(by: -back)
            site[day] = totals(.site, 100_000, 0.02)
            guard back <= 41 else { continue }
            var segments: [Segment: Totals] = [.site: site[day]!]
            for value in values {
                let segment = Segment([.init(.url, value)])
                let figures = totals(segment, 1_000, back == 0 ? 0.3 : (back % 2 == 0 ? 0.019 : 0.021))
                segments[segment] = figures
                history[segment, default: [:]][day] = figures
            }
            if back <= 28 { days[day] = AlertDay(covered: [.none, DimensionSet([.url])], segments: segments) }
        }
        return AlertReport.build(
            AlertInput(
                project: ProjectInfo(name: "Hostile Shop", site: "https://shop.example"), day: Self.day, days: days,
                site: site, history: history,
                settings: AlertSettings(site: "https://shop.example", weeklyPageBaseURL: "https://reports.shop.example")))
    }

    static let payloads = HostileFixture.payloads.map { HostileFixture.stored($0.text) }
    /// The payloads as labels show them: a URL on the site's own host read as its path.
    static let shown = payloads.map { Segment.shownValue($0, of: .url, site: "https://shop.example") }
    static let hostile = report(values: payloads)
    static let benign = report(values: HostileFixture.benignValues(count: payloads.count))

    @Test func everyPayloadIsFound() {
        #expect(Self.hostile.findings.count == Self.payloads.count)
        #expect(Self.benign.findings.count == Self.payloads.count)
    }

    @Test func printedTextKeepsOneLinePerFact() {
        let text = AlertMessages.text(Self.hostile)
        #expect(
            text.split(separator: "\n", omittingEmptySubsequences: false).count
                == AlertMessages.text(Self.benign).split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(!text.unicodeScalars.contains { ReaderText.isInvisible($0) && $0 != "\n" })
        #expect(OutputCheck.missing(Self.shown, from: text).isEmpty)
    }

    @Test func emailAndJSONPassTheReportChecks() throws {
        let from = try EmailAddress(parsing: "reports@example.com")
        let to = [try EmailAddress(parsing: "ux@example.com")]
        let date = Instant(seconds: Self.day.advanced(by: 1).startSecond)
        let email = try AlertMessages.email(Self.hostile, from: from, to: to, bcc: [], date: date).encoded()
        let benignEmail = try AlertMessages.email(Self.benign, from: from, to: to, bcc: [], date: date).encoded()
        let emailProblems = try OutputCheck.problems(.email, text: email, benign: benignEmail, shows: Self.shown)
        #expect(emailProblems.isEmpty, "\(emailProblems.prefix(10))")
        let jsonProblems = try OutputCheck.problems(
            .json, text: try TemplateContext.json(Self.hostile), benign: try TemplateContext.json(Self.benign),
            shows: Self.payloads)
        #expect(jsonProblems.isEmpty, "\(jsonProblems.prefix(10))")
    }

    @Test func slackGetsPlainTextAndNoLinkButOurs() throws {
        let payload = try #require(try JSONSerialization.jsonObject(with: Data(AlertMessages.slack(Self.hostile))) as? [String: Any])
        let fallback = try #require(payload["text"] as? String)
        #expect(!fallback.contains("<") && !fallback.contains(">"), "Slack reads <…> in message text as a link or mention")
        for block in payload["blocks"] as? [[String: Any]] ?? [] {
            if let text = block["text"] as? [String: Any] { #expect(text["type"] as? String == "plain_text") }
            for element in block["elements"] as? [[String: Any]] ?? [] where element["type"] as? String == "mrkdwn" {
                #expect(element["text"] as? String == "<https://reports.shop.example/weekly-2026-W47.html|Weekly page>")
            }
        }
        let shown = (payload["blocks"] as? [[String: Any]] ?? []).compactMap { ($0["text"] as? [String: Any])?["text"] as? String }.joined(
            separator: "\n")
        #expect(OutputCheck.missing(Self.shown, from: shown).isEmpty)
    }

    @Test func teamsGetsEscapedMarkdownAndNoLinkButOurs() throws {
        let payload = try #require(try JSONSerialization.jsonObject(with: Data(AlertMessages.teams(Self.hostile))) as? [String: Any])
        let card = try #require(((payload["attachments"] as? [[String: Any]])?.first?["content"]) as? [String: Any])
        for block in card["body"] as? [[String: Any]] ?? [] {
            let text = try #require(block["text"] as? String)
            // Every character that could open a link, an image, emphasis or code carries its backslash.
            var escaped = false
            for character in text {
                if !escaped, "[]<>`*_".contains(character) { Issue.record("unescaped \(character) in \(text.prefix(200))") }
                escaped = !escaped && character == "\\"
            }
        }
        let actions = card["actions"] as? [[String: Any]] ?? []
        #expect(actions.map { $0["url"] as? String } == ["https://reports.shop.example/weekly-2026-W47.html"])
    }
}
