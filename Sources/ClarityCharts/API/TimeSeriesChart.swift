import ClarityModel

/// A line chart of values over consecutive days or periods, with a gap wherever a value is missing,
/// an optional dashed previous-period line, and labelled markers such as releases.
public struct TimeSeriesChart: Chart {
    /// One named line with a value per point; nil marks a missing value, drawn as a gap.
    public struct Series: Sendable, Hashable {
        public let name: String
        public let values: [Double?]

        /// A series whose non-finite values count as missing.
        public init(name: String, values: [Double?]) {
            self.name = SVGText.clean(name)
            self.values = values.map { $0.flatMap { $0.isFinite ? $0 : nil } }
        }
    }

    public let title: String
    public let points: [TimePoint]
    public let series: [Series]
    /// The same measure one period earlier, aligned point by point and drawn as a faint dashed line.
    public let previous: Series?
    public let markers: [ChartMarker]
    public let format: ValueFormat
    public let width: Int
    public let height: Int

    /// A chart of `series` over `points`; every series must have exactly one value per point.
    public init(
        title: String, points: [TimePoint], series: [Series], previous: Series? = nil,
        markers: [ChartMarker] = [], format: ValueFormat = .count, width: Int = 600, height: Int = 220
    ) {
        for line in series + (previous.map { [$0] } ?? []) {
            precondition(
                line.values.count == points.count,
                "series \"\(line.name)\" has \(line.values.count) values for \(points.count) points")
        }
        self.title = SVGText.clean(title)
        self.points = points
        self.series = series
        self.previous = previous
        self.markers = markers.sorted { ($0.day, $0.label) < ($1.day, $1.label) }
        self.format = format
        self.width = width
        self.height = height
    }

    /// A chart of daily values, one per day in `days`.
    public init(
        title: String, days: [Day], series: [Series], previous: Series? = nil,
        markers: [ChartMarker] = [], format: ValueFormat = .count, width: Int = 600, height: Int = 220
    ) {
        self.init(
            title: title, points: days.map(TimePoint.day), series: series, previous: previous,
            markers: markers, format: format, width: width, height: height)
    }

    public var summary: String {
        guard let first = points.first, let last = points.last else { return "\(title): no data." }
        let name = { (point: TimePoint) in point.isSingleDay ? point.label : point.longLabel }
        let span = points.count == 1 ? name(first) : "\(name(first)) to \(name(last))"
        var clauses =
            series.count == 1
            ? [describe(series[0].values, naming: true)]
            : series.map { "\($0.name) \(describe($0.values, naming: true))" }
        if let previous { clauses.append("\(previous.name) \(describe(previous.values, naming: false))") }
        let missing = missingIndices.count
        if missing > 0 { clauses.append("\(missing) \(first.unit)\(missing == 1 ? "" : "s") missing") }
        var text = "\(title), \(span): " + clauses.joined(separator: "; ") + "."
        let placed = placedMarkers
        if !placed.isEmpty {
            text +=
                " Markers: "
                + placed.map { "\($0.marker.label) on \($0.marker.day.weekdayName) \($0.marker.day.shortLabel)" }
                .joined(separator: ", ") + "."
        }
        return text
    }

    public var svg: String {
        ChartDocument.render(title: title, summary: summary, width: width, height: height, body: body)
    }

    /// Key numbers of one line: a total for counts, the extremes for rates, and for the chart's own
    /// series (`naming`) the point each extreme falls on; a previous period's points are other days.
    private func describe(_ values: [Double?], naming: Bool) -> String {
        let present = values.enumerated().compactMap { index, value in value.map { (index: index, value: $0) } }
        guard let highest = present.max(by: { $0.value < $1.value }),
            let lowest = present.min(by: { $0.value < $1.value })
        else { return "no data" }
        if points.count == 1 { return format.format(highest.value) }
        let on = { (index: Int) in naming ? " on \(points[index].longLabel)" : "" }
        switch format {
        case .count:
            let total = "total \(format.format(present.reduce(0) { $0 + $1.value }))"
            return naming ? "\(total), highest \(format.format(highest.value))\(on(highest.index))" : total
        case .percent, .multiple:
            return "lowest \(format.format(lowest.value))\(on(lowest.index)), highest \(format.format(highest.value))\(on(highest.index))"
        }
    }

    /// Points where every current series is missing.
    private var missingIndices: [Int] {
        points.indices.filter { index in series.allSatisfy { $0.values[index] == nil } }
    }

    /// Markers that fall on a point, with that point's index.
    private var placedMarkers: [(marker: ChartMarker, index: Int)] {
        markers.compactMap { marker in
            points.firstIndex { $0.days?.contains(marker.day) ?? false }.map { (marker, $0) }
        }
    }

    private static let markerFontSize = 10.0
    private static let markerRowHeight = 12.0
    private static let markerMaxWidth = 140.0
    private static let maxMarkerRows = 3

    /// Direct labels' font size, the leader line from a line's end to its label, and the widest label kept whole.
    private static let directLabelFontSize = 11.0
    private static let leaderLength = 10.0
    private static let directLabelMaxWidth = 120.0
    /// The share of the canvas the plot keeps at least; a chart too narrow for direct labels uses the legend instead.
    private static let minimumPlotShare = 0.7

