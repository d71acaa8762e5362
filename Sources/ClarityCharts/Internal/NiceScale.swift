import ClarityModel

/// A value axis that includes zero and runs between round bounds in steps of 1, 2, 2.5 or 5 × 10^k.
struct NiceScale: Equatable {
    let lower: Double
    let upper: Double
    let step: Double

    /// The scale covering `values` and zero with about `targetSteps` steps.
    init(covering values: [Double], format: ValueFormat, targetSteps: Int = 4) {
        var low = min(0, values.min() ?? 0)
        var high = max(0, values.max() ?? 0)
        if low == high { high = low + format.emptyUpper }
        let rawStep = (high - low) / Double(targetSteps)
        var exponent = 0
        while Format.power10(exponent + 1) <= rawStep { exponent += 1 }
        while Format.power10(exponent) > rawStep { exponent -= 1 }
        var chosen = rawStep
        search: for power in exponent...(exponent + 12) {
            for mantissa in [1, 2, 2.5, 5] {
                let candidate = mantissa * Format.power10(power)
                if candidate >= rawStep * (1 - 1e-9), format.allowsStep(candidate) {
                    chosen = candidate
                    break search
                }
            }
        }
        step = chosen
        low = (low / chosen + 1e-9).rounded(.down) * chosen
        high = (high / chosen - 1e-9).rounded(.up) * chosen
        lower = low
        upper = high
    }

    /// The tick values from `lower` to `upper` inclusive.
    var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded())
        return (0...count).map { lower + Double($0) * step }
    }

    /// Where `value` falls between `lower` (0) and `upper` (1).
    func fraction(_ value: Double) -> Double {
        (value - lower) / (upper - lower)
    }
}
