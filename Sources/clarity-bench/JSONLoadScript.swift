import ClarityDemo

/// A `sqlite3` script that loads API responses the way our ingest does, with SQLite's own JSON functions: one
/// transaction per response that hashes and keeps the bytes, interns segments, pivots the nine metrics into one
/// observation row per segment, and stores the name lists.
enum JSONLoadScript {
    /// The observation columns, each read from one field of one metric's rows.
    private static let columns: [(metric: String, field: String, integer: Bool)] = {
        var columns: [(String, String, Bool)] = [
            ("Traffic", "totalSessionCount", true), ("Traffic", "totalBotSessionCount", true),
            ("Traffic", "distinctUserCount", true), ("Traffic", "pagesPerSessionPercentage", false),
        ]
        for metric in ["DeadClickCount", "RageClickCount", "QuickbackClick", "ExcessiveScroll", "ScriptErrorCount", "ErrorClickCount"] {
            columns += [
                (metric, "sessionsCount", true), (metric, "sessionsWithMetricPercentage", false), (metric, "sessionsWithoutMetricPercentage", false),
                (metric, "pagesViews", true), (metric, "subTotal", true),
            ]
        }
        return columns + [
            ("ScrollDepth", "averageScrollDepth", false), ("EngagementTime", "totalTime", false), ("EngagementTime", "activeTime", false),
        ]
    }()

    private static let dimensionKeys = ["Browser", "Device", "OS", "Country", "Source", "Medium", "Campaign", "Channel", "Url"]
    private static let lists = ["Browser", "Device", "OS", "Country", "PageTitle", "ReferrerUrl", "PopularPages"]

    /// The script for responses saved at `files` (same order).
    static func script(_ responses: [DemoResponse], files: [String]) -> String {
        let metrics = Set(columns.map(\.metric)).sorted().map { "'\($0)'" }.joined(separator: ", ")
        let dimensionValues = "json_extract(row, \(dimensionKeys.map { "'$.\($0)'" }.joined(separator: ", ")))"
        let pivot = columns.map { column -> String in
            let value = "row->>'\(column.field)'"
            return "MAX(CASE WHEN name = '\(column.metric)' THEN \(column.integer ? "CAST(\(value) AS INTEGER)" : value) END)"
        }.joined(separator: ", ")
        var lines = [
            "CREATE TEMP TABLE body (b BLOB);",
            "CREATE TEMP TABLE metric (name TEXT, v TEXT);",
            "CREATE TEMP TABLE metric_row (name TEXT, position INTEGER, row TEXT);",
            "CREATE TEMP TABLE segment_row (name TEXT, row TEXT, k TEXT);",
        ]
        for (response, file) in zip(responses, files) {
            let dimensions = response.dimensions.key
            let seconds = response.pulledAt.seconds
            lines += [
                "BEGIN;",
                "DELETE FROM body; DELETE FROM metric; DELETE FROM metric_row; DELETE FROM segment_row;",
                "INSERT INTO body VALUES (readfile('\(file)'));",
                """
                INSERT INTO snapshot (sha256, pulled_at, num_of_days, dimensions, source, ingested_at, byte_count, row_count, day) \
                SELECT hex(sha3(b, 256)), \(seconds), 1, '\(dimensions)', '\(file)', \(seconds + 3_600), length(b), 0, '\(response.pulledAt.day.advanced(by: -1).iso)' FROM body;
                """,
                "INSERT INTO raw_response (snapshot_id, body) SELECT last_insert_rowid(), b FROM body;",
                // Metric names first: reading one per row would parse the whole metric again for each of its rows.
                "INSERT INTO metric SELECT value->>'metricName', value FROM body, json_each(body.b);",
                "INSERT INTO metric_row SELECT name, i.key, i.value FROM metric, json_each(metric.v, '$.information') i;",
                "INSERT INTO segment_row SELECT name, row, '\(dimensions)' || \(dimensionValues) FROM metric_row WHERE name IN (\(metrics));",
                """
                INSERT OR IGNORE INTO segment (key, dimensions, is_aggregate, browser, device, os, country, source, medium, campaign, channel, url) \
                SELECT DISTINCT k, '\(dimensions)', 0, \(dimensionKeys.map { "row->>'\($0)'" }.joined(separator: ", ")) FROM segment_row;
                """,
                """
                INSERT INTO observation SELECT (SELECT MAX(id) FROM snapshot), s.id, \(pivot) \
                FROM segment_row r JOIN segment s ON s.key = r.k GROUP BY s.id;
                """,
                """
                INSERT INTO breakdown_item SELECT (SELECT MAX(id) FROM snapshot), name, position, coalesce(row->>'name', row->>'url'), \
                CAST(coalesce(row->>'sessionsCount', row->>'visitsCount') AS INTEGER) FROM metric_row WHERE name IN (\(lists.map { "'\($0)'" }.joined(separator: ", ")));
                """,
                "INSERT OR REPLACE INTO day_snapshot VALUES ('\(response.pulledAt.day.advanced(by: -1).iso)', '\(dimensions)', (SELECT MAX(id) FROM snapshot));",
                "COMMIT;",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
