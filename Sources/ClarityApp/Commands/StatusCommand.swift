import ArgumentParser
import ClarityModel
import ClarityStore
import Foundation

/// `clarity-report status`: what the store holds and what it lacks.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the days covered per dimension set, gaps, the latest pull and row counts.")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Print the status as JSON.")
    var json = false

    func run() throws {
        let store = try global.openStoreForReading()
        let status = try store.status()
        let capped = try status.span.map { try store.cappedBreakdowns(in: $0) } ?? []
        let blocks = try store.derivedBlocks()
        Console.out(
            json
                ? StatusText.json(status, capped: capped, blocks: blocks)
                : StatusText.text(status, capped: capped, blocks: blocks, storePath: global.storePath))
    }
}

/// The status report in words and as JSON.
enum StatusText {
    static func text(_ status: StoreStatus, capped: [CappedBreakdown] = [], blocks: [DerivedBlock] = [], storePath: String) -> String {
        var lines = ["Store: \(storePath)"]
        lines.append(
            "Snapshots: \(status.snapshots) (\(formatBytes(status.rawBytes)) of raw responses kept, \(formatBytes(status.storedRawBytes)) compressed)"
        )
        lines.append("Rows: \(status.observations) observations, \(status.breakdownItems) list entries, \(status.segments) distinct segments")
        lines.append("Latest pull: \(status.latestPull?.iso ?? "none yet")")
        if status.multiDaySnapshots + status.supersededSnapshots + status.unparsedSnapshots > 0 {
            lines.append(
                "Not standing for a day: \(status.multiDaySnapshots) multi-day, \(status.supersededSnapshots) outranked by a better pull of the same day, \(status.unparsedSnapshots) kept raw because they did not parse"
            )
        }
        guard let span = status.span else {
            lines.append("Coverage: no day yet. Ingest responses with `clarity-report ingest FILE...` or run `clarity-report fetch`.")
            return lines.joined(separator: "\n")
        }
        let spanDays = span.lowerBound.distance(to: span.upperBound) + 1
        lines.append("Span: \(span.lowerBound.iso) to \(span.upperBound.iso) (\(spanDays) days)")
        lines.append("")
        lines.append("Coverage by dimension set:")
        for entry in status.coverage {
            let name = entry.dimensions.isEmpty ? "(none)" : entry.dimensions.key
            var line = "  \(name.padding(toLength: 16, withPad: " ", startingAt: 0)) \(entry.days.count) of \(spanDays) days"
            if let first = entry.days.first, let last = entry.days.last, first != span.lowerBound || last != span.upperBound {
                line += ", \(first.iso) to \(last.iso)"
            }
            let derived = status.derivedDays.filter { $0.dimensions == entry.dimensions }.count
            if derived > 0 { line += " (\(derived) derived)" }
            if !entry.missing.isEmpty {
                line += "; missing: " + describe(Coverage.runs(entry.missing))
            }
            lines.append(line)
        }
        if !status.derivedDays.isEmpty {
            lines.append("")
            lines.append("Days derived from a 2- or 3-day pull minus the other days' own pulls (distinct users unknown):")
            for entry in status.derivedDays {
                lines.append("  \(entry.day.iso) \(entry.dimensions.isEmpty ? "(none)" : entry.dimensions.key): from a \(entry.numOfDays)-day pull")
            }
        }
        if !blocks.isEmpty {
            lines.append("")
            lines.append("Missed days known only together (counted by periods that hold the whole block; daily figures show the gap):")
            for block in blocks {
                lines.append(
                    "  \(block.days.lowerBound.iso) to \(block.days.upperBound.iso) \(block.dimensions.isEmpty ? "(none)" : block.dimensions.key): from a \(block.numOfDays)-day pull"
                )
            }
        }
        if !capped.isEmpty {
            lines.append("")
            lines.append("Breakdowns that reached the API's 1,000-row cap (segments past it are missing):")
            for entry in capped { lines.append("  \(entry.day.iso) \(entry.dimensions.key): \(entry.rows) rows") }
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ runs: [ClosedRange<Day>], limit: Int = 8) -> String {
        let shown = runs.prefix(limit).map { $0.lowerBound == $0.upperBound ? $0.lowerBound.iso : "\($0.lowerBound.iso)…\($0.upperBound.iso)" }
        let rest = runs.count - shown.count
        return shown.joined(separator: ", ") + (rest > 0 ? " and \(rest) more" : "")
    }

    static func formatBytes(_ bytes: Int64) -> String {
        if bytes >= 1_048_576 { return "\(Double(bytes * 10 / 1_048_576) / 10) MiB" }
        if bytes >= 1_024 { return "\(bytes / 1_024) KiB" }
        return "\(bytes) bytes"
    }

    static func json(_ status: StoreStatus, capped: [CappedBreakdown] = [], blocks: [DerivedBlock] = []) -> String {
        struct Entry: Encodable {
            let dimensions: [String]
            let daysCovered: Int
            let firstDay: String?
            let lastDay: String?
            let missingDays: [String]
        }
        struct Document: Encodable {
            let snapshots: Int
            let rawBytes: Int64
            let storedRawBytes: Int64
            let observations: Int
            let breakdownItems: Int
            let segments: Int
            let latestPull: String?
            let firstDay: String?
            let lastDay: String?
            let multiDaySnapshots: Int
            let supersededSnapshots: Int
            let unparsedSnapshots: Int
            let coverage: [Entry]
            let cappedBreakdowns: [Capped]
            let derivedDays: [Derived]
            let derivedBlocks: [Block]
        }
        struct Block: Encodable {
            let firstDay: String
            let lastDay: String
            let dimensions: [String]
            let numOfDays: Int
        }
        struct Derived: Encodable {
            let day: String
            let dimensions: [String]
            let numOfDays: Int
        }
        struct Capped: Encodable {
            let day: String
            let dimensions: [String]
            let rows: Int
        }
        let document = Document(
            snapshots: status.snapshots, rawBytes: status.rawBytes, storedRawBytes: status.storedRawBytes, observations: status.observations,
            breakdownItems: status.breakdownItems,
            segments: status.segments, latestPull: status.latestPull?.iso, firstDay: status.span?.lowerBound.iso,
            lastDay: status.span?.upperBound.iso,
            multiDaySnapshots: status.multiDaySnapshots, supersededSnapshots: status.supersededSnapshots, unparsedSnapshots: status.unparsedSnapshots,
            coverage: status.coverage.map {
                Entry(
                    dimensions: $0.dimensions.dimensions.map(\.name), daysCovered: $0.days.count, firstDay: $0.days.first?.iso,
                    lastDay: $0.days.last?.iso, missingDays: $0.missing.map(\.iso))
            },
            cappedBreakdowns: capped.map { Capped(day: $0.day.iso, dimensions: $0.dimensions.dimensions.map(\.name), rows: $0.rows) },
            derivedDays: status.derivedDays.map {
                Derived(day: $0.day.iso, dimensions: $0.dimensions.dimensions.map(\.name), numOfDays: $0.numOfDays)
            },
            derivedBlocks: blocks.map {
                Block(
                    firstDay: $0.days.lowerBound.iso, lastDay: $0.days.upperBound.iso, dimensions: $0.dimensions.dimensions.map(\.name),
                    numOfDays: $0.numOfDays)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(document), as: UTF8.self)
    }
}
