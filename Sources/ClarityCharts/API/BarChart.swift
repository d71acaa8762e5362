/// Grouped vertical bars comparing each category's value in this period with the previous one.
public struct BarChart: Chart {
    /// One group of bars: a category such as a device or browser, with its values in both periods.
    public struct Category: Sendable, Hashable {
        public let label: String
        public let current: Double?
        public let previous: Double?

        /// A category whose non-finite values count as missing.
        public init(label: String, current: Double?, previous: Double? = nil) {
            self.label = SVGText.clean(label)
            self.current = current.flatMap { $0.isFinite ? $0 : nil }
            self.previous = previous.flatMap { $0.isFinite ? $0 : nil }
        }
    }

    public let title: String
    public let categories: [Category]
    public let currentName: String
    public let previousName: String
    public let format: ValueFormat
    public let width: Int
    public let height: Int

    public init(
        title: String, categories: [Category], currentName: String = "This week", previousName: String = "Last week",
        format: ValueFormat = .count, width: Int = 600, height: Int = 240
    ) {
        self.title = SVGText.clean(title)
        self.categories = categories
        self.currentName = SVGText.clean(currentName)
        self.previousName = SVGText.clean(previousName)
        self.format = format
        self.width = width
        self.height = height
    }

    public var summary: String {
        guard !categories.isEmpty else { return "\(title): no data." }
        let value = { (value: Double?) in value.map(format.format) ?? "no data" }
        guard showsPrevious else {
            return "\(title): " + categories.map { "\($0.label) \(value($0.current))" }.joined(separator: "; ") + "."
        }
        return "\(title) (\(currentName) vs \(previousName)): "
            + categories.map { "\($0.label) \(value($0.current)) vs \(value($0.previous))" }.joined(separator: "; ") + "."
    }

    public var svg: String {
        ChartDocument.render(title: title, summary: summary, width: width, height: height, body: body)
    }

    /// Whether any category has a previous value, so the chart pairs its bars.
    private var showsPrevious: Bool { categories.contains { $0.previous != nil } }

    private static let valueFontSize = 10.0

    private var body: [SVGElement] {
        let values = categories.flatMap { [$0.current, $0.previous].compactMap { $0 } }
        let axis = ValueAxis(covering: values, format: format)
        let scale = axis.scale
        let plotLeft = 10 + axis.labelWidth + 8
        let plotRight = Double(width) - 14
        let legendEntries =
            showsPrevious
            ? [
                Legend.Entry(key: .box(color: ChartStyle.previous), name: previousName),
                Legend.Entry(key: .box(color: ChartPalette.blue), name: currentName),
            ] : []
        let legend = Legend(entries: legendEntries).layout(left: plotLeft, top: 4, right: plotRight)
        let plotTop = 4 + legend.height + 16
        let plotBottom = Double(height) - 28
        let y = { (value: Double) in plotBottom - scale.fraction(value) * (plotBottom - plotTop) }
        let band = (plotRight - plotLeft) / Double(max(categories.count, 1))
        let barWidth = min(32, band * (showsPrevious ? 0.36 : 0.6))

        var elements = axis.elements(left: plotLeft, right: plotRight, y: y)
        for (index, category) in categories.enumerated() {
            let center = plotLeft + (Double(index) + 0.5) * band
            let currentLeft = showsPrevious ? center + 1 : center - barWidth / 2
            if let previous = category.previous {
                elements.append(bar(previous, left: center - 1 - barWidth, width: barWidth, y: y, color: ChartStyle.previous))
            }
            if let current = category.current {
                elements.append(bar(current, left: currentLeft, width: barWidth, y: y, color: ChartPalette.blue))
            }
            let full = category.current.map(format.format) ?? "n/a"
            let shown =
                TextMetrics.width(full, fontSize: Self.valueFontSize) <= band - 4
                ? full
                : category.current.map(format.compact) ?? full
            if TextMetrics.width(shown, fontSize: Self.valueFontSize) <= band - 4 {
                elements.append(
                    SVGElement(
                        "text",
                        [
                            "x": (currentLeft + barWidth / 2).svg, "y": (y(max(category.current ?? 0, 0)) - 4).svg, "text-anchor": "middle",
                            "font-size": Self.valueFontSize.svg, "fill": category.current == nil ? ChartStyle.mutedText : ChartStyle.text,
                        ], text: shown))
            }
            elements.append(
                .label(
                    category.label, maxWidth: band - 6, fontSize: ValueAxis.fontSize,
                    [
                        "x": center.svg, "y": (plotBottom + 17).svg, "text-anchor": "middle", "fill": ChartStyle.text,
                    ]))
        }
        if values.isEmpty {
            elements.append(.noData(x: (plotLeft + plotRight) / 2, y: (plotTop + plotBottom) / 2))
        }
        return elements + legend.elements
    }

    private func bar(_ value: Double, left: Double, width: Double, y: (Double) -> Double, color: String) -> SVGElement {
        let top = y(max(value, 0))
        let bottom = y(min(value, 0))
        return SVGElement(
            "rect",
            [
                "x": left.svg, "y": top.svg, "width": width.svg, "height": (bottom - top).svg, "fill": color,
            ])
    }
}
