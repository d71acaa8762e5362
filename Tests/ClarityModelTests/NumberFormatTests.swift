import ClarityModel
import Testing

/// The one locale-free number formatting every output uses, including for values no report should hold.
@Suite("Number formatting")
struct NumberFormatTests {
    @Test("Groups thousands and rounds half away from zero")
    func ordinaryValues() {
        #expect(Format.integer(12_345.5) == "12,346")
        #expect(Format.integer(-1_234_567.4) == "-1,234,567")
        #expect(Format.integer(-0.4) == "0")
        #expect(Format.integer(Int.min) == "-9,223,372,036,854,775,808")
        #expect(Format.decimal(2.345, places: 2) == "2.35")
        #expect(Format.decimal(-0.004, places: 2) == "0.00")
        #expect(Format.decimal(1_234.5, places: 1) == "1,234.5")
        #expect(Format.fixed(1_234.5, decimals: 2) == "1234.50")
        #expect(Format.trimmed(2.50, maxDecimals: 2) == "2.5")
        #expect(Format.trimmed(5, maxDecimals: 2, grouped: true) == "5")
        #expect(Format.percent(0.0423) == "4.2%")
        #expect(Format.change(-0.03) == "\u{2212}3.0%")
        #expect(Format.points(0.0026) == "+0.26 pt")
        #expect(Format.duration(85) == "1m 25s")
    }

    @Test("NaN and infinities show as a dash and ∞ instead of trapping")
    func nonFinite() {
        for format in [{ Format.integer($0) }, { Format.decimal($0, places: 2) }, { Format.fixed($0, decimals: 3) }] as [(Double) -> String] {
            #expect(format(.nan) == "–")
            #expect(format(-.nan) == "–")
            #expect(format(.infinity) == "∞")
            #expect(format(-.infinity) == "-∞")
        }
        #expect(Format.percent(.nan) == "–")
        #expect(Format.change(.nan) == "–")
        #expect(Format.points(.nan) == "–")
        #expect(Format.change(.infinity) == "+∞%")
        #expect(Format.duration(.nan) == "–")
        #expect(Format.duration(.infinity) == "∞s")
        #expect(Format.probability("p", .nan) == "p = –")
    }

    @Test("Values beyond 64-bit integers show their digits instead of trapping")
    func hugeValues() {
        #expect(Format.integer(1e19) == "10,000,000,000,000,000,000")
        #expect(Format.integer(-1e20) == "-100,000,000,000,000,000,000")
        #expect(Format.decimal(1e19, places: 2) == "10,000,000,000,000,000,000.00")
        #expect(Format.fixed(1e13, decimals: 6) == "10000000000000.000000")
        #expect(Format.integer(9.2e18) == "9,200,000,000,000,000,000")
        let largest = Format.integer(.greatestFiniteMagnitude)
        #expect(largest.hasPrefix("179,769,313,486,231,5"))
        #expect(largest.filter(\.isNumber).count == 309)
        #expect(Format.decimal(.greatestFiniteMagnitude, places: 1).hasSuffix(",000.0"))
        #expect(Format.decimal(-.greatestFiniteMagnitude, places: 1).hasPrefix("-179,769"))
        #expect(Format.duration(1e20) == "100,000,000,000,000,000,000s")
        #expect(Format.percent(1e300).hasSuffix(".0%"))
    }
}
