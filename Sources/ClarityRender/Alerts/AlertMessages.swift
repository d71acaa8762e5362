import ClarityModel
import Foundation

/// The daily alert as printed text, as Slack and Microsoft Teams webhook payloads, and as a short email.
///
/// Every sentence holds text from the tracked site (URLs, browser names), so each output escapes for its context:
/// the text drops invisible characters and line breaks, Slack gets plain_text blocks and a fallback with `&<>` escaped,
/// Teams gets Markdown-escaped text, the email's HTML is HTML-escaped.
public enum AlertMessages {
    /// The findings of a run as lines for a terminal or a log.
    public static func text(_ report: AlertReport) -> String {
        var lines = [
            "\(clean(report.project.name)) alerts: \(clean(report.headline))",
            "\(Format.integer(Double(report.tests))) figures tested against the \(report.settings.baselineDays) days before, weekday-adjusted; "
                + "anomalies have Benjamini–Hochberg q ≤ \(Format.decimal(report.settings.significance, places: 3)).", "",
        ]
        let shown = report.findings.filter { $0.status != "ongoing" }
        for (index, finding) in shown.enumerated() {
            lines.append("\(index + 1). \(clean(finding.text))")
            lines.append("   " + evidence(finding))
            if !finding.accountsFor.isEmpty {
                lines.append("   Includes: " + finding.accountsFor.map(clean).joined(separator: "; "))
            }
            if let filter = finding.recordingFilter { lines.append("   " + clean(filter)) }
            if let watch = finding.watchFor { lines.append("   Watch for: " + watch) }
            if let url = finding.weeklyPageURL { lines.append("   Weekly page: " + clean(url)) }
        }
        let ongoing = report.findings.filter { $0.status == "ongoing" }
        if !ongoing.isEmpty {
            lines.append("Still ongoing, already reported:")
            lines += ongoing.map { "- \(clean($0.text)) (\($0.sinceText))" }
        }
        if !report.ended.isEmpty {
            lines.append("Back to normal:")
            lines += report.ended.map { "- \(clean($0.text)): \($0.endedText)" }
        }
        if !report.missing.isEmpty {
            lines.append("Missing:")
            lines += report.missing.map { "- \($0.text)" }
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `new on Wed Nov 18, the day after 2.6.0 shipped · z = 41.2, q < 0.001 · 8 Wednesdays, median 1.5%`.
    static func evidence(_ finding: AlertFinding) -> String {
        let score = finding.score
        let metric = AlertMetric(id: finding.metric) ?? .sessions
        let since = finding.sinceText + (finding.releaseText.isEmpty ? "" : ", " + finding.releaseText)
        return "\(since) · z = \(Format.decimal(score.z, places: 1)), \(Format.probability("q", finding.qValue)) · "
            + "usual \(metric.text(score.median)) over \(score.baselineDays.count) days"
    }

    /// The payload of a Slack incoming webhook: a fallback `text` and plain_text blocks, so no site text becomes a link or markup.
    public static func slack(_ report: AlertReport) throws -> [UInt8] {
        var blocks: [[String: Any]] = [["type": "header", "text": plain(clean("\(report.project.name): \(report.dayText)"))]]
        blocks.append(["type": "section", "text": plain(clean(report.headline))])
        for finding in report.findings where finding.status != "ongoing" {
            var lines = [clean(finding.text), evidence(finding)]
            if let filter = finding.recordingFilter { lines.append(clean(filter)) }
            blocks.append(["type": "section", "text": plain(lines.joined(separator: "\n"))])
            if let url = finding.weeklyPageURL {
                blocks.append(["type": "context", "elements": [["type": "mrkdwn", "text": "<\(slackEscaped(url))|Weekly page>"]]])
            }
        }
        for missing in report.missing { blocks.append(["type": "context", "elements": [plain("Missing: " + missing.text)]]) }
        return try json(["text": slackEscaped(clean(report.headline)), "blocks": blocks])
    }

    /// The payload of a Microsoft Teams incoming webhook (Workflows or the classic connector): an Adaptive Card message.
    public static func teams(_ report: AlertReport) throws -> [UInt8] {
        var body: [[String: Any]] = [
            [
                "type": "TextBlock", "size": "Medium", "weight": "Bolder", "wrap": true,
                "text": MarkdownEscaping.inline("\(report.project.name): \(report.dayText)"),
            ],
            ["type": "TextBlock", "wrap": true, "text": MarkdownEscaping.inline(report.headline)],
        ]
        var actions: [[String: Any]] = []
        for finding in report.findings where finding.status != "ongoing" {
            var lines = [finding.text, evidence(finding)]
            if let filter = finding.recordingFilter { lines.append(filter) }
            body.append([
                "type": "TextBlock", "wrap": true, "separator": true,
                "text": lines.map(MarkdownEscaping.inline).joined(separator: "\n\n"),
            ])
            if let url = finding.weeklyPageURL, !actions.contains(where: { $0["url"] as? String == url }) {
                actions.append(["type": "Action.OpenUrl", "title": "Weekly page", "url": url])
            }
        }
        for missing in report.missing {
            body.append(["type": "TextBlock", "wrap": true, "isSubtle": true, "text": MarkdownEscaping.inline("Missing: " + missing.text)])
        }
        var card: [String: Any] = [
            "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "type": "AdaptiveCard", "version": "1.4", "body": body,
        ]
        if !actions.isEmpty { card["actions"] = actions }
        return try json([
            "type": "message", "attachments": [["contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": NSNull(), "content": card]],
        ])
    }

    /// A short email of the findings: a plain-text part and a small HTML part, sendable with `send`.
    public static func email(_ report: AlertReport, from: EmailAddress, to: [EmailAddress], bcc: [EmailAddress], date: Instant) throws -> MIMEMessage
    {
        let subject = clean("\(report.project.name) alert: \(report.headline)")
        let shortened = subject.count > 130 ? String(subject.prefix(129)) + "…" : subject
        var html = "<!DOCTYPE html><html><body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#1a1a1a\">"
        html += "<p><strong>\(HTMLEscaping.text(clean(report.headline)))</strong></p>"
        for finding in report.findings where finding.status != "ongoing" {
            html += "<p>\(HTMLEscaping.text(clean(finding.text)))<br><span style=\"color:#555\">\(HTMLEscaping.text(evidence(finding)))</span>"
            if let filter = finding.recordingFilter { html += "<br>\(HTMLEscaping.text(clean(filter)))" }
            if let url = finding.weeklyPageURL { html += "<br><a href=\"\(HTMLEscaping.attribute(url))\">Weekly page</a>" }
            html += "</p>"
        }
        for missing in report.missing { html += "<p style=\"color:#555\">Missing: \(HTMLEscaping.text(missing.text))</p>" }
        html += "</body></html>\n"
        return try MIMEMessage(
            from: from, to: to, bcc: bcc, subject: shortened,
            identity: MessageIdentity(seed: "alert|\(report.project.name)|\(report.day.iso)", date: date),
            plainText: text(report), html: html, images: [])
    }

    static func plain(_ text: String) -> [String: Any] { ["type": "plain_text", "text": text, "emoji": false] }

    /// Slack's three control characters in message text, as its formatting guide asks.
    static func slackEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Site text on one line, without invisible characters.
    static func clean(_ text: String) -> String { MarkdownEscaping.visibleText(text) }

    static func json(_ object: [String: Any]) throws -> [UInt8] {
        Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) + [0x0A]
    }
}
