/// The JSON model of the pages and acquisition tables: each row carries its own figures once.
///
/// A row's `change` keeps only the sessions comparison's verdict and evidence (its counts and texts are the row's own
/// `sessions`, `previousSessions`, `…Text`, `changeText`, `verdictText` and `tone`; its label, kind and polarity are the
/// top-level `kpis`' `sessions`), its `quickback` drops what every rate row shares, and the rows of a table without
/// quality figures (referrers, page titles) carry none, nor do rising and falling rows. A table lists the email's compact
/// rows as the one "other" row that differs from its first rows (`compactOther`). The Swift model keeps every field.
extension BreakdownTable {
    private enum JSONKeys: String, CodingKey {
        case id, title, dimensions, source, valueCount, totalSessions, previousTotalSessions, rows, compactOther, rising, falling
        case totalSessionsText, isEmpty, hasQuality
    }

    /// The email's "other" row: what the compact rows hold beyond the first rows of `rows`; nil when no value is left over.
    var compactOther: BreakdownRow? {
        guard let last = compactRows.last, last.isOther else { return nil }
        return last
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: JSONKeys.self)
        let figures = { (rows: [BreakdownRow], quality: Bool) in rows.map { BreakdownRowFigures(row: $0, quality: quality) } }
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(dimensions, forKey: .dimensions)
        try container.encode(source, forKey: .source)
        try container.encode(valueCount, forKey: .valueCount)
        try container.encode(totalSessions, forKey: .totalSessions)
        try container.encodeIfPresent(previousTotalSessions, forKey: .previousTotalSessions)
        try container.encode(figures(rows, hasQuality), forKey: .rows)
        try container.encodeIfPresent(compactOther.map { BreakdownRowFigures(row: $0, quality: hasQuality) }, forKey: .compactOther)
        // A rising or falling row says how its sessions moved; its quality figures are in `rows` when it ranks there.
        try container.encode(figures(rising, false), forKey: .rising)
        try container.encode(figures(falling, false), forKey: .falling)
        try container.encode(totalSessionsText, forKey: .totalSessionsText)
        try container.encode(isEmpty, forKey: .isEmpty)
        try container.encode(hasQuality, forKey: .hasQuality)
    }
}

extension BreakdownRow {
    /// A row on its own (the new pages) is a page row: it carries its quality figures.
    public func encode(to encoder: any Encoder) throws {
        try BreakdownRowFigures(row: self, quality: true).encode(to: encoder)
    }
}

/// One breakdown row as the JSON model carries it; `quality` false leaves out the figures a name list does not have.
struct BreakdownRowFigures: Encodable {
    let row: BreakdownRow
    let quality: Bool

    /// The sessions change keeps its verdict and evidence: its id is `sessions`, and its figures and texts are the row's
    /// own `sessions`, `previousSessions`, `sessionsText`, `previousSessionsText`, `changeText`, `verdictText` and `tone`.
    static let changeOmits = KPIEntryFigures.shared.union([
        .id, .current, .previous, .currentText, .previousText, .changeText, .verdictText, .tone,
    ])
    /// The quick-back rate is never compared per day, and its current text is the row's `quickbackText`.
    static let quickbackOmits = KPIEntryFigures.shared.union([.id, .comparedPerDay, .currentText])

    private enum CodingKeys: String, CodingKey {
        case value, label, isOther, values, sessions, previousSessions, share, previousShare, change, activeTime, scrollDepth
        case quickback, worstSignal, worstSignalLabel, worstSignalRate, worstSignalSiteRate, sessionsText, previousSessionsText
        case shareText, changeText, verdictText, tone, activeTimeText, scrollDepthText, quickbackText, worstSignalText
        case recordingFilter
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(row.value, forKey: .value)
        try container.encode(row.label, forKey: .label)
        try container.encode(row.isOther, forKey: .isOther)
        try container.encode(row.values, forKey: .values)
        try container.encode(row.sessions, forKey: .sessions)
        try container.encodeIfPresent(row.previousSessions, forKey: .previousSessions)
        try container.encodeIfPresent(row.share, forKey: .share)
        try container.encodeIfPresent(row.previousShare, forKey: .previousShare)
        try container.encodeIfPresent(row.change.map { KPIEntryFigures($0, omitting: Self.changeOmits) }, forKey: .change)
        try container.encode(row.sessionsText, forKey: .sessionsText)
        try container.encode(row.previousSessionsText, forKey: .previousSessionsText)
        try container.encode(row.shareText, forKey: .shareText)
        try container.encode(row.changeText, forKey: .changeText)
        try container.encode(row.verdictText, forKey: .verdictText)
        try container.encode(row.tone, forKey: .tone)
        try container.encodeIfPresent(row.recordingFilter, forKey: .recordingFilter)
        guard quality else { return }
        try container.encodeIfPresent(row.activeTime, forKey: .activeTime)
        try container.encodeIfPresent(row.scrollDepth, forKey: .scrollDepth)
        try container.encodeIfPresent(row.quickback.map { KPIEntryFigures($0, omitting: Self.quickbackOmits) }, forKey: .quickback)
        try container.encodeIfPresent(row.worstSignal, forKey: .worstSignal)
        try container.encodeIfPresent(row.worstSignalLabel, forKey: .worstSignalLabel)
        try container.encodeIfPresent(row.worstSignalRate, forKey: .worstSignalRate)
        try container.encodeIfPresent(row.worstSignalSiteRate, forKey: .worstSignalSiteRate)
        try container.encode(row.activeTimeText, forKey: .activeTimeText)
        try container.encode(row.scrollDepthText, forKey: .scrollDepthText)
        try container.encode(row.quickbackText, forKey: .quickbackText)
        try container.encode(row.worstSignalText, forKey: .worstSignalText)
    }
}
