/// Locale-free number formatting, byte-stable on every machine.
public enum Format {
    /// What a value that is not a number shows as.
    public static let missing = "–"

    /// `12,345`; NaN shows as `missing`, infinities as `∞` and `-∞`.
    public static func integer(_ value: Double) -> String {
        fixed(value, decimals: 0, grouped: true)
    }

    /// `12,345`, exactly, for a whole number.
    public static func integer(_ value: Int) -> String {
        (value < 0 ? "-" : "") + group(String(value.magnitude))
    }

    /// A number with a fixed count of decimals and `,` thousands separators: `12,345.60`.
    public static func decimal(_ value: Double, places: Int) -> String {
        fixed(value, decimals: places, grouped: true)
    }

    /// `value` rounded half away from zero to `decimals` places, with `,` thousands separators when `grouped`.
    ///
    /// It never traps: NaN is `missing`, infinities are `∞` and `-∞`, and values beyond 64-bit integers show the
    /// digits of their shortest round-trip form followed by zeros.
    public static func fixed(_ value: Double, decimals: Int, grouped: Bool = false) -> String {
        if value.isNaN { return missing }
        if value.isInfinite { return value < 0 ? "-∞" : "∞" }
        let scale = power10(decimals)
        let scaled = (abs(value) * scale).rounded()
        let whole: String
        let fraction: String
        if scaled < 9e18 {
            let units = UInt64(scaled)
            let divisor = UInt64(scale)
            if units == 0 { return zero(decimals: decimals) }
            whole = String(units / divisor)
            let remainder = String(units % divisor)
            fraction = decimals > 0 ? String(repeating: "0", count: decimals - remainder.count) + remainder : ""
        } else {
            let digits = digits(of: abs(value), decimals: decimals)
            whole = digits.whole
            fraction = digits.fraction
        }
        let text = (grouped ? group(whole) : whole) + (decimals > 0 ? "." + fraction : "")
        return (value < 0 ? "-" : "") + text
    }

    /// Zero with `decimals` places, which never carries a sign.
    private static func zero(decimals: Int) -> String {
        decimals > 0 ? "0." + String(repeating: "0", count: decimals) : "0"
    }

    /// The whole and fraction digits of a magnitude too large for 64-bit integers once scaled, from its shortest
    /// round-trip decimal form (digits past the double's precision are zeros).
    private static func digits(of magnitude: Double, decimals: Int) -> (whole: String, fraction: String) {
        let description = "\(magnitude)"
        var mantissa = Substring(description)
        var exponent = 0
        if let marker = description.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = description[..<marker]
            exponent = Int(description[description.index(after: marker)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        var whole = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        if exponent > 0 {
            let moved = fraction.prefix(exponent)
            whole += moved + String(repeating: "0", count: exponent - moved.count)
            fraction = String(fraction.dropFirst(exponent))
        }
        return (whole, String((fraction + String(repeating: "0", count: decimals)).prefix(decimals)))
    }

    /// Like `fixed` but without trailing zeros after the decimal point: `2.50` is `2.5`, `5.0` is `5`.
    public static func trimmed(_ value: Double, maxDecimals: Int, grouped: Bool = false) -> String {
        var text = fixed(value, decimals: maxDecimals, grouped: grouped)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The fewest decimal places (up to 6) that show `value` exactly enough to tell round steps apart.
    public static func decimalsNeeded(for value: Double) -> Int {
        for decimals in 0..<6 {
            let scaled = abs(value) * power10(decimals)
            if abs(scaled - scaled.rounded()) < 1e-6 { return decimals }
        }
        return 6
    }

    /// 10 raised to a non-negative or negative integer power, without Foundation.
    public static func power10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent >= 0 ? result : 1 / result
    }

    private static func group(_ digits: String) -> String {
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return result
    }

    /// A fraction as a percentage: 0.0423 → `4.2%` (two decimals below 1%).
    public static func percent(_ fraction: Double) -> String {
        if fraction.isNaN { return missing }
        let percent = fraction * 100
        return decimal(percent, places: abs(percent) < 1 && percent != 0 ? 2 : 1) + "%"
    }

    /// A relative change with its sign: `+12.4%`, `−3.0%`, `±0.0%`.
    public static func change(_ relative: Double) -> String {
        let percent = relative * 100
        return signed(percent, places: abs(percent) < 10 ? 1 : 0, unit: "%")
    }

    /// A difference of two fractions in percentage points, signed: 0.0026 → `+0.26 pt` (two decimals below 1 pt).
    public static func points(_ difference: Double) -> String {
        let points = difference * 100
        return signed(points, places: (abs(points) * 100).rounded() < 100 ? 2 : 1, unit: " pt")
    }

    /// `+1.2` + unit, with a true minus sign, and `±` when the rounded value is zero.
    static func signed(_ value: Double, places: Int, unit: String) -> String {
        if value.isNaN { return missing }
        let text = decimal(abs(value), places: places)
        if text == decimal(0, places: places) { return "±" + text + unit }
        return (value > 0 ? "+" : "\u{2212}") + text + unit
    }

    /// A p- or q-value as a reader sees it: `p = 0.049`, `q < 0.001`.
    public static func probability(_ name: String, _ value: Double) -> String {
        value < 0.001 ? "\(name) < 0.001" : "\(name) = \(decimal(value, places: 3))"
    }

    /// Seconds as `1m 25s` or `48s`.
    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, abs(seconds) < 1e15 else { return seconds.isNaN ? missing : integer(seconds) + "s" }
        let total = Int64(seconds.rounded())
        return total >= 60 ? "\(total / 60)m \(total % 60)s" : "\(total)s"
    }

    /// `2026-11-16` to `2026-11-22` as `Nov 16 – Nov 22, 2026`.
    public static func range(_ first: Day, _ last: Day) -> String {
        "\(first.shortLabel) – \(last.shortLabel), \(last.year)"
    }
}
