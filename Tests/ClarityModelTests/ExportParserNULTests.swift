import ClarityModel
import Testing

/// A dimension value holding U+0000 must come back whole from the store, whose SQLite text columns end at it.
@Suite struct ExportParserNULTests {
    @Test func readsNULInADimensionValueAsTheReplacementCharacter() throws {
        let json = #"[{"metricName": "Traffic", "information": [{"totalSessionCount": "10", "Browser": "nul\u0000byte"}]}]"#
        let response = try ExportParser.parse(Array(json.utf8))
        #expect(response.observations.map { $0.segment.value(of: .browser) } == ["nul\u{FFFD}byte"])
    }

    @Test func readsNULInAListNameAsTheReplacementCharacter() throws {
        let json = #"[{"metricName": "PageTitle", "information": [{"name": "\u0000title", "sessionsCount": "4"}]}]"#
        let response = try ExportParser.parse(Array(json.utf8))
        #expect(response.breakdowns.map(\.name) == ["\u{FFFD}title"])
    }
}
