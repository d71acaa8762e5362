/// A row of legend keys and names above a plot, wrapping onto further rows when it runs out of width.
struct Legend {
    /// How a legend entry's key is drawn.
    enum Key {
        case line(color: String, dash: String?)
        case box(color: String)
    }

    /// One named key.
    struct Entry {
        let key: Key
        let name: String
    }

    static let fontSize = 11.0
    static let rowHeight = 18.0
    private static let keyWidth = 16.0
    private static let maxNameWidth = 160.0

    let entries: [Entry]

    /// The legend's elements starting at `left`, with its first row's baseline at `top` + 12, and its height.
    func layout(left: Double, top: Double, right: Double) -> (elements: [SVGElement], height: Double) {
        guard !entries.isEmpty else { return ([], 0) }
        var elements: [SVGElement] = []
        var x = left
        var baseline = top + 12
        for entry in entries {
            let name = TextMetrics.fit(entry.name, maxWidth: Self.maxNameWidth, fontSize: Self.fontSize)
            let entryWidth = Self.keyWidth + 5 + TextMetrics.width(name, fontSize: Self.fontSize)
            if x > left, x + entryWidth > right {
                x = left
                baseline += Self.rowHeight
            }
            elements.append(key(entry.key, x: x, baseline: baseline))
            elements.append(
                .label(
                    entry.name, maxWidth: Self.maxNameWidth, fontSize: Self.fontSize,
                    [
                        "x": (x + Self.keyWidth + 5).svg, "y": baseline.svg, "fill": ChartStyle.text,
                    ]))
            x += entryWidth + 16
        }
        return (elements, baseline - top + 8)
    }

    private func key(_ key: Key, x: Double, baseline: Double) -> SVGElement {
        let middle = baseline - 4
        switch key {
        case .line(let color, let dash?):
            return SVGElement(
                "line",
                [
                    "x1": x.svg, "y1": middle.svg, "x2": (x + Self.keyWidth).svg, "y2": middle.svg,
                    "stroke": color, "stroke-width": "2", "stroke-dasharray": dash,
                ])
        case .line(let color, nil):
            return SVGElement(
                "line",
                [
                    "x1": x.svg, "y1": middle.svg, "x2": (x + Self.keyWidth).svg, "y2": middle.svg,
                    "stroke": color, "stroke-width": "2",
                ])
        case .box(let color):
            return SVGElement(
                "rect",
                [
                    "x": x.svg, "y": (middle - 5).svg, "width": Self.keyWidth.svg, "height": "10",
                    "fill": color, "stroke": ChartStyle.gridline,
                ])
        }
    }
}
