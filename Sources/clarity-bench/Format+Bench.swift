import ClarityModel

/// The benchmark's table formats, built on `ClarityModel`'s locale-free number formatting.
extension Format {
    /// A duration: milliseconds under ten seconds, seconds above.
    static func seconds(_ value: Double) -> String {
        value < 10 ? fixed(value * 1_000, decimals: value < 0.1 ? 1 : 0, grouped: true) + " ms" : fixed(value, decimals: 1, grouped: true) + " s"
    }

    /// A size in MB (10^6 bytes) or GB.
    static func bytes(_ value: Int) -> String {
        let megabytes = Double(value) / 1e6
        return megabytes < 1_000 ? fixed(megabytes, decimals: 1, grouped: true) + " MB" : fixed(megabytes / 1_000, decimals: 2, grouped: true) + " GB"
    }

    /// A throughput, rounded to three significant figures' worth of thousands.
    static func rate(_ value: Double) -> String {
        value >= 10_000 ? integer((value / 1_000).rounded() * 1_000) : fixed(value, decimals: value >= 100 ? 0 : 1, grouped: true)
    }

    /// A ratio such as 1.84×.
    static func ratio(_ value: Double) -> String { fixed(value, decimals: 2, grouped: true) + "×" }
}
