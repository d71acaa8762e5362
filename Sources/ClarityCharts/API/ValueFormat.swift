import ClarityModel

/// How a chart writes its values in labels, axes and descriptions.
public enum ValueFormat: Sendable, Hashable {
    /// Whole numbers with thousands separators: `12,345`.
    case count
    /// A fraction shown as a percentage with one decimal: `0.042` is `4.2%`.
    case percent
    /// A ratio to a reference, with one decimal: `9.4×`.
    case multiple

    /// The value written in full: `12,345` or `4.2%`.
    public func format(_ value: Double) -> String {
        switch self {
        case .count: Format.fixed(value, decimals: 0, grouped: true)
        case .percent: Format.fixed(value * 100, decimals: 1, grouped: true) + "%"
        case .multiple: Format.fixed(value, decimals: 1, grouped: true) + "×"
        }
    }

    /// The value written short for tight spaces: counts of 10,000 and more become `12.3k` or `4.1M`.
    public func compact(_ value: Double) -> String {
        switch self {
        case .count:
            let magnitude = abs(value)
            if magnitude >= 999_950 { return Format.trimmed(value / 1_000_000, maxDecimals: 1, grouped: true) + "M" }
            if magnitude >= 10_000 { return Format.trimmed(value / 1_000, maxDecimals: 1) + "k" }
            return format(value)
        case .percent, .multiple:
            return format(value)
        }
    }

    /// Axis labels for evenly spaced ticks, all in one unit and with as many decimals as the step needs.
    func axisLabels(for ticks: [Double], step: Double) -> [String] {
        switch self {
        case .count:
            let largest = ticks.map(abs).max() ?? 0
            let (unit, suffix): (Double, String) = largest >= 10_000_000 ? (1_000_000, "M") : largest >= 10_000 ? (1_000, "k") : (1, "")
            let decimals = Format.decimalsNeeded(for: step / unit)
            return ticks.map { tick in
                tick == 0 ? "0" : Format.trimmed(tick / unit, maxDecimals: decimals, grouped: true) + suffix
            }
        case .percent:
            let decimals = Format.decimalsNeeded(for: step * 100)
            return ticks.map { tick in Format.trimmed(tick * 100, maxDecimals: decimals, grouped: true) + "%" }
        case .multiple:
            let decimals = Format.decimalsNeeded(for: step)
            return ticks.map { tick in Format.trimmed(tick, maxDecimals: decimals, grouped: true) + "×" }
        }
    }

    /// Whether ticks this far apart make sense: counts take whole-number steps, rates steps of at least 0.1%.
    func allowsStep(_ step: Double) -> Bool {
        switch self {
        case .count: step >= 1 && step == step.rounded()
        case .percent: step >= 0.001 * (1 - 1e-9)
        case .multiple: step >= 0.1 * (1 - 1e-9)
        }
    }

    /// The upper bound of an axis whose values are all zero or missing.
    var emptyUpper: Double {
        switch self {
        case .count: 4
        case .percent: 0.01
        case .multiple: 2
        }
    }
}
