import ClarityModel
import MCP

/// The tools' names, descriptions and JSON input schemas: fixed text of ours, never anything read from the store.
enum ToolCatalog {
    static let figureIDs: [Value] = KPI.allCases.map { .string($0.rawValue) }
    static let signalIDs: [Value] = FrustrationSignal.allCases.map { .string($0.rawValue) }
    static let dimensionHelp =
        "A dimension (\(Dimension.allCases.map(\.name).joined(separator: ", "))) or a combination joined with + (e.g. Browser+URL)."

    static let week: Value = [
        "type": "string", "pattern": "^[0-9]{4}-W[0-9]{2}$", "description": "An ISO week, e.g. 2026-W47 (Monday to Sunday, UTC days).",
    ]
    static let month: Value = ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$", "description": "A calendar month of UTC days, e.g. 2026-11."]
    static let from: Value = ["type": "string", "format": "date", "description": "First day of a date range, YYYY-MM-DD (with to; at most 3 years)."]
    static let to: Value = ["type": "string", "format": "date", "description": "Last day of a date range, YYYY-MM-DD (with from)."]
    static let segment: Value = [
        "type": "object", "additionalProperties": ["type": "string"],
        "description":
            "One segment: dimension names to values, e.g. {\"Browser\": \"Safari\", \"URL\": \"https://example.com/checkout\"}. Values as the breakdown tool lists them.",
    ]
    static func figures(_ description: String) -> Value {
        ["type": "array", "items": ["type": "string", "enum": .array(figureIDs)], "description": .string(description)]
    }
    static func limit(_ fallback: Int, _ maximum: Int, _ what: String) -> Value {
        [
            "type": "integer", "minimum": 1, "maximum": .int(maximum), "default": .int(fallback),
            "description": .string("At most this many \(what) (default \(fallback), at most \(maximum)); the result says what was left out."),
        ]
    }

    static func schema(_ properties: [String: Value], required: [String] = []) -> Value {
        var schema: [String: Value] = ["type": "object", "properties": .object(properties), "additionalProperties": false]
        if !required.isEmpty { schema["required"] = .array(required.map { .string($0) }) }
        return .object(schema)
    }

    static let readOnly = Tool.Annotations(readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false)

    static let periodNote = "Give week, month, or from and to; the default is the latest complete week."

    static let all: [Tool] = [
        Tool(
            name: "coverage", title: "Store coverage",
            description:
                "What the clarity-report store holds: the days covered per dimension set (site totals and each breakdown), gaps as runs of missing days, days derived from 2- or 3-day pulls, breakdowns that hit the API's 1,000-row cap, and the latest pull. Call it first to learn which periods and dimensions have data.",
            inputSchema: schema([:]), annotations: readOnly),
        Tool(
            name: "kpis", title: "Headline figures",
            description:
                "The reports' headline figures (sessions, users per day, pages per session, scroll depth, active time, time on site, and the six frustration rates) for a week, month or date range, for the whole site or one segment, each with the previous period of the same length, the change, and the verdict of the reports' noise engine (beyond noise, within noise, too few sessions, too little history) with its evidence. A week or month of the site equals the weekly or monthly report's kpis exactly. \(periodNote)",
            inputSchema: schema([
                "week": week, "month": month, "from": from, "to": to, "segment": segment,
                "figures": figures("Figure ids to include (default: all)."),
            ]),
            annotations: readOnly),
        Tool(
            name: "series", title: "Daily or weekly series",
            description:
                "One figure over a date range as a daily or weekly series, for the whole site or one segment: each point's value, its covered days and, for counts, the value per covered day. Weekly points are whole ISO weeks that overlap the range. Missing days are points without a value, not zeros. The default range is the 8 weeks up to the latest day in the store.",
            inputSchema: schema(
                [
                    "figure": ["type": "string", "enum": .array(figureIDs), "description": "The figure id, e.g. rageClickRate."],
                    "granularity": ["type": "string", "enum": ["daily", "weekly"], "default": "daily"],
                    "from": from, "to": to, "segment": segment, "limit": limit(120, 400, "points"),
                ],
                required: ["figure"]),
            annotations: readOnly),
        Tool(
            name: "segments", title: "Frustration segments and movers",
            description:
                "For a week or month: the segments whose sessions show a frustration signal more often than the site (ranked by sessions with the signal beyond the site's rate, with the recording filters to watch them), and for a week the segment movers, whose own rate moved beyond noise since the week before (by frustrated sessions added). Filter by dimension (segments split by it) and by signal. Ranks are the reports' ranks over all segments. The default is the latest complete week.",
            inputSchema: schema([
                "week": week, "month": month,
                "dimension": ["type": "string", "description": .string(dimensionHelp + " Keep segments split by every dimension named.")],
                "signal": ["type": "string", "enum": .array(signalIDs), "description": "Keep one frustration signal."],
                "limit": limit(10, 50, "segments and at most this many movers"),
            ]),
            annotations: readOnly),
        Tool(
            name: "breakdown", title: "Breakdown by dimension",
            description:
                "One dimension (or combination) for a week, month or date range: each value's sessions, share of sessions and figures against the previous period, judged as the reports' device and browser tables are, sorted by a figure and limited. Device or Browser for a week equals the weekly report's tables. \(periodNote)",
            inputSchema: schema(
                [
                    "dimensions": ["type": "string", "description": .string(dimensionHelp)],
                    "week": week, "month": month, "from": from, "to": to,
                    "sort": ["type": "string", "enum": .array(figureIDs), "default": "sessions", "description": "The figure rows are sorted by."],
                    "order": ["type": "string", "enum": ["descending", "ascending"], "default": "descending"],
                    "figures": figures("Figure ids each row carries (default: sessions and the six frustration rates)."),
                    "limit": limit(20, 100, "rows"),
                ],
                required: ["dimensions"]),
            annotations: readOnly),
        Tool(
            name: "releases", title: "Release registry",
            description: "The recorded releases of the site (version, when it went live, note, manual or git), latest first.",
            inputSchema: schema(["limit": limit(50, 200, "releases")]), annotations: readOnly),
        Tool(
            name: "release_impact", title: "Release impact",
            description:
                "One release's before/after comparison as the reports measure it: the kept days before and after (release day left out, weekdays matched), every headline figure with its verdict (two-proportion test for rates, Welch's t-test on daily values otherwise), frustration rates per device and browser, overlapping releases, and plain findings. While the after-window runs, figures so far and no verdict.",
            inputSchema: schema(
                ["version": ["type": "string", "description": "The release version, as the releases tool lists it."]], required: ["version"]),
            annotations: readOnly),
        Tool(
            name: "report", title: "Whole report",
            description:
                "A whole weekly or monthly report: its JSON model (exactly what `clarity-report weekly|monthly --format json` prints; pick top-level sections to keep it short) or its Markdown. The default period is the latest complete week or month.",
            inputSchema: schema(
                [
                    "kind": ["type": "string", "enum": ["weekly", "monthly"]],
                    "week": week, "month": month,
                    "format": ["type": "string", "enum": ["json", "markdown"], "default": "json"],
                    "sections": [
                        "type": "array", "items": ["type": "string"],
                        "description":
                            "With format json: the model's top-level keys to include, e.g. [\"kpis\", \"changes\"] (default: all that fit).",
                    ],
                ],
                required: ["kind"]),
            annotations: readOnly),
    ]

    static func argumentNames(of tool: Tool) -> [String] {
        tool.inputSchema.objectValue?["properties"]?.objectValue?.keys.sorted() ?? []
    }
}
