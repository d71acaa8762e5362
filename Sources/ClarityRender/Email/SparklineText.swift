/// A row of Unicode block characters drawing a series in plain text, for the email's text part.
public enum SparklineText {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Drawn for a day without data (or a value that is not a finite number).
    public static let missing: Character = "·"

    /// One block per value, scaled from the series' lowest (`▁`) to its highest (`█`); a flat series sits at `▄`.
    public static func render(_ values: [Double?]) -> String {
        let known = values.compactMap { $0 }.filter(\.isFinite)
        guard let low = known.min(), let high = known.max() else {
            return String(repeating: missing, count: values.count)
        }
        return String(
            values.map { value -> Character in
                guard let value, value.isFinite else { return missing }
                guard high > low else { return blocks[3] }
                return blocks[Int(((value - low) / (high - low) * Double(blocks.count - 1)).rounded())]
            })
    }
}
