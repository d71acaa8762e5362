import Foundation

/// The few statistical tests the reports use to tell a real move from noise.
public enum Statistics {
    /// Two-sided p-value of a two-proportion z-test (pooled), nil when either side has no sessions.
    public static func twoProportionPValue(successes1: Double, trials1: Double, successes2: Double, trials2: Double) -> Double? {
        guard trials1 > 0, trials2 > 0 else { return nil }
        guard let z = twoProportionZ(successes1: successes1, trials1: trials1, successes2: successes2, trials2: trials2) else {
            return successes1 / trials1 == successes2 / trials2 ? 1 : 0
        }
        return pValue(z: z)
    }

    /// The pooled two-proportion z of the first share against the second; nil without sessions or without variance.
    public static func twoProportionZ(successes1: Double, trials1: Double, successes2: Double, trials2: Double) -> Double? {
        guard trials1 > 0, trials2 > 0 else { return nil }
        let pooled = (successes1 + successes2) / (trials1 + trials2)
        let variance = pooled * (1 - pooled) * (1 / trials1 + 1 / trials2)
        guard variance > 0 else { return nil }
        return (successes1 / trials1 - successes2 / trials2) / variance.squareRoot()
    }

    /// How many sample standard deviations a value lies from the mean of a history; nil with fewer than 3 values or no spread.
    public static func zScore(of value: Double, against history: [Double]) -> Double? {
        guard history.count >= 3 else { return nil }
        let mean = history.reduce(0, +) / Double(history.count)
        let variance = history.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(history.count - 1)
        guard variance > 0 else { return nil }
        return (value - mean) / variance.squareRoot()
    }

    /// Two-sided p-value of a standard normal z.
    public static func pValue(z: Double) -> Double { erfc(abs(z) / 2.squareRoot()) }
}
