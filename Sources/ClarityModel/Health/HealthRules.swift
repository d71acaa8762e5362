/// How each fact `doctor` gathers is judged: plain values in, one finding out.
public enum HealthRules {
    /// A token that loads (from its file with owner-only permissions, or the environment) is fine; any error is a problem.
    public static func token(origin: String?, error: String?) -> HealthFinding {
        if let error { return HealthFinding("token", .problem, error) }
        return HealthFinding("token", .ok, "found in \(origin ?? "the environment")")
    }

    /// The last request whose answer was stored: within 26 hours is fine, within the API's 3-day reach a warning, older a problem.
    public static func lastFetch(_ latest: Instant?, now: Instant) -> HealthFinding {
        guard let latest else {
            return HealthFinding(
                "last fetch", .problem, "no fetch has stored a response yet. Run `clarity-report fetch` and add it to cron (see README).")
        }
        let hours = (now.seconds - latest.seconds) / 3_600
        let text = "\(latest.iso), \(hours) h ago"
        if hours <= 26 { return HealthFinding("last fetch", .ok, text) }
        if hours <= 72 {
            return HealthFinding(
                "last fetch", .warning,
                "\(text): a daily run was missed. Check cron and fetch.log; the next run recovers the days the API still holds.")
        }
        return HealthFinding(
            "last fetch", .problem, "\(text): beyond the API's 3-day reach, days are being lost. Check cron, the token and fetch.log.")
    }

    /// Today's request budget: fine while requests are left, a warning once used up or refused by the API (429).
    public static func budget(used: Int, limit: Int, spentAt: Instant?) -> HealthFinding {
        if let spentAt {
            return HealthFinding(
                "budget today", .warning,
                "\(used) of \(limit) requests used; the API answered 429 at \(spentAt.iso). Nothing more is asked before 00:00 UTC.")
        }
        let text = "\(used) of \(limit) requests used"
        return used >= limit
            ? HealthFinding("budget today", .warning, "\(text): none left until 00:00 UTC.") : HealthFinding("budget today", .ok, text)
    }

    /// Missed days of one dimension set: a warning naming those the API still holds (until when) and those lost.
    public static func missingDays(_ dimensions: DimensionSet, missing: [Day], weeks: Int, now: Instant) -> HealthFinding {
        let name = "missing " + (dimensions.isEmpty ? "site totals" : dimensions.key)
        guard !missing.isEmpty else { return HealthFinding(name, .ok, "none in the last \(weeks) weeks") }
        let recoverable = missing.filter { RecoveryHorizon.deadline(for: $0) > now }
        let lost = missing.filter { RecoveryHorizon.deadline(for: $0) <= now }
        var parts: [String] = []
        if !recoverable.isEmpty {
            parts.append(
                "recoverable: " + recoverable.map { "\($0.iso) until \(RecoveryHorizon.deadline(for: $0).iso)" }.joined(separator: ", ")
                    + " (run `clarity-report fetch`)")
        }
        if !lost.isEmpty {
            parts.append(
                "lost: "
                    + Coverage.runs(lost).map { $0.lowerBound == $0.upperBound ? $0.lowerBound.iso : "\($0.lowerBound.iso)…\($0.upperBound.iso)" }
                    .joined(separator: ", ") + " (reports show the gap)")
        }
        return HealthFinding(name, .warning, "\(missing.count) in the last \(weeks) weeks; " + parts.joined(separator: "; "))
    }

    /// Derived days and blocks are fine; they are listed so nobody is surprised by a day without distinct users or a gap with a known sum.
    public static func derivedDays(_ days: [DerivedDay], blocks: [DerivedBlock] = []) -> HealthFinding {
        guard !days.isEmpty || !blocks.isEmpty else { return HealthFinding("derived days", .ok, "none") }
        func name(_ dimensions: DimensionSet) -> String { dimensions.isEmpty ? "site totals" : dimensions.key }
        var parts = days.map { "\($0.day.iso) \(name($0.dimensions)) (\($0.numOfDays)-day)" }
        parts += blocks.map { "\($0.days.lowerBound.iso)…\($0.days.upperBound.iso) \(name($0.dimensions)) known only together (\($0.numOfDays)-day)" }
        return HealthFinding("derived days", .ok, parts.joined(separator: ", "))
    }

