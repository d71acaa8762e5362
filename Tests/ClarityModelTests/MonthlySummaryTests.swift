import Testing

@testable import ClarityModel

@Suite("Monthly summary in plain words")
struct MonthlySummaryTests {
    @Test("segment labels lose their dimension names and verdicts read as plain words")
    func plainWords() {
        #expect(
            MonthlySummary.plain("Rage clicks in Browser = Safari · Device = Mobile rose from 2.5% to 3.5% of sessions (+41%).")
                == "Rage clicks in Safari, Mobile rose from 2.5% to 3.5% of sessions (+41%).")
        #expect(MonthlySummary.plain("Quick backs in URL = /search fell") == "Quick backs in /search fell")
        #expect(MonthlySummary.plain("beyond noise") == "a real change")
        #expect(MonthlySummary.plain("within noise") == "usual variation")
        // Site text stays as it was, whatever it holds.
        #expect(MonthlySummary.plain("<b>Device</b> = x") == "<b>Device</b> = x")
    }
}
