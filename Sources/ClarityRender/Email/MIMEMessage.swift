import Foundation

/// An RFC 5322 email carrying a report as plain text and as HTML with inline PNG charts, ready for `sendmail -t`.
///
/// The body is `multipart/alternative` of a `text/plain` part and a `multipart/related` holding the `text/html`
/// part and one `image/png` part per chart, because email clients show neither inline SVG nor `data:` images. The
/// initialiser refuses header values with line breaks, bad addresses, and HTML whose `cid:` references do not match
/// the images one to one, so a built message is always sendable.
public struct MIMEMessage: Sendable, Equatable {
    public let from: EmailAddress
    public let to: [EmailAddress]
    /// Blind copies, written as a Bcc header for `sendmail -t` or `send` to read and remove before transmission.
    public let bcc: [EmailAddress]
    public let subject: String
    public let identity: MessageIdentity
    public let plainText: String
    public let html: String
    public let images: [InlineImage]
    /// Files attached below the message (the monthly summary's PDF); with any, the body is `multipart/mixed`.
    public let attachments: [Attachment]

    /// Gmail clips a message whose HTML passes about 102 KB and hides the rest behind a link.
    public static let gmailClippingLimit = 102_000

    public init(
        from: EmailAddress, to: [EmailAddress], bcc: [EmailAddress] = [], subject: String, identity: MessageIdentity,
        plainText: String, html: String, images: [InlineImage], attachments: [Attachment] = []
    ) throws(EmailError) {
        try HeaderText.refuseControls(in: subject, field: "Subject")
        guard !to.isEmpty else { throw .noRecipients }
        var names = Set<String>()
        for image in images where !names.insert(image.name).inserted {
            throw .duplicateImageName(image.name)
        }
        let referenced = Self.contentIDs(referencedIn: html)
        let carried = images.map { identity.contentID(forImageNamed: $0.name) }
        if let missing = referenced.first(where: { !carried.contains($0) }) {
            throw .missingImage(contentID: missing)
        }
        if let unshown = images.first(where: { !referenced.contains(identity.contentID(forImageNamed: $0.name)) }) {
            throw .unreferencedImage(name: unshown.name, contentID: identity.contentID(forImageNamed: unshown.name))
        }
        self.from = from
        self.to = to
        self.bcc = bcc
        self.subject = subject
        self.identity = identity
        self.plainText = plainText
        self.html = html
        self.images = images
        self.attachments = attachments
    }

    /// Whether Gmail would clip the HTML part as encoded in this message.
    public var isClippedByGmail: Bool { QuotedPrintable.encode(html).utf8.count > Self.gmailClippingLimit }

    /// The whole message: 7-bit ASCII, CRLF line endings, no line longer than 998 octets.
    public func encoded() -> String {
        let alternative = identity.alternativeBoundary
        let mixed = identity.mixedBoundary
        let headers =
            [
                HeaderText.addresses("From", [from]),
                HeaderText.addresses("To", to),
            ] + (bcc.isEmpty ? [] : [HeaderText.addresses("Bcc", bcc)]) + [
                HeaderText.unstructured("Subject", subject),
                "Date: " + HeaderText.date(identity.date),
                "Message-ID: " + identity.messageID(domain: from.domain),
                "MIME-Version: 1.0",
            ]
        let textPart = Self.part(
            headers: ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable"],
            body: QuotedPrintable.encode(plainText)
        )
        let alternativeType = "Content-Type: multipart/alternative;\r\n boundary=\"\(alternative)\""
        let alternativeBody = Self.multipart(boundary: alternative, parts: [textPart, htmlWithImages()])
        guard !attachments.isEmpty else {
            return (headers + [alternativeType]).joined(separator: "\r\n") + "\r\n\r\n" + alternativeBody
        }
        let files = attachments.map { file in
            Self.part(
                headers: [
                    "Content-Type: \(file.contentType); name=\"\(file.fileName)\"",
                    "Content-Transfer-Encoding: base64",
                    "Content-Disposition: attachment; filename=\"\(file.fileName)\"",
                ],
                body: Self.base64(file.bytes)
            )
        }
        return (headers + ["Content-Type: multipart/mixed;\r\n boundary=\"\(mixed)\""]).joined(separator: "\r\n") + "\r\n\r\n"
            + Self.multipart(boundary: mixed, parts: [Self.part(headers: [alternativeType], body: alternativeBody)] + files)
    }

