/// The executive monthly summary in plain words: its one-sentence summary, and figures' texts without analyst jargon.
public enum MonthlySummary {
    /// One sentence for the top of the summary: how sessions moved, then the strongest win and the strongest issue.
    ///
    /// Wins and issues come ranked from the model (site-wide moves first), so the first of each is the strongest; a
    /// move's likely cause is named by its release's version.
    public static func sentence(_ report: MonthlyReport) -> String {
        var parts: [String] = []
        if let sessions = report.kpis.first(where: { $0.id == "sessions" }) {
            let perDay = sessions.comparedPerDay ? " per day" : ""
            switch (sessions.verdict, sessions.direction) {
            case ("significant", "up"): parts.append("sessions rose to \(sessions.currentText) (\(sessions.changeText)\(perDay))")
            case ("significant", "down"): parts.append("sessions fell to \(sessions.currentText) (\(sessions.changeText)\(perDay))")
            default: parts.append("sessions held steady at \(sessions.currentText)")
            }
        }
        for move in [report.wins.first, report.issues.first].compactMap({ $0 }) {
            let after = move.cause.map { " after \($0.version) shipped" } ?? ""
            parts.append(lowercasingFirst(trimmingPeriod(move.statement)) + after)
        }
        if report.wins.isEmpty, report.issues.isEmpty {
            parts.append("no other figure moved beyond the usual month-to-month variation")
        }
        return "\(report.period.title): " + parts.joined(separator: "; ") + "."
    }

    /// `text` with segment labels and verdicts in plain words: "Rage clicks in Browser = Safari · Device = Mobile"
    /// becomes "Rage clicks in Safari, Mobile", "beyond noise" becomes "a real change".
    public static func plain(_ text: String) -> String {
        var result = text
        for dimension in Dimension.allCases {
            result = result.replacing("\(dimension.name) = ", with: "")
        }
        return result.replacing(" · ", with: ", ")
            .replacing("beyond noise", with: "a real change")
            .replacing("within noise", with: "usual variation")
    }

    /// A release as one short line: version, day, note, and its first measured effect.
    public static func releaseLine(_ impact: ReleaseImpact) -> String {
        let note = impact.release.note.isEmpty ? "" : " (\(impact.release.note))"
        return "\(impact.release.version), \(impact.dayText)\(note): \(releaseEffect(impact))"
    }

    /// A release's first measured effect in plain words, "so far" while its after-window runs.
    public static func releaseEffect(_ impact: ReleaseImpact) -> String {
        let effect = impact.findings.first.map(plain) ?? "no measurable effect."
        return impact.isComplete ? effect : "\(effect) \(impact.progressText)"
    }

    private static func trimmingPeriod(_ text: String) -> String {
        text.hasSuffix(".") ? String(text.dropLast()) : text
    }

    private static func lowercasingFirst(_ text: String) -> String {
        guard let first = text.first, first.isUppercase, text.dropFirst().first?.isLowercase == true else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
