extension Statistics {
    /// One-sided upper tail P(T ≥ t) of Student's t with `degrees` degrees of freedom: half the two-sided p, mirrored below 0.
    ///
    /// The daily alerts score a day against a baseline of only 4 to 8 earlier days, whose spread is itself uncertain;
    /// the normal tail would call far too many days anomalous, Student's t with n − 1 degrees of freedom much fewer.
    public static func studentTUpperTail(_ t: Double, degrees: Double) -> Double {
        guard t.isFinite else { return t > 0 ? 0 : 1 }
        let half = studentTwoSidedPValue(t: t, degreesOfFreedom: degrees) / 2
        return t >= 0 ? half : 1 - half
    }
}