    /// Responses kept raw because they did not parse: a warning, since their days are missing.
    public static func unparsed(_ count: Int) -> HealthFinding {
        count == 0
            ? HealthFinding("unparsed responses", .ok, "none")
            : HealthFinding(
                "unparsed responses", .warning,
                "\(count) kept raw because they did not parse; `clarity-report status` counts them and `raw ID` shows one.")
    }

    /// SQLite's `PRAGMA quick_check`: anything but a single "ok" is a problem.
    public static func integrity(_ lines: [String]) -> HealthFinding {
        if lines == ["ok"] { return HealthFinding("store integrity", .ok, "quick_check ok") }
        let shown = lines.prefix(3).joined(separator: "; ")
        return HealthFinding("store integrity", .problem, "quick_check: \(shown). Restore the store from a backup.")
    }

    /// The store's schema against the migrations this version knows.
    public static func schema(applied: [String], known: [String]) -> HealthFinding {
        if applied == known { return HealthFinding("schema", .ok, "v\(known.count) (\(known.last ?? "none"))") }
        return HealthFinding(
            "schema", .problem,
            "the store has \(applied.count) of \(known.count) migrations; run a writing command (`fetch` or `ingest`) once to upgrade it.")
    }

    /// Free disk space against the store's growth: under 30 days left is a problem, under 180 a warning.
    public static func diskSpace(free: Int64, storeBytes: Int64, growthPerDay: Int64) -> HealthFinding {
        let text = "\(megabytes(free)) free; the store is \(megabytes(storeBytes)) and grows about \(megabytes(growthPerDay)) a day"
        guard growthPerDay > 0 else { return HealthFinding("disk space", free > 0 ? .ok : .problem, text) }
        let days = free / growthPerDay
        if days < 30 { return HealthFinding("disk space", .problem, "\(text): full in about \(days) days. Free space or move the store.") }
        if days < 180 { return HealthFinding("disk space", .warning, "\(text): full in about \(days) days.") }
        return HealthFinding("disk space", .ok, "\(text) (room for \(days >= 3_650 ? "10+ years" : "\(days) days"))")
    }

    /// The template overrides: none (built in) or a folder that exists are fine; a named folder that is missing is a problem.
    public static func templates(folder: String?, namedBy: String?, exists: Bool) -> HealthFinding {
        guard let folder else { return HealthFinding("templates", .ok, "built in") }
        if exists { return HealthFinding("templates", .ok, "overrides from \(folder) (\(namedBy ?? "configuration")), the rest built in") }
        return HealthFinding(
            "templates", .problem,
            "\(namedBy ?? "the configuration") names \(folder), which does not exist; every report will fail. Create it or fix the setting.")
    }

    /// The charts' font, Liberation Sans: without it the email's PNG charts cannot be drawn.
    public static func font(installed: String?, searched: [String]) -> HealthFinding {
        if let installed { return HealthFinding("chart font", .ok, installed) }
        return HealthFinding(
            "chart font", .problem,
            "Liberation Sans not found (looked for \(searched.joined(separator: ", "))); `weekly --format eml` will fail. Install fonts-liberation2 (scripts/install-deps.sh)."
        )
    }

    /// The `[email.smtp]` settings: no host is a warning (sending refuses), a login without a readable password a problem.
    public static func smtp(host: String, passwordError: String?) -> HealthFinding {
        guard !host.isEmpty else {
            return HealthFinding(
                "smtp", .warning, "[email.smtp] host is not set; `send` and `weekly --send` will refuse. Set it, or deliver through sendmail.")
        }
        if let passwordError { return HealthFinding("smtp", .problem, passwordError) }
        return HealthFinding("smtp", .ok, "server \(host)")
    }

    /// `68.3 GB`, `7.6 MB`, `41 kB`: one decimal above a megabyte.
    static func megabytes(_ bytes: Int64) -> String {
        if bytes >= 1 << 30 { return "\(bytes * 10 / (1 << 30) / 10).\(bytes * 10 / (1 << 30) % 10) GB" }
        if bytes >= 1 << 20 { return "\(bytes * 10 / (1 << 20) / 10).\(bytes * 10 / (1 << 20) % 10) MB" }
        return "\(bytes / 1_024) kB"
    }
}
