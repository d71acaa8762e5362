/// An SVG element with attributes in a fixed order, written as indented text.
struct SVGElement {
    let name: String
    let attributes: [(name: String, value: String)]
    let children: [SVGElement]
    let text: String?

    init(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], children: [SVGElement] = [], text: String? = nil) {
        self.name = name
        self.attributes = attributes.map { ($0.key, $0.value) }
        self.children = children
        self.text = text
    }

    /// A `<text>` element showing `label` cut to `maxWidth`, with the whole label in a `<title>` child when cut.
    static func label(_ label: String, maxWidth: Double, fontSize: Double, _ attributes: KeyValuePairs<String, String>) -> SVGElement {
        let shown = TextMetrics.fit(label, maxWidth: maxWidth, fontSize: fontSize)
        let title = shown == label ? [] : [SVGElement("title", text: label)]
        let sized = attributes.map { ($0.key, $0.value) } + [("font-size", fontSize.svg)]
        return SVGElement(name: "text", attributes: sized, children: title, text: shown)
    }

    /// A `<text>` element showing `label` with its middle cut to fit `maxWidth`, so both its ends stay whole, and the
    /// whole label (or `fullText`) in a `<title>` child.
    static func middleCutLabel(
        _ label: String, maxWidth: Double, fontSize: Double, fullText: String?,
        _ attributes: KeyValuePairs<String, String>
    ) -> SVGElement {
        let shown = TextMetrics.fitMiddle(label, maxWidth: maxWidth, fontSize: fontSize)
        let described = fullText ?? label
        let title = shown == described ? [] : [SVGElement("title", text: described)]
        let sized = attributes.map { ($0.key, $0.value) } + [("font-size", fontSize.svg)]
        return SVGElement(name: "text", attributes: sized, children: title, text: shown)
    }

    private init(name: String, attributes: [(name: String, value: String)], children: [SVGElement], text: String?) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// Appends this element to `output`: on its own indented line, or inline when `indent` is nil.
    func write(to output: inout String, indent: String?) {
        if let indent { output += indent }
        output += "<" + name
        for attribute in attributes {
            output += " " + attribute.name + "=\"" + SVGText.escape(attribute.value) + "\""
        }
        if children.isEmpty, text == nil {
            output += "/>"
        } else if let text {
            output += ">"
            for child in children { child.write(to: &output, indent: nil) }
            output += SVGText.escape(text) + "</" + name + ">"
        } else {
            output += ">\n"
            for child in children { child.write(to: &output, indent: (indent ?? "") + "  ") }
            output += (indent ?? "") + "</" + name + ">"
        }
        if indent != nil { output += "\n" }
    }
}

extension SVGElement {
    /// A muted "No data" note centred on a point, for charts with nothing to draw.
    static func noData(x: Double, y: Double) -> SVGElement {
        SVGElement(
            "text",
            [
                "x": x.svg, "y": y.svg, "text-anchor": "middle", "font-size": "12", "fill": ChartStyle.mutedText,
            ], text: "No data")
    }
}
