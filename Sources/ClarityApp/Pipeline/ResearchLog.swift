import ClarityModel
import ClarityRender
import Foundation

/// Writes one research-log entry, its charts and the index, keeping every byte researchers wrote outside generated blocks.
struct ResearchLog {
    let directory: String
    let renderer: ResearchLogRenderer
    let force: Bool

    /// Writes the week's entry, its chart files and the index; returns the paths written.
    func write(_ report: WeeklyReport, charts: WeeklyCharts, project: ProjectInfo) throws -> [String] {
        let label = report.period.label
        let entryPath = path(label + ".md")
        let regenerated = try renderer.entry(report)
        var written: [String] = []
        let entry: String
        if let existing = try read(entryPath) {
            do {
                entry = try GeneratedBlocks.merge(existing: existing, regenerated: regenerated)
            } catch {
                guard force else {
                    throw LogError(path: entryPath, message: "\(error.description) Nothing was written.")
                }
                let kept = try keepBeside(entryPath, existing)
                Console.error(
                    "warning: \(entryPath): markers were damaged (\(error.description)); the old file is kept as \(kept) and the entry was regenerated."
                )
                written.append(kept)
                entry = regenerated
            }
        } else {
            entry = regenerated
        }
        for (name, chart) in [
            ("sessions", charts.sessions.svg), ("frustration", charts.frustration.svg), ("segments", charts.segments.svg),
            ("devices", charts.devices.svg), ("browsers", charts.browsers.svg),
        ] {
            let chartPath = path("charts/\(label)-\(name).svg")
            try OutputFile.write(chart + "\n", to: chartPath)
            written.append(chartPath)
        }
        try OutputFile.write(entry, to: entryPath)
        written.append(entryPath)
        written.append(try writeIndex(project: project))
        return written
    }

    /// Rewrites the index from the entry files in the folder, newest first.
    func writeIndex(project: ProjectInfo) throws -> String {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let weeks = names.compactMap { name -> ISOWeek? in
            guard name.hasSuffix(".md") else { return nil }
            return ISOWeek(label: String(name.dropLast(3)))
        }.sorted(by: >)
        var entries: [ResearchLogRenderer.IndexEntry] = []
        for week in weeks {
            let text = try read(path(week.label + ".md")) ?? ""
            entries.append(
                .init(
                    label: week.label, title: Format.range(week.firstDay, week.lastDay), file: week.label + ".md",
                    headline: ResearchLogRenderer.headline(inEntry: text) ?? "(no headline in the entry)"))
        }
        let indexPath = path("README.md")
        let regenerated = try renderer.index(project: project, entries: entries)
        let index: String
        if let existing = try read(indexPath) {
            do {
                index = try GeneratedBlocks.merge(existing: existing, regenerated: regenerated)
            } catch {
                throw LogError(path: indexPath, message: "\(error.description) Nothing was written to the index.")
            }
        } else {
            index = regenerated
        }
        try OutputFile.write(index, to: indexPath)
        return indexPath
    }

    func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    func read(_ path: String) throws -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw LogError(path: path, message: "cannot read it as UTF-8 text; nothing was written.")
        }
        return text
    }

    /// Saves the old entry as `NAME.md.orig` (or `.orig-2`, `.orig-3`, …) before `--force` replaces it.
    func keepBeside(_ path: String, _ text: String) throws -> String {
        var candidate = path + ".orig"
        var number = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = path + ".orig-\(number)"
            number += 1
        }
        try OutputFile.write(text, to: candidate)
        return candidate
    }
}

/// A research-log file that could not be regenerated safely.
struct LogError: Error, CustomStringConvertible {
    let path: String
    let message: String

    var description: String { "\(path): \(message)" }
}
