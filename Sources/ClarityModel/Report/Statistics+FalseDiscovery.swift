extension Statistics {
    /// Benjamini–Hochberg adjusted p-values (q-values) of a family of tests, in the order given.
    ///
    /// Every segment × signal of a week is one test, tens of thousands at the API's maximum, so a plain p < 0.05 would
    /// call hundreds of segments movers by chance. Declaring moved exactly those tests with q ≤ α keeps the expected
    /// share of false movers among those declared at α (Benjamini and Hochberg, 1995): q of the i-th smallest of m
    /// p-values is min over j ≥ i of p₍ⱼ₎ × m / j, capped at 1.
    public static func benjaminiHochberg(_ pValues: [Double]) -> [Double] {
        let count = Double(pValues.count)
        let order = pValues.indices.sorted { pValues[$0] != pValues[$1] ? pValues[$0] < pValues[$1] : $0 < $1 }
        var result = Array(repeating: 1.0, count: pValues.count)
        var running = 1.0
        for rank in order.indices.reversed() {
            let index = order[rank]
            running = min(running, pValues[index] * count / Double(rank + 1))
            result[index] = min(running, 1)
        }
        return result
    }
}
