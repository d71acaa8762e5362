import ClarityRender
import Testing

@Suite struct GeneratedBlocksTests {
    static let regenerated = """
        # Research log
        <!-- clarity-report:begin summary -->
        Sessions: 1300
        <!-- clarity-report:end summary -->
        <!-- clarity-report:begin top-pages -->
        | Page | Visits |
        | --- | --- |
        | /home | 900 |
        <!-- clarity-report:end top-pages -->

        """

    /// Compares bytes, since `String` equality treats canonically equivalent text as equal.
    func expectBytes(_ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(
            actual.utf8.elementsEqual(expected.utf8),
            "\(actual.debugDescription) is not byte for byte \(expected.debugDescription)",
            sourceLocation: sourceLocation
        )
    }

    @Test func replacesBlockContentAndKeepsNotesByteForByte() throws {
        let existing =
            "# Research log  \n"
            + "My notes on week 12:\t \n"
            + "<!-- clarity-report:begin summary -->\n"
            + "Sessions: 1200\n"
            + "<!-- clarity-report:end summary -->\n"
            + "\n"
            + "Between blocks: the drop is the release of 3 March. \n"
            + "<!-- clarity-report:begin top-pages -->\n"
            + "old table\n"
            + "<!-- clarity-report:end top-pages -->\n"
            + "Closing thoughts, no newline at the end  "
        let merged = try GeneratedBlocks.merge(existing: existing, regenerated: Self.regenerated)
        expectBytes(
            merged,
            "# Research log  \n"
                + "My notes on week 12:\t \n"
                + "<!-- clarity-report:begin summary -->\n"
                + "Sessions: 1300\n"
                + "<!-- clarity-report:end summary -->\n"
                + "\n"
                + "Between blocks: the drop is the release of 3 March. \n"
                + "<!-- clarity-report:begin top-pages -->\n"
                + "| Page | Visits |\n| --- | --- |\n| /home | 900 |\n"
                + "<!-- clarity-report:end top-pages -->\n"
                + "Closing thoughts, no newline at the end  ")
    }

    @Test func keepsCRLFNotesAndWritesGeneratedLinesWithCRLF() throws {
        let existing =
            "Notes\r\n"
            + "<!-- clarity-report:begin summary -->\r\n"
            + "Sessions: 1200\r\n"
            + "<!-- clarity-report:end summary -->\r\n"
            + "After \r\n"
            + "<!-- clarity-report:begin top-pages -->\r\n"
            + "<!-- clarity-report:end top-pages -->"
        let merged = try GeneratedBlocks.merge(existing: existing, regenerated: Self.regenerated)
        expectBytes(
            merged,
            "Notes\r\n"
                + "<!-- clarity-report:begin summary -->\r\n"
                + "Sessions: 1300\r\n"
                + "<!-- clarity-report:end summary -->\r\n"
                + "After \r\n"
                + "<!-- clarity-report:begin top-pages -->\r\n"
                + "| Page | Visits |\r\n| --- | --- |\r\n| /home | 900 |\r\n"
                + "<!-- clarity-report:end top-pages -->")
    }

    @Test func keepsDecomposedAndNonASCIITextByteForByte() throws {
        let decomposed = "Cafe\u{301} \u{1F642} re\u{301}sume\u{301}\n"
        let existing =
            decomposed
            + "<!-- clarity-report:begin summary -->\nold\n<!-- clarity-report:end summary -->\n"
            + "<!-- clarity-report:begin top-pages -->\n<!-- clarity-report:end top-pages -->\n"
            + decomposed
        let merged = try GeneratedBlocks.merge(existing: existing, regenerated: Self.regenerated)
        #expect(merged.utf8.starts(with: decomposed.utf8))
        #expect(Array(merged.utf8.suffix(decomposed.utf8.count)) == Array(decomposed.utf8))
    }

