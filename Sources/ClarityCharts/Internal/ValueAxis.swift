/// A vertical value axis: a nice scale, its tick labels on the left, and horizontal gridlines across the plot.
struct ValueAxis {
    static let fontSize = 11.0

    let scale: NiceScale
    /// The ticks drawn: only zero when there are no values, so an empty chart shows no made-up scale.
    let ticks: [Double]
    let labels: [String]

    init(covering values: [Double], format: ValueFormat) {
        scale = NiceScale(covering: values, format: format)
        ticks = values.isEmpty ? [0] : scale.ticks
        labels = format.axisLabels(for: ticks, step: scale.step)
    }

    /// The width of the widest tick label.
    var labelWidth: Double {
        labels.map { TextMetrics.width($0, fontSize: Self.fontSize) }.max() ?? 0
    }

    /// Gridlines from `left` to `right` at each tick, placed by `y`, with the zero line darker.
    func elements(left: Double, right: Double, y: (Double) -> Double) -> [SVGElement] {
        zip(ticks, labels).flatMap { tick, label in
            [
                SVGElement(
                    "line",
                    [
                        "x1": left.svg, "y1": y(tick).svg, "x2": right.svg, "y2": y(tick).svg,
                        "stroke": tick == 0 ? ChartStyle.baseline : ChartStyle.gridline, "stroke-width": "1",
                        "shape-rendering": "crispEdges",
                    ]),
                SVGElement(
                    "text",
                    [
                        "x": (left - 8).svg, "y": (y(tick) + 4).svg, "text-anchor": "end",
                        "font-size": Self.fontSize.svg, "fill": ChartStyle.mutedText,
                    ], text: label),
            ]
        }
    }
}
