import ClarityModel
import PropertyBased
import Testing

@Suite("Days, ISO weeks and months")
struct CalendarTests {
    @Test("days round-trip through their ISO text and components")
    func dayRoundTrip() async {
        await propertyCheck(count: 500, input: Gen.int(in: -800_000...800_000)) { ordinal in
            let day = Day(ordinal: ordinal)
            let (year, month, dayOfMonth) = day.components
            #expect(Day(year: year, month: month, day: dayOfMonth) == day)
            if year >= 1000 && year <= 9999 { #expect(Day(iso: day.iso) == day) }
            #expect(day.advanced(by: 1).weekday == day.weekday % 7 + 1)
        }
    }

    @Test("every day falls in the ISO week that lists it, which starts on a Monday")
    func weekContainsDay() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: 0...60_000)) { ordinal in
            let day = Day(ordinal: ordinal)
            let week = ISOWeek(containing: day)
            #expect(week.firstDay.weekday == 1)
            #expect(week.days.contains(day))
            #expect(ISOWeek(label: week.label) == week)
            #expect(week.next.firstDay == week.lastDay.advanced(by: 1))
            #expect(week.next.previous == week)
        }
    }

    @Test("weeks are contiguous across year ends, including 53-week years")
    func yearEnds() async {
        await propertyCheck(count: 300, input: Gen.int(in: 1971...2400)) { year in
            let last = ISOWeek(year: year, week: ISOWeek.weeksIn(year: year))!
            #expect(last.next == ISOWeek(year: year + 1, week: 1))
            #expect(ISOWeek(year: year, week: ISOWeek.weeksIn(year: year) + 1) == nil)
            // ISO week 1 holds January 4th.
            #expect(ISOWeek(containing: Day(year: year, month: 1, day: 4)!).week == 1)
        }
    }

    @Test("2026 has a week 53, running from Dec 28 2026 to Jan 3 2027")
    func week53Of2026() {
        #expect(ISOWeek.weeksIn(year: 2026) == 53)
        let week = ISOWeek(label: "2026-W53")!
        #expect(week.firstDay.iso == "2026-12-28")
        #expect(week.lastDay.iso == "2027-01-03")
        #expect(ISOWeek(containing: Day(iso: "2027-01-03")!).label == "2026-W53")
        #expect(ISOWeek(containing: Day(iso: "2027-01-04")!).label == "2027-W01")
        #expect(ISOWeek(containing: Day(iso: "2025-12-29")!).label == "2026-W01")
        #expect(ISOWeek(label: "2025-W53") == nil)
        #expect(ISOWeek(label: "2026-W47")?.firstDay.iso == "2026-11-16")
    }

    @Test("months know their length, February included")
    func months() {
        #expect(Month(label: "2028-02")!.dayCount == 29)
        #expect(Month(label: "2026-02")!.dayCount == 28)
        #expect(Month(label: "2100-02")!.dayCount == 28)
        #expect(Month(label: "2000-02")!.dayCount == 29)
        #expect(Month(label: "2026-01")!.previous.label == "2025-12")
        #expect(Month(label: "2026-12")!.next.label == "2027-01")
        #expect(Month(label: "2026-13") == nil)
    }

    @Test("instants parse in the forms saved files and options use")
    func instants() {
        #expect(Instant(iso: "2026-11-17T01:30:00Z")?.seconds == 1_794_879_000)
        #expect(Instant(iso: "20261117T013000Z") == Instant(iso: "2026-11-17T01:30:00Z"))
        #expect(Instant(iso: "2026-11-17T02:30:00+01:00") == Instant(iso: "2026-11-17T01:30:00Z"))
        #expect(Instant(iso: "2026-11-17T01:30Z") == Instant(iso: "2026-11-17T01:30:00Z"))
        #expect(Instant(iso: "2026-11-17 01:30:00") == nil)
        #expect(Instant(iso: "2026-02-30T01:30:00Z") == nil)
        #expect(Instant(iso: "2026-11-17T01:30:00Z")!.compact == "20261117T013000Z")
    }
}

@Suite("Day attribution")
struct DayAttributionTests {
    @Test("the attributed day always holds at least half of a 1-day window")
    func halfTheWindow() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: 1_700_000_000...1_900_000_000)) { seconds in
            let window = SnapshotWindow(pulledAt: Instant(seconds: Int64(seconds)), numOfDays: 1)
            let day = window.attributedDay!
            #expect(window.overlap(with: day) >= 43_200)
            #expect(window.overlap(with: day.advanced(by: -1)) + window.overlap(with: day) + window.overlap(with: day.advanced(by: 1)) == 86_400)
        }
    }

    @Test("multi-day windows belong to no day")
    func multiDay() {
        #expect(SnapshotWindow(pulledAt: Instant(seconds: 1_795_397_400), numOfDays: 3).attributedDay == nil)
    }

    @Test("the chosen candidate has the largest overlap, and the order of candidates does not matter")
    func choice() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...(3 * 86_400)).array(of: 1...6)) { offsets in
            let day = Day(iso: "2026-11-16")!
            let candidates = offsets.enumerated().map { index, offset in
                DayAttribution.Candidate(
                    id: Int64(index), window: SnapshotWindow(pulledAt: Instant(seconds: day.startSecond + Int64(offset)), numOfDays: 1),
                    sha256: String(index))
            }
            let chosen = DayAttribution.choose(for: day, among: candidates)!
            #expect(candidates.allSatisfy { $0.window.overlap(with: day) <= chosen.window.overlap(with: day) })
            #expect(DayAttribution.choose(for: day, among: candidates.reversed()) == chosen)
        }
    }
}