    @Test func appendsNewBlocksAfterTheLastExistingBlock() throws {
        let existing =
            "Intro\n"
            + "<!-- clarity-report:begin summary -->\nold\n<!-- clarity-report:end summary -->\n"
            + "\nMy closing notes\n"
        let merged = try GeneratedBlocks.merge(existing: existing, regenerated: Self.regenerated)
        expectBytes(
            merged,
            "Intro\n"
                + "<!-- clarity-report:begin summary -->\nSessions: 1300\n<!-- clarity-report:end summary -->\n"
                + "\n"
                + "<!-- clarity-report:begin top-pages -->\n"
                + "| Page | Visits |\n| --- | --- |\n| /home | 900 |\n"
                + "<!-- clarity-report:end top-pages -->\n"
                + "\nMy closing notes\n")
    }

    @Test func appendsAllBlocksAtTheEndOfAFileWithoutBlocks() throws {
        let merged = try GeneratedBlocks.merge(existing: "Only my notes", regenerated: Self.regenerated)
        expectBytes(
            merged,
            "Only my notes\n"
                + "\n<!-- clarity-report:begin summary -->\nSessions: 1300\n<!-- clarity-report:end summary -->\n"
                + "\n<!-- clarity-report:begin top-pages -->\n| Page | Visits |\n| --- | --- |\n| /home | 900 |\n"
                + "<!-- clarity-report:end top-pages -->\n")
    }

    @Test func anEmptyFileGetsTheBlocksOnly() throws {
        let merged = try GeneratedBlocks.merge(existing: "", regenerated: Self.regenerated)
        expectBytes(
            merged,
            "<!-- clarity-report:begin summary -->\nSessions: 1300\n<!-- clarity-report:end summary -->\n"
                + "\n<!-- clarity-report:begin top-pages -->\n| Page | Visits |\n| --- | --- |\n| /home | 900 |\n"
                + "<!-- clarity-report:end top-pages -->\n")
    }

    @Test func appendsAfterALastBlockThatEndsTheFileWithoutANewline() throws {
        let existing = "<!-- clarity-report:begin summary -->\nold\n<!-- clarity-report:end summary -->"
        let merged = try GeneratedBlocks.merge(existing: existing, regenerated: Self.regenerated)
        expectBytes(
            merged,
            "<!-- clarity-report:begin summary -->\nSessions: 1300\n<!-- clarity-report:end summary -->\n"
                + "\n<!-- clarity-report:begin top-pages -->\n| Page | Visits |\n| --- | --- |\n| /home | 900 |\n"
                + "<!-- clarity-report:end top-pages -->\n")
    }

    @Test func keepsBlocksThatAreNoLongerGenerated() throws {
        let retired = "<!-- clarity-report:begin funnel -->\nfunnel kept\n<!-- clarity-report:end funnel -->\n"
        let existing =
            retired
            + "<!-- clarity-report:begin summary -->\nold\n<!-- clarity-report:end summary -->\n"
            + "<!-- clarity-report:begin top-pages -->\n<!-- clarity-report:end top-pages -->\n"
        let merged = try GeneratedBlocks.merge(existing: existing, regenerated: Self.regenerated)
        #expect(merged.hasPrefix(retired))
        #expect(merged.contains("Sessions: 1300\n"))
    }

    @Test func acceptsMarkersWithExtraSpacesAndKeepsThemAsWritten() throws {
        let existing =
            "  <!--clarity-report:begin   summary\t-->  \nold\n<!--  clarity-report:end summary-->\n"
            + "<!-- clarity-report:begin top-pages -->\n<!-- clarity-report:end top-pages -->\n"
        let merged = try GeneratedBlocks.merge(existing: existing, regenerated: Self.regenerated)
        #expect(merged.hasPrefix("  <!--clarity-report:begin   summary\t-->  \nSessions: 1300\n<!--  clarity-report:end summary-->\n"))
    }

