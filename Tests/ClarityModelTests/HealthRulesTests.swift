import ClarityModel
import Testing

@Suite("doctor's verdicts")
struct HealthRulesTests {
    let now = Instant(iso: "2026-11-17T09:00:00Z")!

    @Test("the worst finding decides the exit code: 0 healthy, 1 warnings, 2 problems")
    func exitCodes() {
        let ok = HealthFinding("a", .ok, "fine")
        let warning = HealthFinding("b", .warning, "hm")
        let problem = HealthFinding("c", .problem, "bad")
        #expect(HealthReport(findings: [ok, ok]).exitCode == 0)
        #expect(HealthReport(findings: [ok, warning]).exitCode == 1)
        #expect(HealthReport(findings: [problem, warning, ok]).exitCode == 2)
        #expect(HealthReport(findings: [ok, warning]).text.hasSuffix("Warnings: reports will be written, but see the lines marked WARNING."))
        #expect(HealthReport(findings: [ok, problem]).text.split(separator: "\n").first == "ok       a  fine")
    }

    @Test("token: loaded is fine, any error is a problem that says what to do")
    func token() {
        #expect(HealthRules.token(origin: "/srv/token", error: nil).level == .ok)
        let missing = HealthRules.token(origin: nil, error: "no API token: set CLARITY_API_TOKEN")
        #expect(missing.level == .problem)
        #expect(missing.message == "no API token: set CLARITY_API_TOKEN")
    }

    @Test("last fetch: within 26 h fine, within 72 h a warning, older or never a problem")
    func lastFetch() {
        #expect(HealthRules.lastFetch(Instant(iso: "2026-11-17T00:40:00Z"), now: now).level == .ok)
        #expect(HealthRules.lastFetch(Instant(iso: "2026-11-15T09:00:00Z"), now: now).level == .warning)
        #expect(HealthRules.lastFetch(Instant(iso: "2026-11-14T08:00:00Z"), now: now).level == .problem)
        #expect(HealthRules.lastFetch(nil, now: now).level == .problem)
        #expect(HealthRules.lastFetch(Instant(iso: "2026-11-16T00:40:00Z"), now: now).message.hasPrefix("2026-11-16T00:40:00Z, 32 h ago"))
    }

    @Test("budget: requests left are fine; used up or a 429 is a warning")
    func budget() {
        #expect(HealthRules.budget(used: 9, limit: 10, spentAt: nil).level == .ok)
        #expect(HealthRules.budget(used: 10, limit: 10, spentAt: nil).level == .warning)
        #expect(HealthRules.budget(used: 3, limit: 10, spentAt: now).level == .warning)
    }

    @Test("missing days: none is fine; otherwise a warning that splits them into recoverable (with the deadline) and lost")
    func missingDays() {
        let device = DimensionSet([.device])
        #expect(HealthRules.missingDays(device, missing: [], weeks: 8, now: now).level == .ok)
        let finding = HealthRules.missingDays(
            device, missing: [Day(iso: "2026-11-02")!, Day(iso: "2026-11-03")!, Day(iso: "2026-11-15")!], weeks: 8, now: now)
        #expect(finding.level == .warning)
        #expect(finding.check == "missing Device")
        #expect(
            finding.message
                == "3 in the last 8 weeks; recoverable: 2026-11-15 until 2026-11-18T12:00:00Z (run `clarity-report fetch`); lost: 2026-11-02…2026-11-03 (reports show the gap)"
        )
    }

    @Test("unparsed responses warn; integrity other than ok and an incomplete schema are problems; derived days are fine")
    func storeChecks() {
        #expect(HealthRules.unparsed(0).level == .ok)
        #expect(HealthRules.unparsed(2).level == .warning)
        #expect(HealthRules.integrity(["ok"]).level == .ok)
        #expect(HealthRules.integrity(["*** in database main ***", "Page 7: btreeInitPage() returns error code 11"]).level == .problem)
        #expect(HealthRules.schema(applied: ["v1", "v2"], known: ["v1", "v2"]).message == "v2 (v2)")
        #expect(HealthRules.schema(applied: ["v1"], known: ["v1", "v2"]).level == .problem)
        let derived = HealthRules.derivedDays([DerivedDay(day: Day(iso: "2026-11-15")!, dimensions: .none, numOfDays: 2)])
        #expect(derived.level == .ok)
        #expect(derived.message == "2026-11-15 site totals (2-day)")
        let block = DerivedBlock(days: Day(iso: "2026-11-12")!...Day(iso: "2026-11-13")!, dimensions: DimensionSet([.device]), numOfDays: 3)
        #expect(HealthRules.derivedDays([], blocks: [block]).message == "2026-11-12…2026-11-13 Device known only together (3-day)")
    }

    @Test("disk space: under 30 days of growth is a problem, under 180 a warning, else fine")
    func diskSpace() {
        let mb: Int64 = 1 << 20
        #expect(HealthRules.diskSpace(free: 20 * mb, storeBytes: 100 * mb, growthPerDay: mb).level == .problem)
        #expect(HealthRules.diskSpace(free: 100 * mb, storeBytes: 100 * mb, growthPerDay: mb).level == .warning)
        #expect(HealthRules.diskSpace(free: 200 * mb, storeBytes: 100 * mb, growthPerDay: mb).level == .ok)
        #expect(
            HealthRules.diskSpace(free: 200 * mb, storeBytes: 100 * mb, growthPerDay: 41 * 1_024).message
                == "200.0 MB free; the store is 100.0 MB and grows about 41 kB a day (room for 10+ years)")
    }

    @Test("templates, font and SMTP: missing override folder and font are problems, no SMTP host a warning, a bad password a problem")
    func outputs() {
        #expect(HealthRules.templates(folder: nil, namedBy: nil, exists: false).level == .ok)
        #expect(HealthRules.templates(folder: "t", namedBy: "--templates", exists: true).level == .ok)
        #expect(HealthRules.templates(folder: "t", namedBy: "--templates", exists: false).level == .problem)
        #expect(HealthRules.font(installed: "/f.ttf", searched: ["/f.ttf"]).level == .ok)
        #expect(HealthRules.font(installed: nil, searched: ["/f.ttf"]).level == .problem)
        #expect(HealthRules.smtp(host: "", passwordError: nil).level == .warning)
        #expect(HealthRules.smtp(host: "smtp.example.com", passwordError: nil).level == .ok)
        #expect(HealthRules.smtp(host: "smtp.example.com", passwordError: "no password").level == .problem)
    }
}
