import ClarityModel
import ClarityRender
import Foundation
import Testing

@testable import ClarityApp

/// Device and browser rows carry only their own figures; what every row shares is found once, by id.
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
}
