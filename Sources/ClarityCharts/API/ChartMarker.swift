import ClarityModel

/// A labelled vertical line on a time series at a given day, such as a release.
public struct ChartMarker: Sendable, Hashable {
    public let day: Day
    public let label: String

    public init(day: Day, label: String) {
        self.day = day
        self.label = SVGText.clean(label)
    }
}
