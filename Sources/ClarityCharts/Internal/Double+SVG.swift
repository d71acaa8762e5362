import ClarityModel

extension Double {
    /// This value as an SVG coordinate: at most two decimals, no trailing zeros.
    var svg: String { Format.trimmed(self, maxDecimals: 2) }
}
