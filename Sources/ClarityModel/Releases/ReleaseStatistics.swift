import Foundation

extension Statistics {
    /// Two-sided p-value of Welch's t-test on two samples of daily values; nil with fewer than two values on a side.
    ///
    /// Counts and means around a release are compared day against day: a window gives a handful of daily values per
    /// side, the days vary more than sessions within a day do, and the two sides need not share a variance. Welch's
    /// test with Welch–Satterthwaite degrees of freedom is the standard test for exactly that, and with so few days
    /// the Student t distribution (not the normal) keeps it from calling noise a change.
    public static func welchPValue(_ first: [Double], _ second: [Double]) -> Double? {
        guard first.count >= 2, second.count >= 2 else { return nil }
        let (mean1, variance1) = meanAndVariance(first)
        let (mean2, variance2) = meanAndVariance(second)
        let share1 = variance1 / Double(first.count)
        let share2 = variance2 / Double(second.count)
        let standardError = (share1 + share2).squareRoot()
        guard standardError > 0 else { return mean1 == mean2 ? 1 : 0 }
        let t = (mean1 - mean2) / standardError
        let degrees =
            (share1 + share2) * (share1 + share2)
            / (share1 * share1 / Double(first.count - 1) + share2 * share2 / Double(second.count - 1))
        return studentTwoSidedPValue(t: t, degreesOfFreedom: degrees)
    }

    /// Two-sided p-value of a Student t statistic: I_{ν/(ν+t²)}(ν/2, 1/2).
    public static func studentTwoSidedPValue(t: Double, degreesOfFreedom degrees: Double) -> Double {
        regularizedIncompleteBeta(degrees / (degrees + t * t), a: degrees / 2, b: 0.5)
    }

    /// The sample mean and the unbiased sample variance (n − 1).
    static func meanAndVariance(_ values: [Double]) -> (mean: Double, variance: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        return (mean, variance)
    }

    /// The regularized incomplete beta function I_x(a, b), by its continued fraction (Numerical Recipes, 6.4).
    static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logBeta: Double = lgamma(a) + lgamma(b) - lgamma(a + b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let front = exp(logPowers - logBeta)
        if x < (a + 1) / (a + b + 2) {
            return front * betaContinuedFraction(x, a: a, b: b) / a
        }
        return 1 - front * betaContinuedFraction(1 - x, a: b, b: a) / b
    }

    private static func betaContinuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        func guarded(_ value: Double) -> Double { abs(value) < tiny ? tiny : value }
        var c = 1.0
        var d = 1 / guarded(1 - (a + b) * x / (a + 1))
        var result = d
        for step in 1...300 {
            let m = Double(step)
            let even = m * (b - m) * x / ((a - 1 + 2 * m) * (a + 2 * m))
            d = 1 / guarded(1 + even * d)
            c = guarded(1 + even / c)
            result *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 1 + 2 * m))
            d = 1 / guarded(1 + odd * d)
            c = guarded(1 + odd / c)
            let delta = d * c
            result *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return result
    }
}

extension Statistics {
    /// Which of a family of tests stay significant under Holm's step-down correction, in the order given.
    ///
    /// Six frustration rates over every device or browser make dozens of tests, and a few of them would cross 5% by
    /// chance alone; Holm keeps the chance of any false alarm in the family at the significance level.
    public static func holmSignificant(_ pValues: [Double], significance: Double) -> [Bool] {
        var result = Array(repeating: false, count: pValues.count)
        let order = pValues.indices.sorted { pValues[$0] != pValues[$1] ? pValues[$0] < pValues[$1] : $0 < $1 }
        for (rank, index) in order.enumerated() {
            guard pValues[index] < significance / Double(pValues.count - rank) else { break }
            result[index] = true
        }
        return result
    }
}
