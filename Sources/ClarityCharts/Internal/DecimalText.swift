/// Locale-free fixed-point formatting of numbers, so output is byte-stable everywhere.
enum DecimalText {
    /// `value` rounded half away from zero to `decimals` places, with `,` thousands separators when `grouped`.
    static func fixed(_ value: Double, decimals: Int, grouped: Bool = false) -> String {
        guard value.isFinite else { return "–" }
        let scale = power10(decimals)
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9.0e18 else { return value < 0 ? "-∞" : "∞" }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        let whole = String(units / divisor)
        var text = grouped ? group(whole) : whole
        if decimals > 0 {
            let fraction = String(units % divisor)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return (value < 0 && units != 0 ? "-" : "") + text
    }

    /// Like `fixed` but without trailing zeros after the decimal point: `2.50` is `2.5`, `5.0` is `5`.
    static func trimmed(_ value: Double, maxDecimals: Int, grouped: Bool = false) -> String {
        var text = fixed(value, decimals: maxDecimals, grouped: grouped)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The fewest decimal places (up to 6) that show `value` exactly enough to tell round steps apart.
    static func decimalsNeeded(for value: Double) -> Int {
        for decimals in 0..<6 {
            let scaled = abs(value) * power10(decimals)
            if abs(scaled - scaled.rounded()) < 1e-6 { return decimals }
        }
        return 6
    }

    /// 10 raised to a non-negative or negative integer power, without Foundation.
    static func power10(_ exponent: Int) -> Double {
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
}

extension Double {
    /// This value as an SVG coordinate: at most two decimals, no trailing zeros.
    var svg: String { DecimalText.trimmed(self, maxDecimals: 2) }
}
