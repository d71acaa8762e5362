import ClarityCharts
import Foundation
import Testing

/// The charts' colours stand out on white and stay apart for readers with red–green colour blindness.
@Suite struct ChartPaletteTests {
    /// The series colours as every reader sees them, and as protanopes and deuteranopes do.
    static let visions: [(name: String, simulate: @Sendable ([Double]) -> [Double])] = [
        ("normal vision", { $0 }), ("protanopia", { Color.machado($0, Color.protanopia) }),
        ("deuteranopia", { Color.machado($0, Color.deuteranopia) }),
    ]

    @Test("every series colour is at least 3:1 against the chart background")
    func seriesContrast() throws {
        for color in ChartPalette.series {
            #expect(try Color.contrast(color, ChartStyle.background) >= 3, "\(color)")
        }
    }

    @Test("news tones are at least 4.5:1 against white, as text must be")
    func toneContrast() throws {
        for color in [ChartPalette.goodNews, ChartPalette.badNews, ChartPalette.neutralNews, ChartStyle.text] {
            #expect(try Color.contrast(color, "#FFFFFF") >= 4.5, "\(color)")
        }
    }

    @Test("every pair of series colours stays 30 CIELAB units apart under normal vision, protanopia and deuteranopia")
    func seriesStayApart() throws {
        for (name, simulate) in Self.visions {
            let seen = try ChartPalette.series.map { try Color.lab(simulate(Color.linear($0))) }
            for first in seen.indices {
                for second in seen.indices where second > first {
                    let distance = zip(seen[first], seen[second]).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
                    #expect(distance >= 30, "\(ChartPalette.series[first]) and \(ChartPalette.series[second]) under \(name): ΔE \(distance)")
                }
            }
        }
    }

    @Test("the checks tell apart what they should: the old Okabe–Ito pairs fail them, hand-worked contrasts hold")
    func checksAreSharp() throws {
        #expect(abs(try Color.contrast("#000000", "#FFFFFF") - 21) < 1e-9)
        #expect(abs(try Color.contrast("#777777", "#FFFFFF") - 4.478) < 0.001)
        #expect(try Color.contrast("#E69F00", "#FFFFFF") < 3)
        // Quick backs (bluish green) and script errors (reddish purple) looked alike to deuteranopes.
        let green = try Color.lab(Color.machado(Color.linear("#009E73"), Color.deuteranopia))
        let purple = try Color.lab(Color.machado(Color.linear("#CC79A7"), Color.deuteranopia))
        #expect(zip(green, purple).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot() < 30)
    }
}

/// Colour arithmetic for the checks: WCAG contrast, Machado et al. (2009) colour-vision simulation at full severity,
/// and CIELAB (D65).
enum Color {
    static let protanopia = [
        [0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ]
    static let deuteranopia = [
        [0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ]

    struct NotAColor: Error { let text: String }

    /// Linear-light RGB of a `#RRGGBB` colour.
    static func linear(_ hex: String) throws -> [Double] {
        guard hex.count == 7, hex.first == "#", let value = Int(hex.dropFirst(), radix: 16) else { throw NotAColor(text: hex) }
        return [value >> 16, value >> 8 & 0xFF, value & 0xFF].map { channel in
            let c = Double(channel) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
    }

    static func luminance(_ rgb: [Double]) -> Double { 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2] }

    static func contrast(_ first: String, _ second: String) throws -> Double {
        let (a, b) = (luminance(try linear(first)), luminance(try linear(second)))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    static func machado(_ rgb: [Double], _ matrix: [[Double]]) -> [Double] {
        matrix.map { row in min(1, max(0, zip(row, rgb).map(*).reduce(0, +))) }
    }

    static func lab(_ rgb: [Double]) throws -> [Double] {
        let x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047
        let y = luminance(rgb)
        let z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883
        let f = { (t: Double) in t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116 }
        return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))]
    }
}
