import Foundation

/// Where the PNG charts' font is looked for, so a health check can tell before a chart is drawn.
public enum ChartFontFile {
    /// The Liberation Sans files looked for, in order.
    public static var searched: [String] { ChartFontMap.directories.map { "\($0)/\(ChartFontMap.faces[0])" } }

    /// The Liberation Sans file the charts would use; nil when none is installed.
    public static func installed() -> String? {
        searched.first { FileManager.default.isReadableFile(atPath: $0) }
    }
}
