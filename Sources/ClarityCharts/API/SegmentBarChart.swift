import ClarityModel

/// Horizontal bars of a rate per segment against a vertical reference line, such as the site-wide rate.
public struct SegmentBarChart: Chart {
    /// One bar: a segment's label, which may be long, and its value.
    public struct Row: Sendable, Hashable {
        /// What tells this segment apart (`Safari · /checkout`); when it is too long its middle is cut, never its ends.
        public let label: String
        /// A smaller second line under the label (`Rage clicks, 24.8% against 2.6%`), or nil.
        public let detail: String?
        /// The whole description, kept in the row's `<title>` for screen readers and hover.
        public let fullText: String?
        public let value: Double
        /// This row's own reference (the site's rate for the row's signal), drawn as a tick across its bar.
        public let reference: Double?

        public init(label: String, value: Double, reference: Double? = nil, detail: String? = nil, fullText: String? = nil) {
            self.label = SVGText.clean(label)
            self.detail = detail.map(SVGText.clean)
            self.fullText = fullText.map(SVGText.clean)
            self.value = value
            self.reference = reference.flatMap { $0.isFinite ? $0 : nil }
        }
    }

    public let title: String
    /// The bars from top to bottom; rows with a non-finite value are left out.
    public let rows: [Row]
    /// The value the bars are compared with, drawn as a dashed vertical line.
    public let reference: Double?
    /// What the reference is, in words that fit mid-sentence: `site rate`.
    public let referenceName: String
    public let format: ValueFormat
    public let width: Int

    public init(
        title: String, rows: [Row], reference: Double? = nil, referenceName: String = "site rate",
        format: ValueFormat = .percent, width: Int = 600
    ) {
        self.title = SVGText.clean(title)
        self.rows = rows.filter { $0.value.isFinite }
        self.reference = reference.flatMap { $0.isFinite ? $0 : nil }
        self.referenceName = SVGText.clean(referenceName)
        self.format = format
        self.width = width
    }

    /// The height that fits every row, the reference label and the axis.
    public var height: Int { Int(rowsTop) + max(rows.count, 1) * Int(rowHeight) + 24 }

    private var hasDetails: Bool { rows.contains { $0.detail != nil } }
    /// Rows with a second line are taller.
    private var rowHeight: Double { hasDetails ? 38 : 26 }

    public var summary: String {
        guard !rows.isEmpty else {
            return "\(title): no segments" + (reference.map { "; \(referenceName) \(format.format($0))." } ?? ".")
        }
        guard let reference else {
            return "\(title): " + rows.map(describe).joined(separator: ", ") + "."
        }
        let described = rows.map { row in
            reference == 0
                ? "\(row.label) \(format.format(row.value))"
                : "\(row.label) \(format.format(row.value)) (\(Format.fixed(row.value / reference, decimals: 1))×)"
        }
        return "\(title), compared with the \(referenceName) of \(format.format(reference)): " + described.joined(separator: ", ") + "."
    }

    /// A row in words, with its own reference when it has one.
    private func describe(_ row: Row) -> String {
        guard let own = row.reference else { return "\(row.label) \(format.format(row.value))" }
        let ratio = own == 0 ? "" : ", \(Format.fixed(row.value / own, decimals: 1))×"
        return "\(row.label) \(format.format(row.value)) (\(referenceName) \(format.format(own))\(ratio))"
    }

    private var hasRowReferences: Bool { rows.contains { $0.reference != nil } }

    public var svg: String {
        ChartDocument.render(title: title, summary: summary, width: width, height: height, body: body)
    }

    private static let barHeight = 16.0
    private static let detailFontSize = 10.5
    private static let labelFontSize = 12.0
    private static let valueFontSize = 11.0

    private var rowsTop: Double { (reference == nil && !hasRowReferences) || rows.isEmpty ? 8 : 28 }