    @Test(arguments: [
        "",
        "Only my notes",
        "Notes\r\n<!-- clarity-report:begin summary -->\r\nold\r\n<!-- clarity-report:end summary -->",
        "<!-- clarity-report:begin top-pages -->\n<!-- clarity-report:end top-pages -->\ntail  \n\n",
        "<!-- clarity-report:begin funnel -->\nx\n<!-- clarity-report:end funnel -->\nnotes",
    ])
    func mergingTwiceChangesNothingMore(existing: String) throws {
        let once = try GeneratedBlocks.merge(existing: existing, regenerated: Self.regenerated)
        let twice = try GeneratedBlocks.merge(existing: once, regenerated: Self.regenerated)
        expectBytes(twice, once)
    }

    @Test func mergingTheGeneratedFileIntoItselfReturnsIt() throws {
        expectBytes(try GeneratedBlocks.merge(existing: Self.regenerated, regenerated: Self.regenerated), Self.regenerated)
    }

    static let damaged: [(String, MarkerError)] = [
        (
            "notes\n<!-- clarity-report:begin summary -->\ntext\n",
            MarkerError(document: .existing, line: 2, blockName: "summary", damage: .beginWithoutEnd)
        ),
        (
            "notes\n\n<!-- clarity-report:end summary -->\n",
            MarkerError(document: .existing, line: 3, blockName: "summary", damage: .endWithoutBegin)
        ),
        (
            "<!-- clarity-report:begin summary -->\n<!-- clarity-report:begin top-pages -->\n",
            MarkerError(document: .existing, line: 2, blockName: "top-pages", damage: .nested(insideBlock: "summary", openedOnLine: 1))
        ),
        (
            "<!-- clarity-report:begin summary -->\n<!-- clarity-report:end summary -->\n\n"
                + "<!-- clarity-report:begin summary -->\n<!-- clarity-report:end summary -->\n",
            MarkerError(document: .existing, line: 4, blockName: "summary", damage: .duplicate(firstOnLine: 1))
        ),
        (
            "a\r\nb\r\n<!-- clarity-report:begin summary -->\r\n<!-- clarity-report:end top-pages -->\r\n",
            MarkerError(document: .existing, line: 4, blockName: "top-pages", damage: .mismatchedEnd(openBlock: "summary", openedOnLine: 3))
        ),
        (
            "<!-- clarity-report:begin Summary -->\n",
            MarkerError(document: .existing, line: 1, blockName: "Summary", damage: .malformed)
        ),
        (
            "x\n<!-- clarity-report:end summary\n",
            MarkerError(document: .existing, line: 2, blockName: "summary", damage: .malformed)
        ),
    ]

    @Test(arguments: damaged)
    func damagedMarkersAreReportedWithTheirLine(existing: String, expected: MarkerError) {
        #expect(throws: expected) {
            try GeneratedBlocks.merge(existing: existing, regenerated: Self.regenerated)
        }
    }

    @Test func damagedGeneratedReportPointsAtTheTemplate() {
        let regenerated = "<!-- clarity-report:begin summary -->\nx\n"
        let error = MarkerError(document: .regenerated, line: 1, blockName: "summary", damage: .beginWithoutEnd)
        #expect(throws: error) { try GeneratedBlocks.merge(existing: "", regenerated: regenerated) }
        #expect(error.description.hasSuffix("Repair the markers in the template."))
    }

    @Test func messageNamesLineBlockAndTheWayOut() {
        let error = MarkerError(document: .existing, line: 7, blockName: "summary", damage: .nested(insideBlock: "intro", openedOnLine: 3))
        #expect(
            error.description == "line 7: block 'summary' begins inside block 'intro' (line 3), whose end marker is missing or misplaced. "
                + "Repair the markers in the file, or run again with --force to overwrite it with a fresh report.")
    }

    @Test func mentioningTheToolInACodeSpanIsNotAMarker() throws {
        let existing = "`<!-- clarity-report:begin summary -->` is how blocks start\n"
        let merged = try GeneratedBlocks.merge(existing: existing, regenerated: "")
        expectBytes(merged, existing)
    }
}
