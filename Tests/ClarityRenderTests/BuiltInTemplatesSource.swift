/// Writes `BuiltInTemplates.swift`, the Swift source that compiles the files of `templates/` into the binary.
///
/// Each file becomes a raw multi-line string literal whose text equals the file's bytes: the literal uses enough `#`
/// that nothing in the file closes or escapes it, and a line's trailing blanks are written as escapes so no editor
/// strips them.
enum BuiltInTemplatesSource {
    static func swift(files: [(path: String, text: String)]) -> String {
        var source = """
            // Generated from templates/ by `make templates`; edit the files there, not this one.
            // BuiltInTemplatesTests fails when this file is stale.
            // The literals hold the templates' bytes exactly as the files have them, so swift-format leaves this file alone:
            // swift-format-ignore-file

            /// The default report templates compiled into the binary, keyed by their path under `templates/`.
            enum BuiltInTemplates {
                static let files: [(path: String, text: String)] = [

            """
        for file in files.sorted(by: { $0.path < $1.path }) {
            source += "        (\"\(file.path)\", \(literal(file.text))),\n"
        }
        source += "    ]\n}\n"
        return source
    }

    /// A raw multi-line string literal whose value is exactly `text`.
    static func literal(_ text: String) -> String {
        var hashes = "#"
        while text.contains("\"\"\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var line = String(line)
            var blanks = ""
            while let last = line.last, last == " " || last == "\t" {
                blanks = (last == " " ? "\\\(hashes)u{20}" : "\\\(hashes)t") + blanks
                line.removeLast()
            }
            return line + blanks
        }
        return hashes + "\"\"\"\n" + lines.joined(separator: "\n") + "\n\"\"\"" + hashes
    }
}
