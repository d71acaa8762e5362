import Foundation
import Testing

@testable import ClarityRender

/// The templates compiled into the binary are exactly the files of `templates/`; `make templates` regenerates them.
@Suite struct BuiltInTemplatesTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = repository.appendingPathComponent("templates")
    static let generated = repository.appendingPathComponent("Sources/ClarityRender/Templates/BuiltInTemplates.swift")

    /// Every `*.mustache` file under `templates/`, by its path there.
    static func editableFiles() throws -> [(path: String, text: String)] {
        let paths = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".mustache") }
            .sorted()
        return try paths.map { path in
            (path, try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8))
        }
    }

    @Test("BuiltInTemplates.swift is what templates/ generates (CLARITY_RECORD_GOLDENS=1 or `make templates` regenerates it)")
    func generatedSourceIsFresh() throws {
        let expected = BuiltInTemplatesSource.swift(files: try Self.editableFiles())
        if ProcessInfo.processInfo.environment["CLARITY_RECORD_GOLDENS"] == "1" {
            try Data(expected.utf8).write(to: Self.generated)
            return
        }
        let isFresh = try String(contentsOf: Self.generated, encoding: .utf8) == expected
        #expect(isFresh, "Sources/ClarityRender/Templates/BuiltInTemplates.swift is stale: run `make templates`, rebuild, and commit it.")
    }

    @Test("the compiled-in text of every template equals its file byte for byte, and no file is missing")
    func compiledTextEqualsFiles() throws {
        let files = try Self.editableFiles()
        #expect(BuiltInTemplates.files.map(\.path) == files.map(\.path), "run `make templates` and rebuild")
        for (builtIn, file) in zip(BuiltInTemplates.files, files) where builtIn.path == file.path {
            let isSame = Array(builtIn.text.utf8) == Array(file.text.utf8)
            #expect(isSame, "\(file.path) differs from its compiled-in copy: run `make templates` and rebuild")
        }
    }

    @Test("a literal uses more # than any closing or escaping sequence in its text, and keeps trailing blanks as escapes")
    func literalDelimiters() {
        #expect(BuiltInTemplatesSource.literal("a\n") == "#\"\"\"\na\n\n\"\"\"#")
        #expect(BuiltInTemplatesSource.literal("\"\"\"# and \\##").hasPrefix("###\"\"\"\n"))
        #expect(BuiltInTemplatesSource.literal("- \n") == "#\"\"\"\n-\\#u{20}\n\n\"\"\"#")
    }
}
