/// A UTC calendar day, counted from 1970-01-01.
public struct Day: Hashable, Comparable, Sendable, Strideable, CustomStringConvertible, Codable {
    /// Days since 1970-01-01 (day 0).
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// The day of a proleptic Gregorian date; nil when the date does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.ordinal = era * 146097 + doe - 719468
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Year, month and day of month.
    public var components: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }

    /// ISO weekday: 1 is Monday, 7 is Sunday.
    public var weekday: Int {
        let value = (ordinal + 3) % 7
        return (value < 0 ? value + 7 : value) + 1
    }

    public var isWeekend: Bool { weekday >= 6 }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let (y, m, d) = components
        return "\(Self.pad(y, 4))-\(Self.pad(m, 2))-\(Self.pad(d, 2))"
    }

    public var description: String { iso }

    /// Short English weekday name, for chart labels.
    public var weekdayName: String { ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][weekday - 1] }

    /// `Nov 17`, for chart labels and prose.
    public var shortLabel: String {
        "\(Self.monthNames[month - 1].prefix(3)) \(components.day)"
    }

    /// Seconds since the epoch at this day's first instant.
    public var startSecond: Int64 { Int64(ordinal) * 86_400 }

    /// The day containing an instant given in epoch seconds.
    public init(containing second: Int64) {
        self.ordinal = Int(second >= 0 ? second / 86_400 : (second - 86_399) / 86_400)
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }
    public func advanced(by n: Int) -> Day { Day(ordinal: ordinal + n) }
    public func distance(to other: Day) -> Int { other.ordinal - ordinal }

    public static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(abs(value))
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - text.count)) + text
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

/// A UTC instant in whole seconds since the epoch.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    /// Parses `2026-11-17T01:30:00Z`, `2026-11-17T01:30Z`, `2026-11-17T01:30:00+01:00` and the compact `20261117T013000Z`.
    public init?(iso text: String) {
        var body = Substring(text)
        var offsetSeconds: Int64 = 0
        if body.hasSuffix("Z") || body.hasSuffix("z") {
            body = body.dropLast()
        } else if body.count > 6, let sign = body.dropLast(5).last, sign == "+" || sign == "-",
            body.suffix(5).dropFirst(2).first == ":"
        {
            let zone = body.suffix(5)
            guard let hours = Int64(zone.prefix(2)), let minutes = Int64(zone.suffix(2)), hours < 24, minutes < 60 else { return nil }
            offsetSeconds = (hours * 3600 + minutes * 60) * (sign == "+" ? 1 : -1)
            body = body.dropLast(6)
        } else {
            return nil
        }
        let pieces = body.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        guard pieces.count == 2 else { return nil }
        var datePart = String(pieces[0])
        var timePart = String(pieces[1])
        if !datePart.contains("-"), datePart.count == 8 {
            datePart = "\(datePart.prefix(4))-\(datePart.dropFirst(4).prefix(2))-\(datePart.suffix(2))"
        }
        if !timePart.contains(":"), timePart.count == 6 || timePart.count == 4 {
            timePart = stride(from: 0, to: timePart.count, by: 2).map { offset in
                String(timePart.dropFirst(offset).prefix(2))
            }.joined(separator: ":")
        }
        guard let day = Day(iso: datePart) else { return nil }
        let clock = timePart.split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2 || clock.count == 3, clock.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hour = Int64(clock[0]), let minute = Int64(clock[1])
        else { return nil }
        let second = clock.count == 3 ? Int64(clock[2]) ?? 99 : 0
        guard hour < 24, minute < 60, second < 60 else { return nil }
        self.seconds = day.startSecond + hour * 3600 + minute * 60 + second - offsetSeconds
    }

    public var day: Day { Day(containing: seconds) }

    /// `2026-11-17T01:30:00Z`.
    public var iso: String {
        let secondOfDay = seconds - day.startSecond
        return "\(day.iso)T\(Day.pad(Int(secondOfDay / 3600), 2)):\(Day.pad(Int(secondOfDay % 3600 / 60), 2)):\(Day.pad(Int(secondOfDay % 60), 2))Z"
    }

    /// `20261117T013000Z`, as in saved response file names.
    public var compact: String {
        iso.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }

    public var description: String { iso }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.seconds < rhs.seconds }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
