/// The Okabe–Ito colour-blind-safe palette, as `#RRGGBB` strings that templates can reuse.
public enum ChartPalette {
    public static let black = "#000000"
    public static let orange = "#E69F00"
    public static let skyBlue = "#56B4E9"
    public static let bluishGreen = "#009E73"
    public static let yellow = "#F0E442"
    public static let blue = "#0072B2"
    public static let vermillion = "#D55E00"
    public static let reddishPurple = "#CC79A7"

    /// All eight Okabe–Ito colours in their published order.
    public static let okabeIto = [black, orange, skyBlue, bluishGreen, yellow, blue, vermillion, reddishPurple]

    /// The colours given to successive series; yellow is left out because it is too faint on white.
    public static let series = [blue, orange, bluishGreen, vermillion, reddishPurple, skyBlue, black]

    /// The colour of the series at a position, cycling when there are more series than colours.
    public static func seriesColor(at index: Int) -> String {
        series[index % series.count]
    }
}
