import ClarityModel
import ClarityRender
import Testing

/// A report's text carries URLs from the tracked site; `cid:` in them must not count as an image reference.
@Suite struct EmailContentIDTextTests {
    let identity = MessageIdentity(seed: "shop.example 2026-W47", date: Instant(seconds: 1_795_417_200))

    func message(html: String) throws -> MIMEMessage {
        try MIMEMessage(
            from: try EmailAddress("reports@shop.example"), to: [try EmailAddress("team@shop.example")], subject: "Weekly report",
            identity: identity, plainText: "text", html: html, images: [])
    }

    @Test(arguments: [
        "<p>Top page: https://shop.example/?ref=cid:chart-sessions.0123456789abcdef@clarity-report</p>",
        "<td>Campaign = x=cid:a (cid:b) &quot;cid:c&#39;cid:d</td>",
        "cid:leading-text <p>'cid:after-a-quote</p>",
    ])
    func textIsNotAnImageReference(html: String) throws {
        #expect(throws: Never.self) { try message(html: html) }
    }

    @Test func anAttributeStillIs() {
        #expect(throws: EmailError.missingImage(contentID: "chart-x")) {
            try message(html: "<p>x=cid:y</p><img src=\"cid:chart-x\" alt=\"\">")
        }
    }
}