    /// The right gutter that labels every line at its end, or nil when one line needs no name or the chart is too narrow.
    var directLabelGutter: Double? {
        guard series.count > 1 else { return nil }
        let widest = series.map { min(TextMetrics.width($0.name, fontSize: Self.directLabelFontSize), Self.directLabelMaxWidth) }.max() ?? 0
        let gutter = Self.leaderLength + 4 + widest + 4
        return Double(width) - gutter >= Self.minimumPlotShare * Double(width) ? gutter : nil
    }

    private var body: [SVGElement] {
        let canvasWidth = Double(width)
        let values = (series + (previous.map { [$0] } ?? [])).flatMap { $0.values.compactMap { $0 } }
        let axis = ValueAxis(covering: values, format: format)
        let scale = axis.scale
        let plotLeft = 10 + axis.labelWidth + 8
        let gutter = directLabelGutter
        let plotRight = canvasWidth - (gutter ?? 14)
        let legend = Legend(entries: legendEntries(directLabels: gutter != nil)).layout(left: plotLeft, top: 4, right: canvasWidth - 14)
        let markerTop = 4 + legend.height
        let band = (plotRight - plotLeft) / Double(max(points.count, 1))
        let x = { (index: Int) in plotLeft + (Double(index) + 0.5) * band }
        let markerLabels = layoutMarkerLabels(x: x, top: markerTop)
        let plotTop = markerTop + markerLabels.height + 10
        let plotBottom = Double(height) - 26
        let y = { (value: Double) in plotBottom - scale.fraction(value) * (plotBottom - plotTop) }

        var elements = missingBands(x: x, band: band, top: plotTop, bottom: plotBottom)
        elements += axis.elements(left: plotLeft, right: plotRight, y: y)
        for placed in placedMarkers {
            elements.append(
                SVGElement(
                    "line",
                    [
                        "x1": x(placed.index).svg, "y1": (markerLabels.lineTops[placed.marker] ?? plotTop).svg,
                        "x2": x(placed.index).svg, "y2": plotBottom.svg,
                        "stroke": ChartStyle.marker, "stroke-width": "1", "shape-rendering": "crispEdges",
                    ]))
        }
        if let previous {
            elements += LinePlot(color: ChartStyle.previous, strokeWidth: 1.5, dash: "5 4", loneRadius: 2.5, pointRadius: nil)
                .elements(previous.values, x: x, y: y)
        }
        let dotted = points.count <= 14
        for (index, line) in series.enumerated().reversed() {
            elements += LinePlot(
                color: ChartPalette.seriesColor(at: index), strokeWidth: 2, dash: nil,
                loneRadius: 3, pointRadius: dotted ? 2.5 : nil
            )
            .elements(line.values, x: x, y: y)
        }
        if values.isEmpty {
            elements.append(.noData(x: (plotLeft + plotRight) / 2, y: (plotTop + plotBottom) / 2))
        }
        elements += markerLabels.elements
        if gutter != nil { elements += directLabels(x: x, y: y, top: plotTop, bottom: plotBottom) }
        elements += axisLabels(x: x, band: band, baseline: plotBottom + 17)
        return elements + legend.elements
    }

    /// Each line's name beside its last value, joined to it by a short leader in the line's colour. Labels keep 12 px
    /// apart: pushed down from the top in value order, then back up from the bottom when they run past the plot.
    private func directLabels(x: (Int) -> Double, y: (Double) -> Double, top: Double, bottom: Double) -> [SVGElement] {
        let gap = 12.0
        var ends = series.enumerated().compactMap { index, line -> (index: Int, x: Double, y: Double, label: Double)? in
            guard let last = line.values.lastIndex(where: { $0 != nil }) else { return nil }
            let end = y(line.values[last]!)
            return (index, x(last), end, end)
        }.sorted { ($0.y, $0.index) < ($1.y, $1.index) }
        for position in ends.indices {
            let floor = position == 0 ? top + 4 : ends[position - 1].label + gap
            ends[position].label = max(ends[position].label, floor)
        }
        for position in ends.indices.reversed() {
            let ceiling = position == ends.count - 1 ? bottom : ends[position + 1].label - gap
            ends[position].label = min(ends[position].label, ceiling)
        }
        let labelX = Double(width) - (directLabelGutter ?? 0) + Self.leaderLength + 4
        return ends.sorted { $0.index < $1.index }.flatMap { end in
            [
                SVGElement(
                    "path",
                    [
                        "d": "M\(end.x.svg),\(end.y.svg) L\((labelX - 4).svg),\(end.label.svg)", "fill": "none",
                        "stroke": ChartPalette.seriesColor(at: end.index), "stroke-width": "1.5",
                    ]),
                .label(
                    series[end.index].name, maxWidth: Self.directLabelMaxWidth, fontSize: Self.directLabelFontSize,
                    [
                        "x": labelX.svg, "y": (end.label + 4).svg, "fill": ChartStyle.text,
                    ]),
            ]
        }
    }

