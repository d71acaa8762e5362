/// The charts' colours and the tones of good and bad news, as `#RRGGBB` strings that templates can reuse.
///
/// Every series colour is at least 3:1 against the white chart background, and every pair stays at least 30 CIELAB
/// units apart for readers with protanopia or deuteranopia as for everyone else (`ChartPaletteTests` checks both).
/// Okabe–Ito's orange, sky blue and reddish purple fell under 3:1 on white, and two of its pairs looked alike to
/// red–green colour-blind readers, so the palette was chosen again against those two rules.
public enum ChartPalette {
    public static let black = "#000000"
    public static let blue = "#0072B2"
    public static let orange = "#DD6600"
    public static let green = "#559977"
    public static let darkRed = "#882200"
    public static let slate = "#224444"
    public static let violet = "#7744FF"

    /// The colours given to successive series.
    public static let series = [blue, orange, green, darkRed, slate, violet]

    /// Text colours for a change that is good news, bad news or within noise: each at least 4.5:1 on white.
    public static let goodNews = blue
    public static let badNews = "#C04A00"
    public static let neutralNews = "#6B7280"

    /// The colour of the series at a position, cycling when there are more series than colours.
    public static func seriesColor(at index: Int) -> String {
        series[index % series.count]
    }
}
