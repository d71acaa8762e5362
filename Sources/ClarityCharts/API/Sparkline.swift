/// A tiny inline line of recent values, broken where a value is missing, with the latest value emphasised and the
/// values of partly covered periods drawn as hollow dots.
public struct Sparkline: Chart {
    public let title: String
    /// The values oldest first; nil marks a missing value and non-finite values count as missing.
    public let values: [Double?]
    public let format: ValueFormat
    public let width: Int
    public let height: Int
    /// Whether each value's period is only partly covered (a week missing a day); such values are hollow dots.
    public let partial: [Bool]

    public init(title: String, values: [Double?], format: ValueFormat = .count, width: Int = 80, height: Int = 20, partial: [Bool] = []) {
        self.title = SVGText.clean(title)
        self.values = values.map { $0.flatMap { $0.isFinite ? $0 : nil } }
        self.partial = values.indices.map { $0 < partial.count && partial[$0] }
        self.format = format
        self.width = width
        self.height = height
    }

    public var summary: String {
        let present = values.compactMap { $0 }
        guard let latest = present.last, let lowest = present.min(), let highest = present.max() else { return "\(title): no data." }
        let missing = values.count - present.count
        let partly = values.indices.filter { values[$0] != nil && partial[$0] }.count
        return "\(title): latest \(format.format(latest)), lowest \(format.format(lowest)), highest \(format.format(highest))"
            + " over \(values.count) values" + (missing > 0 ? "; \(missing) missing" : "")
            + (partly > 0 ? "; \(partly) from partly covered periods (hollow)." : ".")
    }

    public var svg: String {
        ChartDocument.render(title: title, summary: summary, width: width, height: height, body: body)
    }

    private static let padding = 3.0

    /// The line scales from the lowest to the highest value, not from zero, so small changes stay visible.
    private var body: [SVGElement] {
        let present = values.compactMap { $0 }
        guard let lowest = present.min(), let highest = present.max(),
            let last = values.lastIndex(where: { $0 != nil })
        else { return [] }
        let canvasWidth = Double(width)
        let canvasHeight = Double(height)
        let step = values.count > 1 ? (canvasWidth - 2 * Self.padding) / Double(values.count - 1) : 0
        let x = { (index: Int) in values.count > 1 ? Self.padding + Double(index) * step : canvasWidth / 2 }
        let y = { (value: Double) in
            highest == lowest
                ? canvasHeight / 2
                : canvasHeight - Self.padding - (value - lowest) / (highest - lowest) * (canvasHeight - 2 * Self.padding)
        }
        let line = LinePlot(color: ChartPalette.blue, strokeWidth: 1.5, dash: nil, loneRadius: 1.5, pointRadius: nil)
        let hollow = values.indices.filter { $0 != last && partial[$0] }.compactMap { index in
            values[index].map { value in
                SVGElement(
                    "circle",
                    [
                        "cx": x(index).svg, "cy": y(value).svg, "r": "2", "fill": ChartStyle.background, "stroke": ChartPalette.blue,
                        "stroke-width": "1",
                    ])
            }
        }
        let latest =
            partial[last]
            ? SVGElement(
                "circle",
                [
                    "cx": x(last).svg, "cy": y(values[last]!).svg, "r": "2.5", "fill": ChartStyle.background, "stroke": ChartPalette.blue,
                    "stroke-width": "1.5",
                ])
            : SVGElement("circle", ["cx": x(last).svg, "cy": y(values[last]!).svg, "r": "2.5", "fill": ChartPalette.blue])
        return line.elements(values, x: x, y: y) + hollow + [latest]
    }
}
