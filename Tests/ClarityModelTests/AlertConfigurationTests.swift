import ClarityModel
import Testing

/// The `[alert]` table: defaults, each setting read, and a bad value refused with its place and the accepted ones.
@Suite struct AlertConfigurationTests {
    @Test func defaultsAndSettingsRoundTrip() throws {
        #expect(
            ReportConfiguration().alert
                == ReportConfiguration.Alert(
                    significance: 0.01, baselineDays: 28, webhookFile: "", webhookKind: .slack,
                    retries: 2, retryDelay: 5))
        let text =
            "[alert]\nsignificance = 0.005\nbaseline_days = 42\nwebhook_file = \"hook\"\nwebhook_kind = \"teams\"\nretries = 0\nretry_delay = 1\n"
        let configuration = try ReportConfiguration(parsing: text)
        #expect(
            configuration.alert
                == ReportConfiguration.Alert(
                    significance: 0.005, baselineDays: 42, webhookFile: "hook", webhookKind: .teams,
                    retries: 0, retryDelay: 1))
        #expect(try ReportConfiguration(parsing: configuration.tomlText) == configuration)
    }

    @Test(arguments: [
        ("[alert]\nwebhook_kind = \"discord\"\n", 2, "alert.webhook_kind \"discord\" is not a webhook kind"),
        ("[alert]\nbaseline_days = 7\n", 2, "baseline_days"),
        ("[alert]\nsignificance = 0.5\n", 2, "above 0 and at most 0.2"),
        ("[alert]\nwebhook = \"https://hooks.example/x\"\n", 2, "webhook"),
    ])
    func badSettingsAreRefusedWithTheirLine(text: String, line: Int, message: String) throws {
        do {
            _ = try ReportConfiguration(parsing: text)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(message), "\(error)")
            #expect(!error.message.contains("hooks.example"), "a webhook address is a secret, even a misplaced one")
        }
    }
}
