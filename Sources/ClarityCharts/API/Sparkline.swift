/// A tiny inline line of recent values, broken where a value is missing, with the latest value emphasised.
public struct Sparkline: Chart {
    public let title: String
    /// The values oldest first; nil marks a missing value and non-finite values count as missing.
    public let values: [Double?]
    public let format: ValueFormat
    public let width: Int
    public let height: Int

    public init(title: String, values: [Double?], format: ValueFormat = .count, width: Int = 80, height: Int = 20) {
        self.title = SVGText.clean(title)
        self.values = values.map { $0.flatMap { $0.isFinite ? $0 : nil } }
        self.format = format
        self.width = width
        self.height = height
    }

    public var summary: String {
        let present = values.compactMap { $0 }
        guard let latest = present.last, let lowest = present.min(), let highest = present.max() else { return "\(title): no data." }
        let missing = values.count - present.count
        return "\(title): latest \(format.format(latest)), lowest \(format.format(lowest)), highest \(format.format(highest))"
            + " over \(values.count) values" + (missing > 0 ? "; \(missing) missing." : ".")
    }

    public var svg: String {
        ChartDocument.render(title: title, summary: summary, width: width, height: height, body: body)
    }

    private static let padding = 3.0

    /// The line scales from the lowest to the highest value, not from zero, so small changes stay visible.
    private var body: [SVGElement] {
        let present = values.compactMap { $0 }
        guard let lowest = present.min(), let highest = present.max(),
              let last = values.lastIndex(where: { $0 != nil }) else { return [] }
        let canvasWidth = Double(width)
        let canvasHeight = Double(height)
        let step = values.count > 1 ? (canvasWidth - 2 * Self.padding) / Double(values.count - 1) : 0
        let x = { (index: Int) in values.count > 1 ? Self.padding + Double(index) * step : canvasWidth / 2 }
        let y = { (value: Double) in
            highest == lowest ? canvasHeight / 2
                : canvasHeight - Self.padding - (value - lowest) / (highest - lowest) * (canvasHeight - 2 * Self.padding)
        }
        let line = LinePlot(color: ChartPalette.blue, strokeWidth: 1.5, dash: nil, loneRadius: 1.5, pointRadius: nil)
        return line.elements(values, x: x, y: y) + [
            SVGElement("circle", ["cx": x(last).svg, "cy": y(values[last]!).svg, "r": "2.5", "fill": ChartPalette.blue]),
        ]
    }
}
