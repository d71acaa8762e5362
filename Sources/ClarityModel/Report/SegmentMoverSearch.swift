/// The week's segment movers before the onset rule has their daily figures: which segments the store must read next.
public struct SegmentMoverSearch: Sendable {
    let candidates: [WeeklyReport.MoverCandidate]
    /// Segment × signal tests in the corrected family.
    let tests: Int

    /// The movers' segments, strongest first, each once.
    public var segments: [Segment] { candidates.map(\.segment).uniqued() }
}
