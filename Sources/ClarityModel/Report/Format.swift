/// Locale-free number formatting, byte-stable on every machine.
public enum Format {
    /// `12,345`.
    public static func integer(_ value: Double) -> String {
        let rounded = Int64(value.rounded())
        let digits = String(abs(rounded))
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (rounded < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    /// A number with a fixed count of decimals: `2.35`.
    public static func decimal(_ value: Double, places: Int) -> String {
        let scale = (0..<places).reduce(1.0) { result, _ in result * 10 }
        let scaled = Int64((abs(value) * scale).rounded())
        let negative = value < 0 && scaled != 0
        let whole = scaled / Int64(scale)
        var text = integer(Double(whole))
        if places > 0 {
            var fraction = String(scaled % Int64(scale))
            while fraction.count < places { fraction = "0" + fraction }
            text += "." + fraction
        }
        return (negative ? "-" : "") + text
    }

    /// A fraction as a percentage: 0.0423 → `4.2%` (two decimals below 1%).
    public static func percent(_ fraction: Double) -> String {
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
        let total = Int64(seconds.rounded())
        return total >= 60 ? "\(total / 60)m \(total % 60)s" : "\(total)s"
    }

    /// `2026-11-16` to `2026-11-22` as `Nov 16 – Nov 22, 2026`.
    public static func range(_ first: Day, _ last: Day) -> String {
        "\(first.shortLabel) – \(last.shortLabel), \(last.year)"
    }
}
