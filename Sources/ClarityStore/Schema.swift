import ClarityModel
import GRDB

/// The store's schema, one migration per shipped change; never edit a migration once it has shipped.
enum Schema {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-snapshots-observations") { db in
            try db.execute(
                sql: """
                    CREATE TABLE snapshot (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        sha256 TEXT NOT NULL UNIQUE,
                        pulled_at INTEGER NOT NULL,
                        num_of_days INTEGER NOT NULL CHECK (num_of_days IN (1, 2, 3)),
                        dimensions TEXT NOT NULL,
                        source TEXT NOT NULL,
                        ingested_at INTEGER NOT NULL,
                        byte_count INTEGER NOT NULL,
                        row_count INTEGER NOT NULL,
                        day TEXT,
                        parse_error TEXT,
                        warnings TEXT NOT NULL DEFAULT ''
                    );
                    CREATE INDEX snapshot_by_day ON snapshot(day, dimensions);
                    CREATE INDEX snapshot_by_pull ON snapshot(pulled_at);

                    CREATE TABLE raw_response (
                        snapshot_id INTEGER PRIMARY KEY REFERENCES snapshot(id),
                        body BLOB NOT NULL
                    );

                    CREATE TABLE segment (
                        id INTEGER PRIMARY KEY,
                        key TEXT NOT NULL UNIQUE,
                        dimensions TEXT NOT NULL,
                        is_aggregate INTEGER NOT NULL,
                        browser TEXT, device TEXT, os TEXT, country TEXT, source TEXT,
                        medium TEXT, campaign TEXT, channel TEXT, url TEXT
                    );

                    CREATE TABLE observation (
                        snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
                        segment_id INTEGER NOT NULL REFERENCES segment(id),
                        sessions INTEGER, bot_sessions INTEGER, distinct_users INTEGER, pages_per_session REAL,
                        dead_click_sessions INTEGER, dead_click_pct REAL, dead_click_without_pct REAL, dead_click_page_views INTEGER, dead_click_events INTEGER,
                        rage_click_sessions INTEGER, rage_click_pct REAL, rage_click_without_pct REAL, rage_click_page_views INTEGER, rage_click_events INTEGER,
                        quickback_sessions INTEGER, quickback_pct REAL, quickback_without_pct REAL, quickback_page_views INTEGER, quickback_events INTEGER,
                        excessive_scroll_sessions INTEGER, excessive_scroll_pct REAL, excessive_scroll_without_pct REAL, excessive_scroll_page_views INTEGER, excessive_scroll_events INTEGER,
                        script_error_sessions INTEGER, script_error_pct REAL, script_error_without_pct REAL, script_error_page_views INTEGER, script_error_events INTEGER,
                        error_click_sessions INTEGER, error_click_pct REAL, error_click_without_pct REAL, error_click_page_views INTEGER, error_click_events INTEGER,
                        scroll_depth REAL, total_time REAL, active_time REAL,
                        PRIMARY KEY (snapshot_id, segment_id)
                    ) WITHOUT ROWID;

                    CREATE TABLE breakdown_item (
                        snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
                        metric TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        name TEXT,
                        count INTEGER,
                        PRIMARY KEY (snapshot_id, metric, position)
                    ) WITHOUT ROWID;

                    -- The snapshot that stands for each UTC day and dimension set (see DayAttribution).
                    CREATE TABLE day_snapshot (
                        day TEXT NOT NULL,
                        dimensions TEXT NOT NULL,
                        snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
                        PRIMARY KEY (day, dimensions)
                    ) WITHOUT ROWID;
                    """)
        }
        // The request budget: one row per request asked of the API, counted per UTC day (see RequestBudget).
        migrator.registerMigration("v2-fetch-budget") { db in
            try db.execute(
                sql: """
                    CREATE TABLE request_ledger (
                        day TEXT NOT NULL,
                        seq INTEGER NOT NULL,
                        requested_at INTEGER NOT NULL,
                        request TEXT NOT NULL,
                        status INTEGER,
                        outcome TEXT NOT NULL,
                        PRIMARY KEY (day, seq)
                    ) WITHOUT ROWID;

                    -- Days on which the API answered 429: nothing more is asked, whatever the ledger counts.
                    CREATE TABLE spent_day (
                        day TEXT PRIMARY KEY,
                        marked_at INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    """)
        }
        // The release registry: versions and when they went live, for before/after comparisons (see Releases).
        migrator.registerMigration("v3-releases") { db in
            try db.execute(
                sql: """
                    CREATE TABLE release (
                        version TEXT PRIMARY KEY,
                        released_at INTEGER NOT NULL,
                        day TEXT NOT NULL,
                        note TEXT NOT NULL DEFAULT '',
                        source TEXT NOT NULL CHECK (source IN ('manual', 'git'))
                    ) WITHOUT ROWID;
                    CREATE INDEX release_by_time ON release(released_at, version);
                    """)
        }
        // Raw responses compressed: each row says how its body is kept. Rows from before stay `identity` until
        // `MetricStore.compressRawResponses` rewrites them a batch at a time (see RawEncoding).
        migrator.registerMigration("v4-raw-encoding") { db in
            try db.execute(
                sql: """
                    ALTER TABLE raw_response ADD COLUMN encoding TEXT NOT NULL DEFAULT 'identity';
                    CREATE INDEX raw_response_as_received ON raw_response(snapshot_id) WHERE encoding = 'identity';
                    """)
        }
        // Days derived from a 2- or 3-day snapshot minus the 1-day snapshots of its other days (see DerivedDays). The
        // figures sit in `observation` under a snapshot row of their own, with no raw response, so every query reads a
        // derived day as it reads a pulled one; this table marks it and says where it came from.
        migrator.registerMigration("v5-derived-days") { db in
            try db.execute(
                sql: """
                    CREATE TABLE derived_day (
                        snapshot_id INTEGER PRIMARY KEY REFERENCES snapshot(id),
                        day TEXT NOT NULL,
                        dimensions TEXT NOT NULL,
                        from_snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
                        num_of_days INTEGER NOT NULL,
                        subtracted TEXT NOT NULL,
                        skipped_segments INTEGER NOT NULL,
                        UNIQUE (day, dimensions)
                    );
                    CREATE INDEX derived_day_by_source ON derived_day(from_snapshot_id);
                    """)
        }
        // Consecutive missed days known only together (see DerivedBlock): figures under a snapshot row with no day and no
        // raw response, read by period totals that hold the whole block, never by daily figures.
        migrator.registerMigration("v6-derived-blocks") { db in
            try db.execute(
                sql: """
                    CREATE TABLE derived_block (
                        snapshot_id INTEGER PRIMARY KEY REFERENCES snapshot(id),
                        first_day TEXT NOT NULL,
                        last_day TEXT NOT NULL,
                        dimensions TEXT NOT NULL,
                        from_snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
                        num_of_days INTEGER NOT NULL,
                        subtracted TEXT NOT NULL,
                        skipped_segments INTEGER NOT NULL,
                        UNIQUE (first_day, dimensions)
                    );
                    """)
        }
        // Anomalies the daily alerts found (see AlertState): one row per anomaly, from its first day while it goes on, so a
        // continuing one is reported once, two runs at once deliver once, and the weekly report says when it ended.
        migrator.registerMigration("v7-alert-anomalies") { db in
            try db.execute(
                sql: """
                    CREATE TABLE alert_anomaly (
                        key TEXT NOT NULL,
                        first_day TEXT NOT NULL,
                        last_day TEXT NOT NULL,
                        ended_day TEXT,
                        metric TEXT NOT NULL,
                        text TEXT NOT NULL,
                        reported_at INTEGER NOT NULL,
                        PRIMARY KEY (key, first_day)
                    ) WITHOUT ROWID;
                    CREATE INDEX alert_anomaly_open ON alert_anomaly(ended_day);
                    """)
        }
        return migrator
    }()
}

extension FrustrationSignal {
    /// Column-name stem of the signal in the `observation` table.
    var columnStem: String {
        switch self {
        case .deadClick: return "dead_click"
        case .rageClick: return "rage_click"
        case .quickback: return "quickback"
        case .excessiveScroll: return "excessive_scroll"
        case .scriptError: return "script_error"
        case .errorClick: return "error_click"
        }
    }
}
