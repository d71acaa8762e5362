/// The neutral colours and the font stack shared by every chart, for templates that sit beside them.
public enum ChartStyle {
    /// The font the charts measure their labels in, then the two whose metrics it copies, so labels fit in browsers,
    /// mail clients and the PNG charts alike.
    public static let fontFamily = "'Liberation Sans', Arial, Helvetica, sans-serif"
    public static let background = "#FFFFFF"
    public static let text = "#1F2937"
    public static let mutedText = "#6B7280"
    public static let gridline = "#E5E7EB"
    public static let baseline = "#9CA3AF"
    /// The colour of a previous-period comparison line or bar.
    public static let previous = "#A3A3A3"
    /// The fill behind points that have no data.
    public static let missing = "#F3F4F6"
    /// The colour of marker lines and reference lines.
    public static let marker = "#374151"
}
