/// The research-log merge: regenerates the marked blocks of a Markdown file a person edits, keeping everything else.
///
/// A generated block is the lines between `<!-- clarity-report:begin NAME -->` and
/// `<!-- clarity-report:end NAME -->`, where NAME is made of a-z, 0-9 and -.
public enum GeneratedBlocks {
    /// Replaces each block's content in `existing` with the same block's content in `regenerated`.
    ///
    /// Every byte outside the blocks, and the marker lines themselves, stay as they are in `existing`. Blocks
    /// only in `regenerated` are appended, each after a blank line, below the last block of `existing` (or at its
    /// end); blocks only in `existing` are kept unchanged. Generated lines take the line ending of the first line
    /// of `existing`, so a file saved with CRLF stays CRLF.
    public static func merge(existing: String, regenerated: String) throws(MarkerError) -> String {
        let current = try MarkedDocument(parsing: existing, as: .existing)
        let fresh = try MarkedDocument(parsing: regenerated, as: .regenerated)
        let freshBlocks = Dictionary(uniqueKeysWithValues: fresh.blocks.map { ($0.name, $0) })
        let currentNames = Set(current.blocks.map(\.name))
        let lineEnding = current.lineEnding
        let source = existing.utf8
        let generated = regenerated.utf8

        var merged: [UInt8] = []
        var position = source.startIndex
        for block in current.blocks {
            merged += source[position..<block.content.lowerBound]
            if let freshBlock = freshBlocks[block.name] {
                merged += converting(generated[freshBlock.content], to: lineEnding)
            } else {
                merged += source[block.content]
            }
            position = block.content.upperBound
        }
        let insertion = current.blocks.last?.whole.upperBound ?? source.endIndex
        merged += source[position..<insertion]
        for block in fresh.blocks where !currentNames.contains(block.name) {
            if !merged.isEmpty {
                if merged.last != UInt8(ascii: "\n") {
                    merged += lineEnding
                }
                merged += lineEnding
            }
            merged += converting(generated[block.whole], to: lineEnding)
            if merged.last != UInt8(ascii: "\n") {
                merged += lineEnding
            }
        }
        merged += source[insertion...]
        return String(decoding: merged, as: UTF8.self)
    }

    /// The bytes with every `\n` or `\r\n` line ending replaced by `lineEnding`.
    private static func converting(_ bytes: Substring.UTF8View, to lineEnding: [UInt8]) -> [UInt8] {
        var converted: [UInt8] = []
        converted.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            if byte == UInt8(ascii: "\n") {
                converted += lineEnding
            } else if byte == UInt8(ascii: "\r"), next < bytes.endIndex, bytes[next] == UInt8(ascii: "\n") {
                converted += lineEnding
                index = bytes.index(after: next)
                continue
            } else {
                converted.append(byte)
            }
            index = next
        }
        return converted
    }
}
