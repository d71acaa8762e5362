import CPango
import Foundation

/// The one font the PNG charts are drawn in, Liberation Sans, seen through a private fontconfig configuration.
///
/// The configuration holds that font's files and nothing else: no system or user configuration file, no
/// `FONTCONFIG_FILE`, no aliases. Whatever else a machine has installed, every family the SVG names resolves to
/// Liberation Sans, so the same chart gives the same PNG bytes everywhere. It is the font whose metrics the charts
/// measure their labels with (`ChartFontMetrics` in ClarityCharts).
enum ChartFontMap {
    /// Where Debian's fonts-liberation2 (and fonts-liberation from version 2 on) put the font.
    static let directories = ["/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation"]
    static let faces = [
        "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf",
        "LiberationSans-BoldItalic.ttf",
    ]

    /// The font map, made once; only used while `drawing` is held.
    nonisolated(unsafe) private static let shared: Result<UnsafeMutablePointer<PangoFontMap>, RasterizationError> =
        make()

    /// Serialises text layout: the font map and the fontconfig and pango caches behind it are shared by every thread.
    private static let drawing = NSLock()

    /// Runs `body` with the private font map as the calling thread's default, the one librsvg lays text out with.
    ///
    /// pango keeps one default font map per thread, so it is set again for every drawing.
    static func withPrivateFonts<T>(_ body: () throws(RasterizationError) -> T) throws(RasterizationError) -> T {
        drawing.lock()
        defer { drawing.unlock() }
        clarity_font_map_make_default(try shared.get())
        return try body()
    }

    /// A font map of the faces in the first of `directories` that holds the regular face; a missing font names every
    /// path tried and the package to install.
    static func make(directories: [String] = directories) -> Result<UnsafeMutablePointer<PangoFontMap>, RasterizationError> {
        guard
            let directory = directories.first(where: { directory in
                FileManager.default.isReadableFile(atPath: "\(directory)/\(faces[0])")
            })
        else {
            return .failure(RasterizationError(.fontMissing(tried: directories.map { "\($0)/\(faces[0])" })))
        }
        guard let config = FcConfigCreate() else {
            return .failure(RasterizationError(.renderingFailed(reason: "fontconfig could not make a configuration")))
        }
        for face in faces {
            let path = "\(directory)/\(face)"
            guard FileManager.default.isReadableFile(atPath: path) else { continue }
            guard FcConfigAppFontAddFile(config, path) != 0 else {
                return .failure(RasterizationError(.renderingFailed(reason: "fontconfig could not read \(path)")))
            }
        }
        guard let map = clarity_font_map_new(config) else {
            return .failure(RasterizationError(.renderingFailed(reason: "pango could not make a font map")))
        }
        return .success(map)
    }
}
