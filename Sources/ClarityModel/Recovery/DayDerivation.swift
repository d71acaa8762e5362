/// The figures of one missed day: a 2- or 3-day snapshot's figures minus the 1-day snapshots of its other days, per segment.
public struct DayDerivation: Equatable, Sendable {
    /// One derived observation per segment present on every side.
    public let observations: [Observation]
    /// Segments of the window left out: absent from a subtracted snapshot (the row cap) or with fewer sessions in the whole than in its parts.
    public let skipped: [Segment]

    public init(observations: [Observation], skipped: [Segment]) {
        self.observations = observations
        self.skipped = skipped
    }

    /// Subtracts the parts from the whole, segment by segment; aggregate rows (a null dimension value) are left out.
    ///
    /// Additive figures are subtracted: sessions, bot sessions, each signal's session count, sessions with and without
    /// it (count × percentage), page views and events, and the totals behind the per-session means (mean × sessions).
    /// The derived percentages and means are those totals over the derived sessions. Distinct users are not additive,
    /// so they stay missing. A figure missing on any side is missing in the result.
    public static func subtract(_ parts: [[Observation]], from whole: [Observation]) -> DayDerivation {
        let indexed = parts.map { part in Dictionary(part.map { ($0.segment, $0) }, uniquingKeysWith: { first, _ in first }) }
        var derived: [Observation] = []
        var skipped: [Segment] = []
        for total in whole where !total.segment.isAggregate {
            let pieces = indexed.compactMap { $0[total.segment] }
            guard pieces.count == indexed.count, let observation = difference(total, pieces) else {
                skipped.append(total.segment)
                continue
            }
            derived.append(observation)
        }
        return DayDerivation(observations: derived.sorted { $0.segment < $1.segment }, skipped: skipped.sorted())
    }

    /// The whole minus its pieces for one segment; nil when the sessions would be missing or negative.
    static func difference(_ whole: Observation, _ pieces: [Observation]) -> Observation? {
        guard let sessions = count(whole.sessions, pieces.map(\.sessions)), sessions >= 0 else { return nil }
        var result = Observation(segment: whole.segment, sessions: sessions)
        result.botSessions = count(whole.botSessions, pieces.map(\.botSessions)).flatMap { $0 >= 0 ? $0 : nil }
        result.pagesPerSession = mean(whole, pieces, sessions, \.pagesPerSession)
        result.scrollDepth = mean(whole, pieces, sessions, \.scrollDepth)
        result.totalTime = mean(whole, pieces, sessions, \.totalTime)
        result.activeTime = mean(whole, pieces, sessions, \.activeTime)
        for (signal, figures) in whole.signals {
            let parts = pieces.map { $0.signals[signal] ?? SignalFigures() }
            result.signals[signal] = signalDifference(figures, parts)
        }
        return result
    }

    /// One signal's figures, whole minus parts.
    static func signalDifference(_ whole: SignalFigures, _ parts: [SignalFigures]) -> SignalFigures {
        var result = SignalFigures()
        result.pageViews = count(whole.pageViews, parts.map(\.pageViews)).flatMap { $0 >= 0 ? $0 : nil }
        result.events = count(whole.events, parts.map(\.events)).flatMap { $0 >= 0 ? $0 : nil }
        guard let sessions = count(whole.sessions, parts.map(\.sessions)), sessions >= 0 else { return result }
        result.sessions = sessions
        guard sessions > 0 else { return result }
        func share(_ percentage: KeyPath<SignalFigures, Double?>) -> Double? {
            guard let withWhole = whole[keyPath: percentage], let wholeSessions = whole.sessions else { return nil }
            var remaining = Double(wholeSessions) * withWhole
            for part in parts {
                guard let value = part[keyPath: percentage], let partSessions = part.sessions else { return nil }
                remaining -= Double(partSessions) * value
            }
            return min(100, max(0, remaining / Double(sessions)))
        }
        result.percentage = share(\.percentage)
        result.withoutPercentage = share(\.withoutPercentage)
        return result
    }

    /// Whole minus the sum of the parts; nil when any side is missing.
    static func count(_ whole: Int64?, _ parts: [Int64?]) -> Int64? {
        guard var remaining = whole else { return nil }
        for part in parts {
            guard let part else { return nil }
            remaining -= part
        }
        return remaining
    }

    /// A per-session mean from the totals behind it (mean × sessions), whole minus parts, over the derived sessions.
    static func mean(_ whole: Observation, _ pieces: [Observation], _ sessions: Int64, _ value: KeyPath<Observation, Double?>) -> Double? {
        guard sessions > 0, let wholeMean = whole[keyPath: value], let wholeSessions = whole.sessions else { return nil }
        var total = wholeMean * Double(wholeSessions)
        for piece in pieces {
            guard let pieceMean = piece[keyPath: value], let pieceSessions = piece.sessions else { return nil }
            total -= pieceMean * Double(pieceSessions)
        }
        return max(0, total / Double(sessions))
    }
}
