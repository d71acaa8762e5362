/// A Markdown text split into the generated blocks its clarity-report markers delimit, by byte range.
struct MarkedDocument {
    /// One generated block, located in the text it was read from.
    struct Block {
        let name: String
        /// From the start of the begin marker line to the end of the end marker line, with its line ending if any.
        let whole: Range<String.Index>
        /// The lines between the markers, with their line endings.
        let content: Range<String.Index>
    }

    let blocks: [Block]
    /// The line ending of the text's first line, `\r\n` or `\n`.
    let lineEnding: [UInt8]

    init(parsing text: String, as document: MarkerError.Document) throws(MarkerError) {
        var blocks: [Block] = []
        var firstLineOfName: [String: Int] = [:]
        var open: (name: String, line: Int, start: String.Index, contentStart: String.Index)?
        var lineEnding: [UInt8]?
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        var lineNumber = 1
        while lineStart < bytes.endIndex {
            let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n"))
            let lineEnd = newline.map { bytes.index(after: $0) } ?? bytes.endIndex
            var textEnd = newline ?? bytes.endIndex
            if textEnd > lineStart, bytes[bytes.index(before: textEnd)] == UInt8(ascii: "\r") {
                textEnd = bytes.index(before: textEnd)
            }
            if let newline, lineEnding == nil {
                lineEnding = textEnd < newline ? Array("\r\n".utf8) : Array("\n".utf8)
            }
            let line = String(decoding: bytes[lineStart..<textEnd], as: UTF8.self)
            switch try Marker(line: line, number: lineNumber, in: document) {
            case .begin(let name)?:
                if let open {
                    throw MarkerError(
                        document: document, line: lineNumber, blockName: name,
                        damage: .nested(insideBlock: open.name, openedOnLine: open.line))
                }
                if let first = firstLineOfName[name] {
                    throw MarkerError(document: document, line: lineNumber, blockName: name, damage: .duplicate(firstOnLine: first))
                }
                firstLineOfName[name] = lineNumber
                open = (name, lineNumber, lineStart, lineEnd)
            case .end(let name)?:
                guard let opened = open else {
                    throw MarkerError(document: document, line: lineNumber, blockName: name, damage: .endWithoutBegin)
                }
                guard opened.name == name else {
                    throw MarkerError(
                        document: document, line: lineNumber, blockName: name,
                        damage: .mismatchedEnd(openBlock: opened.name, openedOnLine: opened.line))
                }
                blocks.append(Block(name: name, whole: opened.start..<lineEnd, content: opened.contentStart..<lineStart))
                open = nil
            case nil:
                break
            }
            lineStart = lineEnd
            lineNumber += 1
        }
        if let open {
            throw MarkerError(document: document, line: open.line, blockName: open.name, damage: .beginWithoutEnd)
        }
        self.blocks = blocks
        self.lineEnding = lineEnding ?? Array("\n".utf8)
    }

    /// A begin or end marker line: `<!-- clarity-report:begin NAME -->`, spaces and tabs around its parts allowed.
    private enum Marker {
        case begin(String)
        case end(String)

        /// Reads a marker from a line without its line ending; nil for ordinary lines, an error for damaged markers.
        init?(line: String, number: Int, in document: MarkerError.Document) throws(MarkerError) {
            let trimmed = line.trimmingSpacesAndTabs
            guard trimmed.hasPrefix("<!--"), let keyword = trimmed.firstRange(of: "clarity-report:") else {
                return nil
            }
            let rest = trimmed[keyword.upperBound...]
            guard rest.hasPrefix("begin") || rest.hasPrefix("end") else { return nil }
            let pattern = /<!--[ \t]*clarity-report:(begin|end)[ \t]+([a-z0-9-]+)[ \t]*-->/
            guard let match = trimmed.wholeMatch(of: pattern) else {
                let guessedName = rest.drop { $0 != " " && $0 != "\t" }.trimmingSpacesAndTabs
                throw MarkerError(document: document, line: number, blockName: String(guessedName.prefix { $0 != " " }), damage: .malformed)
            }
            let name = String(match.output.2)
            self = match.output.1 == "begin" ? .begin(name) : .end(name)
        }
    }
}

extension StringProtocol {
    fileprivate var trimmingSpacesAndTabs: SubSequence {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
