/// One header field of a message, unfolded, with the lines it was written on.
struct MessageHeader {
    let name: String
    let value: String
    /// The 1-based line the field starts on.
    let line: Int
    /// The 0-based indexes of its lines, continuation lines included.
    let lineRange: Range<Int>

    /// The header fields of a message's header lines; a line that is neither a field nor a continuation is refused.
    static func fields(_ lines: ArraySlice<ArraySlice<UInt8>>, fail: (String) -> MessageError) throws(MessageError) -> [MessageHeader] {
        var fields: [MessageHeader] = []
        var current: (name: String, value: String, start: Int)?
        func finish(at end: Int) {
            guard let open = current else { return }
            fields.append(MessageHeader(name: open.name, value: open.value, line: open.start + 1, lineRange: open.start..<end))
        }
        for index in lines.indices {
            let line = lines[index]
            let text = String(decoding: line, as: UTF8.self)
            if let first = line.first, first == 0x20 || first == 0x09 {
                guard current != nil else {
                    throw fail("line \(index + 1) starts with a space but no header comes before it. Remove the leading space.")
                }
                current?.value += text
                continue
            }
            finish(at: index)
            guard let colon = text.firstIndex(of: ":"), colon > text.startIndex,
                text[..<colon].unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
            else {
                throw fail(
                    "line \(index + 1) is not a header field (`Name: value`) and no empty line comes before it. "
                        + "Put one empty line between the headers and the body.")
            }
            current = (String(text[..<colon]), String(text[text.index(after: colon)...]), index)
        }
        finish(at: lines.endIndex)
        return fields
    }
}
