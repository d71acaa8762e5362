/// The root `<svg>` every chart shares: size, accessible title and description, font, and an opaque background.
enum ChartDocument {
    /// The complete SVG text for a chart body.
    static func render(title: String, summary: String, width: Int, height: Int, body: [SVGElement]) -> String {
        // The width is part of the id: a page may hold the same chart twice, for wide screens and for phones.
        let id = "chart-" + fingerprint(title + "\u{1F}" + summary + (width == 600 ? "" : "\u{1F}\(width)"))
        let root = SVGElement(
            "svg",
            [
                "xmlns": "http://www.w3.org/2000/svg",
                "width": String(width),
                "height": String(height),
                "viewBox": "0 0 \(width) \(height)",
                "role": "img",
                "aria-labelledby": "\(id)-title \(id)-desc",
                "font-family": ChartStyle.fontFamily,
            ],
            children: [
                SVGElement("title", ["id": "\(id)-title"], text: title),
                SVGElement("desc", ["id": "\(id)-desc"], text: summary),
                SVGElement("rect", ["width": String(width), "height": String(height), "fill": ChartStyle.background]),
            ] + body)
        var output = ""
        root.write(to: &output, indent: "")
        return output
    }

    /// Eight hex digits of the 32-bit FNV-1a hash of `text`, so ids differ between charts on one page.
    private static func fingerprint(_ text: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
