/// An SVG chart that librsvg and cairo could not turn into a PNG, with what went wrong and what to do.
public struct RasterizationError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What stopped the rasterization.
    public enum Problem: Equatable, Sendable {
        /// librsvg rejected the document; `reason` is its message.
        case invalidSVG(reason: String)
        /// The document has neither a usable width and height nor a viewBox.
        case noSize
        /// The PNG would be empty or larger than cairo's 32767-pixel limit.
        case unsupportedSize(width: Double, height: Double)
        /// cairo or librsvg failed while drawing or encoding; `reason` is its message.
        case renderingFailed(reason: String)
        /// The charts' font, Liberation Sans, is not installed; `tried` lists the files looked for.
        case fontMissing(tried: [String])
    }

    public let problem: Problem

    public init(_ problem: Problem) { self.problem = problem }

    public var description: String {
        switch problem {
        case .invalidSVG(let reason):
            "The chart is not a valid SVG document (\(reason)). Check the chart's SVG output."
        case .noSize:
            "The chart's SVG has no width and height in pixels and no viewBox, so its PNG size is unknown. "
                + "Give the root <svg> element width, height or a viewBox."
        case .unsupportedSize(let width, let height):
            "The chart's PNG would be \(Int(width.rounded(.up)))×\(Int(height.rounded(.up))) pixels; "
                + "it must be between 1 and 32767 pixels on each side. Check the SVG's width, height and the scale."
        case .renderingFailed(let reason):
            "The chart could not be drawn as a PNG (\(reason))."
        case .fontMissing(let tried):
            "The charts' font, Liberation Sans, is not installed (looked for \(tried.joined(separator: ", "))). "
                + "Install Debian's fonts-liberation2 package (scripts/install-deps.sh does)."
        }
    }
}
