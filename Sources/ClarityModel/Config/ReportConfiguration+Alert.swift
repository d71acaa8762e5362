extension ReportConfiguration {
    /// How the daily anomaly alerts are judged and where they go: `[alert]`.
    public struct Alert: Sendable, Equatable {
        /// The kind of incoming webhook `alert --webhook` posts to.
        public enum WebhookKind: String, Sendable, Equatable, CaseIterable {
            case slack, teams, json
        }

        /// The Benjamini–Hochberg level across every figure tested on a day; default 0.01, above 0 and at most 0.2.
        public var significance: Double
        /// Days before the checked day that form its baseline; default 28, from 14 to 56.
        public var baselineDays: Int
        /// A file holding the webhook URL (a secret: chmod 600), relative to the configuration file; default "": `$CLARITY_ALERT_WEBHOOK`.
        public var webhookFile: String
        /// slack, teams or json; default slack.
        public var webhookKind: WebhookKind
        /// Attempts after the first when the webhook answers 5xx or cannot be reached; default 2, from 0 to 5.
        public var retries: Int
        /// Seconds before the first retry, doubling; default 5, from 0 to 300.
        public var retryDelay: Int

        public init(
            significance: Double = 0.01, baselineDays: Int = 28, webhookFile: String = "", webhookKind: WebhookKind = .slack,
            retries: Int = 2, retryDelay: Int = 5
        ) {
            self.significance = significance
            self.baselineDays = baselineDays
            self.webhookFile = webhookFile
            self.webhookKind = webhookKind
            self.retries = retries
            self.retryDelay = retryDelay
        }

        static let baselineDaysRange = 14...56
        static let retriesRange = 0...5
        static let retryDelayRange = 0...300
    }
}

extension ConfigSection {
    /// The `[alert]` settings.
    func alert() throws(ConfigError) -> ReportConfiguration.Alert {
        typealias Alert = ReportConfiguration.Alert
        try requireKnownKeys(ReportConfiguration.keys(of: "alert"))
        var alert = Alert()
        alert.significance = try double("significance", default: alert.significance, rule: "above 0 and at most 0.2") { $0 > 0 && $0 <= 0.2 }
        alert.baselineDays = try integer("baseline_days", default: alert.baselineDays, in: Alert.baselineDaysRange)
        alert.webhookFile = try string("webhook_file", default: alert.webhookFile)
        let kind = try string("webhook_kind", default: alert.webhookKind.rawValue)
        guard let parsed = Alert.WebhookKind(rawValue: kind) else {
            throw error(
                "webhook_kind", "alert.webhook_kind \(TOMLValue.basicString(kind)) is not a webhook kind",
                hint: "use one of " + Alert.WebhookKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        alert.webhookKind = parsed
        alert.retries = try integer("retries", default: alert.retries, in: Alert.retriesRange)
        alert.retryDelay = try integer("retry_delay", default: alert.retryDelay, in: Alert.retryDelayRange)
        return alert
    }
}

extension ReportConfiguration.Alert {
    /// The `[alert]` table as `config` prints it.
    var tomlTable: TOMLTable {
        var table = TOMLTable()
        table.set(.float(significance), for: "significance")
        table.set(.integer(baselineDays), for: "baseline_days")
        table.set(.string(webhookFile), for: "webhook_file")
        table.set(.string(webhookKind.rawValue), for: "webhook_kind")
        table.set(.integer(retries), for: "retries")
        table.set(.integer(retryDelay), for: "retry_delay")
        return table
    }
}