    /// Base64 in lines of 76 characters ending with CRLF.
    private static func base64(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
    }

    private func htmlWithImages() -> String {
        let htmlPart = Self.part(
            headers: ["Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: quoted-printable"],
            body: QuotedPrintable.encode(html)
        )
        guard !images.isEmpty else { return htmlPart }
        let imageParts = images.map { image in
            Self.part(
                headers: [
                    "Content-Type: image/png; name=\"\(image.fileName)\"",
                    "Content-Transfer-Encoding: base64",
                    "Content-ID: <\(identity.contentID(forImageNamed: image.name))>",
                    "Content-Disposition: inline; filename=\"\(image.fileName)\"",
                ],
                body: Self.base64(image.png)
            )
        }
        let related = identity.relatedBoundary
        return Self.part(
            headers: ["Content-Type: multipart/related; type=\"text/html\";\r\n boundary=\"\(related)\""],
            body: Self.multipart(boundary: related, parts: [htmlPart] + imageParts)
        )
    }

    private static func part(headers: [String], body: String) -> String {
        headers.joined(separator: "\r\n") + "\r\n\r\n" + body
    }

    private static func multipart(boundary: String, parts: [String]) -> String {
        parts.map { "--\(boundary)\r\n\($0)\r\n" }.joined() + "--\(boundary)--\r\n"
    }

    /// The Content-IDs the HTML shows, from `cid:` URLs that start an attribute value or a CSS `url(` inside a tag.
    ///
    /// Only tags count: escaped text never holds a raw `<`, so a page URL such as `/?ref=cid:x` in the report's text
    /// is not taken for an image reference (which would make the message refuse to build).
    static func contentIDs(referencedIn html: String) -> Set<String> {
        let bytes = Array(html.utf8)
        let scheme = Array("cid:".utf8)
        let terminators = Set("\"'()<> \t\r\n".utf8)
        var found = Set<String>()
        var insideTag = false
        var index = 0
        while index + scheme.count <= bytes.count {
            if bytes[index] == UInt8(ascii: "<") { insideTag = true }
            if bytes[index] == UInt8(ascii: ">") { insideTag = false }
            let matches = zip(bytes[index..<index + scheme.count], scheme).allSatisfy { $0 | 0x20 == $1 }
            if matches, insideTag, Self.opensImageReference(bytes, before: index) {
                let start = index + scheme.count
                let end = bytes[start...].firstIndex(where: terminators.contains) ?? bytes.count
                found.insert(String(decoding: bytes[start..<end], as: UTF8.self))
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    /// True when the text before `index` starts an image reference's value: `src=`, `background=` or CSS `url(`, with
    /// an optional quote; a `cid:` anywhere else (inside alt text or a page URL shown in the report) is not a reference.
    static func opensImageReference(_ bytes: [UInt8], before index: Int) -> Bool {
        var end = index
        if end > 0, bytes[end - 1] == UInt8(ascii: "\"") || bytes[end - 1] == UInt8(ascii: "'") { end -= 1 }
        for opener in ["src=", "background=", "url("] {
            let pattern = Array(opener.utf8)
            guard end >= pattern.count else { continue }
            let preceding = bytes[(end - pattern.count)..<end]
            if zip(preceding, pattern).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
                let before = end - pattern.count - 1
                // `src=` must be a whole attribute name, not the end of `data-src=`.
                if opener == "url(" || before < 0
                    || [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ";"), UInt8(ascii: "\"")]
                        .contains(bytes[before])
                {
                    return true
                }
            }
        }
        return false
    }
}
