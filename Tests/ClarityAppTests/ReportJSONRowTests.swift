import ClarityModel
import Foundation
import Testing

@testable import ClarityApp
@testable import ClarityRender

/// Device, browser, page and acquisition rows carry only their own figures; what every row shares is found once.
@Suite("Rows of the JSON models")
struct ReportJSONRowTests {
    @Test("weekly and release rows name each KPI by id, with no label, kind, polarity or history, and the id resolves")
    func trimmedRows() throws {
        let report = try WeeklyPipeline.model(
            store: GoldenReportTests.store, week: GoldenReportTests.week, project: demoProject,
            settings: ReportSettings())
        let json = try JSONSerialization.jsonObject(with: Data(try TemplateContext.json(report).utf8)) as! [String: Any]
        let known = Set((json["kpis"] as! [[String: Any]]).map { $0["id"] as! String })
        let rows = (json["devices"] as! [[String: Any]]) + (json["browsers"] as! [[String: Any]])
        #expect(rows.count == report.devices.count + report.browsers.count && !rows.isEmpty)
        for (row, model) in zip(rows, report.devices + report.browsers) {
            let entries = row["kpis"] as! [[String: Any]]
            #expect(entries.map { $0["id"] as! String } == model.kpis.map(\.id))
            for (entry, kpi) in zip(entries, model.kpis) {
                #expect(known.contains(kpi.id))
                #expect(entry["label"] == nil && entry["kind"] == nil && entry["polarity"] == nil && entry["history"] == nil)
                #expect(entry["currentText"] as? String == kpi.currentText && entry["verdict"] as? String == kpi.verdict)
            }
        }
        for release in json["releases"] as! [[String: Any]] {
            let ids = Set((release["kpis"] as! [[String: Any]]).map { $0["id"] as! String })
            for row in (release["devices"] as! [[String: Any]]) + (release["browsers"] as! [[String: Any]]) {
                for rate in row["rates"] as! [[String: Any]] {
                    #expect(ids.contains(rate["id"] as! String) && rate["label"] == nil && rate["afterText"] is String)
                }
            }
        }
    }

    /// The pages and acquisition tables of a model, as Swift values and as the JSON object they were encoded into.
    static func tables(_ pages: PagesSection, _ acquisition: AcquisitionSection, json: [String: Any]) -> [(BreakdownTable, [String: Any])] {
        let pagesJSON = json["pages"] as! [String: Any]
        let acquisitionJSON = json["acquisition"] as! [String: Any]
        return [(pages.table, pagesJSON["table"] as! [String: Any]), (pages.titles, pagesJSON["titles"] as! [String: Any])]
            + [
                (acquisition.channels, "channels"), (acquisition.sourceMedium, "sourceMedium"), (acquisition.campaigns, "campaigns"),
                (acquisition.referrers, "referrers"), (acquisition.countries, "countries"),
            ].map { ($0.0, acquisitionJSON[$0.1] as! [String: Any]) }
    }

    @Test(
        "page and acquisition rows: the sessions change as verdict and evidence only, quality figures only where the table has them, the email's rows rebuilt from compactOther",
        arguments: [5, 3])
    func trimmedBreakdownRows(topSegments: Int) throws {
        let settings = ReportSettings(topSegments: topSegments)
        let weekly = try WeeklyPipeline.model(
            store: GoldenReportTests.store, week: GoldenReportTests.week, project: demoProject, settings: settings)
        let monthly = try MonthlyPipeline.model(
            store: GoldenReportTests.store, month: GoldenReportTests.month, project: demoProject, settings: settings)
        let weeklyJSON = try JSONSerialization.jsonObject(with: Data(try TemplateContext.json(weekly).utf8)) as! [String: Any]
        let monthlyJSON = try JSONSerialization.jsonObject(with: Data(try TemplateContext.json(monthly).utf8)) as! [String: Any]
        let tables =
            Self.tables(weekly.pages, weekly.acquisition, json: weeklyJSON) + Self.tables(monthly.pages, monthly.acquisition, json: monthlyJSON)
        #expect(tables.contains { !$0.0.hasQuality && !$0.0.rows.isEmpty } && tables.contains { !$0.0.rising.isEmpty })
        #expect(tables.contains { $0.0.compactRows.count < $0.0.rows.count && $0.0.compactRows.last?.isOther == true })
        for (table, json) in tables {
            #expect(json["compactRows"] == nil)
            let lists = [("rows", table.rows, table.hasQuality), ("rising", table.rising, false), ("falling", table.falling, false)]
            for (key, models, quality) in lists {
                let rows = json[key] as! [[String: Any]]
                #expect(rows.map { $0["value"] as! String } == models.map(\.value), "\(table.id).\(key)")
                for (row, model) in zip(rows, models) {
                    #expect(row["sessionsText"] as? String == model.sessionsText && row["verdictText"] as? String == model.verdictText)
                    if let change = model.change {
                        let figures = try #require(row["change"] as? [String: Any])
                        let absent = (change.pValue == nil ? ["pValue"] : []) + (change.change == nil ? ["change"] : [])
                        let kept = ["arrow", "change", "comparedPerDay", "direction", "evidence", "pValue", "verdict"].filter { !absent.contains($0) }
                        #expect(figures.keys.sorted() == kept)
                        #expect(figures["verdict"] as? String == change.verdict && change.currentText == model.sessionsText)
                        #expect(change.changeText == model.changeText && change.previousText == model.previousSessionsText)
                    } else {
                        #expect(row["change"] == nil)
                    }
                    #expect((row["quickbackText"] != nil) == quality && (row["worstSignalText"] != nil) == quality)
                    if quality, let quickback = model.quickback {
                        let figures = try #require(row["quickback"] as? [String: Any])
                        #expect(figures["id"] == nil && figures["label"] == nil && figures["history"] == nil && figures["currentText"] == nil)
                        #expect(figures["verdict"] as? String == quickback.verdict && quickback.currentText == model.quickbackText)
                    } else {
                        #expect(row["quickback"] == nil)
                    }
                }
            }
            let compact = AudienceContext.compactRows(
                TemplateContext.plain(try JSONParser.parse(Array(try TemplateContext.json(table).utf8))) as! [String: Any])
            #expect(compact.map { ($0 as! [String: Any])["label"] as! String } == table.compactRows.map(\.label), "\(table.id) compact")
        }
    }
}
