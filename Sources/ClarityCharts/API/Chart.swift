/// A chart rendered as a self-contained, accessible SVG document.
public protocol Chart: Sendable {
    /// The chart's name, written as the SVG `<title>`.
    var title: String { get }
    /// A sentence stating the chart's key numbers, written as the SVG `<desc>` and reused as alt text.
    var summary: String { get }
    /// The complete SVG document, byte-identical for identical inputs.
    var svg: String { get }
}
