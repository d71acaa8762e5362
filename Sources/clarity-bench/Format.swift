/// Locale-free number formats for the benchmark's tables.
enum Format {
    /// An integer with thousands separators: 3,285,365.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }

    /// A value with a fixed number of decimals.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        guard decimals > 0 else { return count(scaled) }
        let magnitude = scaled.magnitude
        let whole = Int(magnitude / UInt(scale))
        var fraction = String(magnitude % UInt(scale))
        while fraction.count < decimals { fraction = "0" + fraction }
        return (scaled < 0 ? "-" : "") + count(whole) + "." + fraction
    }

    /// A duration: milliseconds under ten seconds, seconds above.
    static func seconds(_ value: Double) -> String {
        value < 10 ? fixed(value * 1_000, value < 0.1 ? 1 : 0) + " ms" : fixed(value, 1) + " s"
    }

    /// A size in MB (10^6 bytes) or GB.
    static func bytes(_ value: Int) -> String {
        let megabytes = Double(value) / 1e6
        return megabytes < 1_000 ? fixed(megabytes, 1) + " MB" : fixed(megabytes / 1_000, 2) + " GB"
    }

    /// A throughput, rounded to three significant figures' worth of thousands.
    static func rate(_ value: Double) -> String {
        value >= 10_000 ? count(Int((value / 1_000).rounded()) * 1_000) : fixed(value, value >= 100 ? 0 : 1)
    }

    /// A ratio such as 1.84×.
    static func ratio(_ value: Double) -> String { fixed(value, 2) + "×" }
}
