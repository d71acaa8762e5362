// libFuzzer entry point for the export parser, compiled together with Sources/ClarityModel by scripts/fuzz-export-parser.sh.

/// Parses one input; a crash, a hang or an error without a position inside the input is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func exportParserFuzzInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    do {
        _ = try ExportParser.parse(bytes)
    } catch {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        precondition(error.position.line >= 1 && error.position.line <= lines.count, "line \(error.position.line) outside the input")
        precondition(error.position.column >= 1 && error.position.column <= lines[error.position.line - 1].count + 1, "column outside its line")
        precondition(!error.message.isEmpty, "an error without a message")
    }
    return 0
}
