import ArgumentParser
import ClarityStore
import Foundation

/// `clarity-report raw`: one stored response, byte for byte as the API sent it.
struct RawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "raw",
        abstract: "Write a snapshot's raw response exactly as it was received, checked against its SHA-256.",
        discussion: """
            Snapshot ids are in ingest's output ("ingested 36 rows as snapshot 12"). The store keeps every response \
            compressed; this gives back the original bytes, to standard output or to a file.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The snapshot's id.", valueName: "snapshot-id"))
    var snapshotID: Int64

    @OptionGroup var output: OutputOptions

    func run() throws {
        let store = try global.openStoreForReading()
        guard let response = try store.rawResponse(snapshotID: snapshotID) else {
            if let derivation = try store.derivation(ofSnapshot: snapshotID) {
                let parts = ([derivation.from] + derivation.subtracted).map(String.init).joined(separator: ", ")
                throw ValidationError(
                    "snapshot \(snapshotID) holds the figures of \(derivation.day.day.iso) (\(derivation.day.dimensions.isEmpty ? "site totals" : derivation.day.dimensions.key)) "
                        + "derived from a \(derivation.day.numOfDays)-day pull; it has no raw response of its own. Its figures come from snapshots \(parts)."
                )
            }
            throw ValidationError("the store has no snapshot \(snapshotID); ingest prints each response's snapshot id.")
        }
        try output.emit(response.bytes)
    }
}
