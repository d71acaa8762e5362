import ClarityModel
import ClarityStore

extension ClarityTools {
    struct ReleasesAnswer: Encodable {
        let releases: [Release]
        let total: Int
        let truncated: Truncation?
    }

    func releases(_ arguments: ToolArguments, store: MetricStore) throws -> ToolAnswer {
        let limit = try arguments.integer("limit", default: 50, in: 1...200)
        let all = try store.releases()
        let shown = Array(all.reversed().prefix(limit))
        let answer = ReleasesAnswer(
            releases: shown, total: all.count,
            truncated: Truncation.of(shown: shown.count, total: all.count, advice: "raise limit (at most 200)."))
        guard let first = all.first, let last = all.last else {
            return try ToolAnswer(
                summary: "No releases recorded. They are added with `clarity-report release add` or `release import-git`.", value: answer)
        }
        return try ToolAnswer(
            summary: "\(all.count) releases recorded, live from \(first.day.iso) to \(last.day.iso); \(shown.count) shown, latest first.",
            value: answer)
    }

    func releaseImpact(_ arguments: ToolArguments, store: MetricStore) throws -> ToolAnswer {
        let tool = arguments.tool
        guard let version = try arguments.string("version") else {
            throw ToolFailure.invalid(tool, "version is required; the releases tool lists them.")
        }
        let all = try store.releases()
        guard let release = all.first(where: { $0.version == version }) else {
            let known = all.reversed().prefix(20).map { ToolFailure.quoted($0.version) }
            let list =
                known.isEmpty
                ? "no release is recorded"
                : "recorded: \(known.joined(separator: ", "))\(all.count > 20 ? " and \(all.count - 20) earlier (the releases tool lists them)" : "")"
            throw ToolFailure.invalid(tool, "no release \(ToolFailure.quoted(version)); \(list).")
        }
        guard let asOf = try store.latestSiteDay() else {
            throw ToolFailure.invalid(tool, "no data: the store holds no day yet, so release \(ToolFailure.quoted(version)) cannot be measured.")
        }
        let impact = try source.releaseImpact(release, asOf: asOf)
        let moved = impact.kpis.filter { $0.verdict == .significant }
        var summary =
            "Release \(ToolFailure.quoted(release.version)), live \(impact.dayText): \(impact.progressText); "
            + "\(moved.count) of \(impact.kpis.count) figures moved beyond noise"
        if !moved.isEmpty { summary += ": " + moved.map { "\($0.label) \($0.arrow) \($0.changeText)" }.joined(separator: "; ") }
        if !impact.overlapping.isEmpty { summary += ". \(impact.overlapping.count) other releases fall in the window" }
        return try ToolAnswer(summary: summary + ".", value: impact)
    }
}