    private func legendEntries(directLabels: Bool) -> [Legend.Entry] {
        var entries: [Legend.Entry] = []
        if !directLabels, series.count > 1 || previous != nil {
            entries += series.enumerated().map { index, line in
                Legend.Entry(key: .line(color: ChartPalette.seriesColor(at: index), dash: nil), name: line.name)
            }
        }
        if let previous { entries.append(Legend.Entry(key: .line(color: ChartStyle.previous, dash: "5 4"), name: previous.name)) }
        if !missingIndices.isEmpty, missingIndices.count < points.count {
            entries.append(Legend.Entry(key: .box(color: ChartStyle.missing), name: "No data"))
        }
        return entries
    }

    /// Light columns behind runs of points where every series is missing.
    private func missingBands(x: (Int) -> Double, band: Double, top: Double, bottom: Double) -> [SVGElement] {
        let missing = Set(missingIndices)
        return LinePlot.runs(points.indices.map { missing.contains($0) ? 0 : nil }).map { run in
            SVGElement(
                "rect",
                [
                    "x": (x(run.lowerBound) - band / 2).svg, "y": top.svg,
                    "width": (band * Double(run.count)).svg, "height": (bottom - top).svg, "fill": ChartStyle.missing,
                ])
        }
    }

    /// Marker labels set in up to three rows above the plot so neighbouring labels do not overlap,
    /// and where each marker line starts.
    private func layoutMarkerLabels(x: (Int) -> Double, top: Double)
        -> (elements: [SVGElement], height: Double, lineTops: [ChartMarker: Double])
    {
        var rowEnds: [Double] = []
        var elements: [SVGElement] = []
        var lineTops: [ChartMarker: Double] = [:]
        for placed in placedMarkers {
            let lineX = x(placed.index)
            let shown = TextMetrics.fit(placed.marker.label, maxWidth: Self.markerMaxWidth, fontSize: Self.markerFontSize)
            let labelWidth = TextMetrics.width(shown, fontSize: Self.markerFontSize)
            let fitsRight = lineX + 4 + labelWidth <= Double(width) - 4
            let start = fitsRight ? lineX + 4 : lineX - 4 - labelWidth
            let row =
                rowEnds.firstIndex { start > $0 + 6 }
                ?? (rowEnds.count < Self.maxMarkerRows ? rowEnds.count : rowEnds.indices.min { rowEnds[$0] < rowEnds[$1] }!)
            if row == rowEnds.count { rowEnds.append(0) }
            rowEnds[row] = start + labelWidth
            let baseline = top + 10 + Double(row) * Self.markerRowHeight
            lineTops[placed.marker] = baseline - 9
            elements.append(
                .label(
                    placed.marker.label, maxWidth: Self.markerMaxWidth, fontSize: Self.markerFontSize,
                    [
                        "x": (fitsRight ? lineX + 4 : lineX - 4).svg, "y": baseline.svg, "text-anchor": fitsRight ? "start" : "end",
                        "fill": ChartStyle.marker, "stroke": ChartStyle.background, "stroke-width": "3",
                        "stroke-linejoin": "round", "paint-order": "stroke",
                    ]))
        }
        let height = rowEnds.isEmpty ? 0 : Double(rowEnds.count) * Self.markerRowHeight
        return (elements, height, lineTops)
    }

    /// X axis labels: long labels when all fit, else short labels on every n-th point (Mondays for weekly steps of days).
    private func axisLabels(x: (Int) -> Double, band: Double, baseline: Double) -> [SVGElement] {
        let fontSize = ValueAxis.fontSize
        let longest = { (labels: [String]) in labels.map { TextMetrics.width($0, fontSize: fontSize) }.max() ?? 0 }
        let useLong = longest(points.map(\.longLabel)) <= band - 6
        let labels = points.map { useLong ? $0.longLabel : $0.label }
        let needed = min(longest(labels), 120)
        let daily = points.allSatisfy(\.isSingleDay)
        let strides = daily ? [1, 2, 7, 14, 28, 56, 91] : Array(1...max(points.count, 1))
        let stride = strides.first { needed <= band * Double($0) - 6 } ?? strides.last!
        let start = stride % 7 == 0 && daily ? (points.firstIndex { $0.days!.lowerBound.weekday == 1 } ?? 0) : 0
        let canvasWidth = Double(width)
        let maxWidth = max(band * Double(stride) - 6, 8)
        return Swift.stride(from: start, to: points.count, by: stride).map { index in
            let shown = TextMetrics.fit(labels[index], maxWidth: maxWidth, fontSize: fontSize)
            let half = TextMetrics.width(shown, fontSize: fontSize) / 2
            let center = x(index)
            let (anchorX, anchor) =
                center - half < 2
                ? (2, "start")
                : center + half > canvasWidth - 2 ? (canvasWidth - 2, "end") : (center, "middle")
            return .label(
                labels[index], maxWidth: maxWidth, fontSize: fontSize,
                [
                    "x": anchorX.svg, "y": baseline.svg, "text-anchor": anchor, "fill": ChartStyle.text,
                ])
        }
    }
}