    private var body: [SVGElement] {
        let canvasWidth = Double(width)
        guard !rows.isEmpty else { return [.noData(x: canvasWidth / 2, y: Double(height) / 2 + 4)] }
        let scale = NiceScale(covering: rows.map(\.value) + rows.compactMap(\.reference) + (reference.map { [$0] } ?? []), format: format)
        let ticks = scale.ticks
        let tickLabels = format.axisLabels(for: ticks, step: scale.step)
        let widest =
            rows.map { row in
                max(
                    TextMetrics.width(row.label, fontSize: Self.labelFontSize),
                    row.detail.map { TextMetrics.width($0, fontSize: Self.detailFontSize) } ?? 0)
            }.max() ?? 0
        let labelWidth = min(widest, canvasWidth * 0.42)
        let barLeft = 10 + labelWidth + 10
        let valueWidth = rows.map { TextMetrics.width(format.format($0.value), fontSize: Self.valueFontSize) }.max() ?? 0
        let lastTickHalf = TextMetrics.width(tickLabels.last ?? "", fontSize: ValueAxis.fontSize) / 2
        let barRight = canvasWidth - max(valueWidth + 6, lastTickHalf) - 10
        let x = { (value: Double) in barLeft + scale.fraction(value) * (barRight - barLeft) }
        let rowsBottom = rowsTop + Double(max(rows.count, 1)) * rowHeight

        var elements: [SVGElement] = []
        for (tick, label) in zip(ticks, tickLabels) {
            elements.append(
                SVGElement(
                    "line",
                    [
                        "x1": x(tick).svg, "y1": rowsTop.svg, "x2": x(tick).svg, "y2": rowsBottom.svg,
                        "stroke": tick == 0 ? ChartStyle.baseline : ChartStyle.gridline, "stroke-width": "1", "shape-rendering": "crispEdges",
                    ]))
            elements.append(
                SVGElement(
                    "text",
                    [
                        "x": x(tick).svg, "y": (rowsBottom + 16).svg, "text-anchor": "middle",
                        "font-size": ValueAxis.fontSize.svg, "fill": ChartStyle.mutedText,
                    ], text: label))
        }
        for (index, row) in rows.enumerated() {
            let middle = rowsTop + (Double(index) + 0.5) * rowHeight
            let left = x(min(row.value, 0))
            elements.append(
                SVGElement(
                    "rect",
                    [
                        "x": left.svg, "y": (middle - Self.barHeight / 2).svg,
                        "width": (x(max(row.value, 0)) - left).svg, "height": Self.barHeight.svg, "fill": ChartPalette.blue,
                    ]))
            if let own = row.reference {
                elements.append(
                    SVGElement(
                        "line",
                        [
                            "x1": x(own).svg, "y1": (middle - Self.barHeight / 2 - 3).svg, "x2": x(own).svg,
                            "y2": (middle + Self.barHeight / 2 + 3).svg,
                            "stroke": ChartPalette.black, "stroke-width": "2",
                        ]))
            }
            let labelY = row.detail == nil ? middle + 4 : middle - 2
            elements.append(
                .middleCutLabel(
                    row.label, maxWidth: labelWidth, fontSize: Self.labelFontSize, fullText: row.fullText,
                    [
                        "x": (barLeft - 10).svg, "y": labelY.svg, "text-anchor": "end", "fill": ChartStyle.text,
                    ]))
            if let detail = row.detail {
                elements.append(
                    .label(
                        detail, maxWidth: labelWidth, fontSize: Self.detailFontSize,
                        [
                            "x": (barLeft - 10).svg, "y": (middle + 11).svg, "text-anchor": "end", "fill": ChartStyle.mutedText,
                        ]))
            }
            elements.append(
                SVGElement(
                    "text",
                    [
                        "x": (x(max(row.value, 0)) + 6).svg, "y": (middle + 4).svg, "font-size": Self.valueFontSize.svg,
                        "fill": ChartStyle.text, "stroke": ChartStyle.background, "stroke-width": "3",
                        "stroke-linejoin": "round", "paint-order": "stroke",
                    ], text: format.format(row.value)))
        }
        if reference == nil, hasRowReferences {
            elements.append(
                .label(
                    "Black tick: \(referenceName)", maxWidth: canvasWidth - 20, fontSize: ValueAxis.fontSize,
                    [
                        "x": barLeft.svg, "y": "16", "text-anchor": "start", "fill": ChartPalette.black,
                    ]))
        }
        if let reference {
            let lineX = x(reference)
            elements.append(
                SVGElement(
                    "line",
                    [
                        "x1": lineX.svg, "y1": (rowsTop - 6).svg, "x2": lineX.svg, "y2": rowsBottom.svg,
                        "stroke": ChartPalette.black, "stroke-width": "1.5", "stroke-dasharray": "4 3",
                    ]))
            let caption = "\(referenceName) \(format.format(reference))"
            let half = TextMetrics.width(caption, fontSize: ValueAxis.fontSize) / 2
            elements.append(
                .label(
                    caption, maxWidth: canvasWidth - 20, fontSize: ValueAxis.fontSize,
                    [
                        "x": min(max(lineX, barLeft + half), canvasWidth - 10 - half).svg, "y": "16", "text-anchor": "middle",
                        "fill": ChartPalette.black,
                    ]))
        }
        return elements
    }
}
