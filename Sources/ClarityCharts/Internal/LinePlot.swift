/// Draws a series of optional values as lines broken at every missing value, with lone values as dots.
struct LinePlot {
    let color: String
    let strokeWidth: Double
    /// An SVG `stroke-dasharray`, or nil for a solid line.
    let dash: String?
    /// The radius of the dot on a value with no neighbour to join.
    let loneRadius: Double
    /// The radius of the dot on every joined value, or nil for no dots.
    let pointRadius: Double?

    /// The index ranges of consecutive present values.
    static func runs(_ values: [Double?]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for (index, value) in values.enumerated() {
            if value != nil, start == nil { start = index }
            if value == nil, let first = start {
                runs.append(first..<index)
                start = nil
            }
        }
        if let first = start { runs.append(first..<values.count) }
        return runs
    }

    /// Paths and dots for `values`, placed by `x` for an index and `y` for a value.
    func elements(_ values: [Double?], x: (Int) -> Double, y: (Double) -> Double) -> [SVGElement] {
        var lines: [SVGElement] = []
        var dots: [SVGElement] = []
        for run in Self.runs(values) {
            let points = run.map { (x: x($0), y: y(values[$0]!)) }
            if points.count == 1 {
                dots.append(dot(points[0], radius: loneRadius))
                continue
            }
            let path = points.enumerated().map { offset, point in
                (offset == 0 ? "M" : "L") + point.x.svg + "," + point.y.svg
            }.joined(separator: " ")
            lines.append(line(path))
            if let pointRadius { dots += points.map { dot($0, radius: pointRadius) } }
        }
        return lines + dots
    }

    private func line(_ path: String) -> SVGElement {
        if let dash {
            return SVGElement(
                "path",
                [
                    "d": path, "fill": "none", "stroke": color, "stroke-width": strokeWidth.svg,
                    "stroke-dasharray": dash, "stroke-linejoin": "round", "stroke-linecap": "round",
                ])
        }
        return SVGElement(
            "path",
            [
                "d": path, "fill": "none", "stroke": color, "stroke-width": strokeWidth.svg,
                "stroke-linejoin": "round", "stroke-linecap": "round",
            ])
    }

    private func dot(_ point: (x: Double, y: Double), radius: Double) -> SVGElement {
        SVGElement("circle", ["cx": point.x.svg, "cy": point.y.svg, "r": radius.svg, "fill": color])
    }
}
