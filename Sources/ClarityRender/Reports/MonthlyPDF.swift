import CRsvg
import ClarityModel

/// The executive monthly summary as a PDF: one or two printed pages, text selectable, fonts embedded, page numbers.
///
/// Drawn with cairo and pango (no browser), in Liberation Sans through the charts' private font map, with a fixed
/// creation date, so the same store gives the same bytes on any machine.
public struct MonthlyPDF: Sendable {
    /// The paper the pages are set on.
    public enum Paper: String, Sendable, CaseIterable {
        case a4
        case letter

        var size: PDFComposer.Paper {
            switch self {
            case .a4: PDFComposer.Paper(width: 595.28, height: 841.89)
            case .letter: PDFComposer.Paper(width: 612, height: 792)
            }
        }
    }

    public let paper: Paper

    public init(paper: Paper = .a4) {
        self.paper = paper
    }

    /// The PDF file's bytes.
    public func render(_ report: MonthlyReport, charts: MonthlyCharts) throws(RasterizationError) -> [UInt8] {
        // Two passes: the first counts the pages, so each footer can say "page 1 of 2".
        let pages = try draw(report, charts: charts, pageCount: nil).pages
        return try draw(report, charts: charts, pageCount: pages).bytes
    }

    private func draw(_ report: MonthlyReport, charts: MonthlyCharts, pageCount: Int?)
        throws(RasterizationError) -> (bytes: [UInt8], pages: Int)
    {
        let paper = self.paper
        return try ChartFontMap.withPrivateFonts { () throws(RasterizationError) in
            var bytes: [UInt8] = []
            let pages = try withUnsafeMutablePointer(to: &bytes) { sink throws(RasterizationError) -> Int in
                let footer = { (page: Int) -> String in
                    let of = pageCount.map { " of \($0)" } ?? ""
                    return "\(report.project.name) · \(report.period.title) · figures from Microsoft Clarity, days in UTC"
                        + " · page \(page)\(of)"
                }
                let composer = try PDFComposer(
                    paper: paper.size, title: "\(report.project.name): executive summary, \(report.period.title)",
                    createdAt: "\(report.period.lastDay.advanced(by: 1).iso)T00:00:00Z", sink: sink,
                    write: { closure, data, length in
                        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
                        closure.assumingMemoryBound(to: [UInt8].self).pointee
                            .append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
                        return CAIRO_STATUS_SUCCESS
                    },
                    footer: footer)
                try Self.content(report, charts: charts, on: composer)
                try composer.finish()
                return composer.pageNumber
            }
            return (bytes, pages)
        }
    }

    private static func content(_ report: MonthlyReport, charts: MonthlyCharts, on page: PDFComposer)
        throws(RasterizationError)
    {
        page.paragraph(
            "\(report.project.name): executive summary, \(report.period.title)",
            style: PDFComposer.Style(size: 17, bold: true), after: 4)
        page.paragraph(MonthlySummary.sentence(report), style: PDFComposer.Style(size: 11.5, bold: true), after: 6)
        page.paragraph(report.coverageNote, style: .muted, after: 10)

        let yearAgo = report.headline.contains { $0.yearAgo != nil }
        var columns = [
            PDFComposer.Column(title: "Figure", share: 0.30, alignRight: false),
            PDFComposer.Column(title: report.period.title, share: 0.22, alignRight: true),
            PDFComposer.Column(title: "Change on \(report.previousPeriod.title)", share: 0.28, alignRight: true),
            PDFComposer.Column(title: "Verdict", share: 0.20, alignRight: false),
        ]
        if yearAgo {
            columns = columns.map { PDFComposer.Column(title: $0.title, share: $0.share * 0.8, alignRight: $0.alignRight) }
            columns.append(PDFComposer.Column(title: "A year earlier", share: 0.2, alignRight: true))
        }
        page.table(
            columns,
            rows: report.headline.map { entry in
                let kpi = entry.kpi
                var cells = [
                    kpi.label, kpi.currentText,
                    "\(kpi.arrow) \(kpi.changeText)\(kpi.comparedPerDay ? " per day" : "")", MonthlySummary.plain(kpi.verdictText),
                ]
                if yearAgo { cells.append(entry.yearAgo.map { "\($0.previousText) (\($0.changeText))" } ?? "not in the store") }
                return cells
            })

        section("What went well", page)
        if report.wins.isEmpty { page.paragraph("Nothing improved beyond the usual month-to-month variation.") }
        for win in report.wins { page.bullet(win.sentence) }
        section("What needs attention", page)
        if report.issues.isEmpty { page.paragraph("Nothing worsened beyond the usual month-to-month variation.") }
        for issue in report.issues { page.bullet(issue.sentence) }

        section("Releases", page)
        if report.releases.isEmpty { page.paragraph("No release recorded this month.") }
        for impact in report.releases { page.bullet(MonthlySummary.releaseLine(impact)) }

        for (title, svg) in [
            ("Sessions per day, by week", charts.sessions.svg),
            ("Frustration signals, by week", charts.frustration.svg),
        ] {
            let chart = try PDFComposer.Chart(svg)
            section(title, page, keepingWith: page.height(of: chart))
            try page.draw(chart)
        }
    }

    /// A section heading, on the page of what follows it (`keepingWith` points of it at least).
    private static func section(_ title: String, _ page: PDFComposer, keepingWith following: Double = 40) {
        page.space(4)
        page.keep(24 + following)
        page.paragraph(title, style: PDFComposer.Style(size: 12.5, bold: true), after: 4)
    }
}
