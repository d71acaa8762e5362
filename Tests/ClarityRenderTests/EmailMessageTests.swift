import ClarityModel
import ClarityRender
import Foundation
import Testing

@Suite struct EmailMessageTests {
    static let date = Instant(iso: "2026-11-23T07:00:00Z")!
    static let identity = MessageIdentity(seed: "example.com 2026-W47", date: date)
    static let subject = "Wöchentlicher Bericht — example.com, Woche 47 · 12 % mehr Sitzungen 📈 und weniger Frust 👨‍👩‍👧"
    static let plainText = "Sessions  ▁▂▄▆█▇▅·\nWeek 47: 1 204 sessions (+12 %).\n.\nFrom the team\n"

    static let images: [InlineImage] = {
        let rasterizer = PNGRasterizer()
        return try! ["sessions", "devices"].map { name in
            let svg = """
                <svg xmlns="http://www.w3.org/2000/svg" width="300" height="120">\
                <rect width="150" height="60" fill="#2563EB"/><text x="10" y="100">\(name)</text></svg>
                """
            return try InlineImage(name: name, png: rasterizer.png(fromSVG: svg))
        }
    }()

    static func html(identity: MessageIdentity = identity) -> String {
        """
        <!DOCTYPE html>
        <html><body style="margin:0">
        <p style="font-family:Arial">Woche 47 — <b>1 204</b> Sitzungen, café &amp; crème. \(String(repeating: "Lang ", count: 60))</p>
        <img src="cid:\(identity.contentID(forImageNamed: "sessions"))" width="300" height="120" alt="Sessions">
        <img src='cid:\(identity.contentID(forImageNamed: "devices"))' width="300" height="120" alt="Devices">
        <p>The acid: test of visible text is not a reference.</p>
        </body></html>
        """
    }

    static func message(
        subject: String = subject, to: [EmailAddress]? = nil, identity: MessageIdentity = identity,
        html: String? = nil, images: [InlineImage] = images
    ) throws -> MIMEMessage {
        try MIMEMessage(
            from: EmailAddress("reports@example.com", displayName: "Clarity Report"),
            to: to ?? [
                EmailAddress("zoe@example.com", displayName: "Zoë Müller-Lüdenscheidt, Produktteam Nordrhein-Westfalen"),
                EmailAddress("ops@example.org"),
                EmailAddress(parsing: "\"Doe, Jane\" <jane@example.net>"),
            ],
            subject: subject, identity: identity, plainText: plainText, html: html ?? Self.html(identity: identity), images: images
        )
    }

    @Test func aRealMIMEParserReadsTheStructureHeadersAndParts() throws {
        let message = try Self.message()
        let parsed = try ParsedEmail.parse(message.encoded())
        #expect(parsed.defects == [])
        #expect(
            parsed.structure == [
                "multipart/alternative", "  text/plain", "  multipart/related", "    text/html", "    image/png", "    image/png",
            ])
        #expect(parsed.subject == Self.subject)
        #expect(parsed.from == [.init(name: "Clarity Report", address: "reports@example.com")])
        #expect(
            parsed.to == [
                .init(name: "Zoë Müller-Lüdenscheidt, Produktteam Nordrhein-Westfalen", address: "zoe@example.com"),
                .init(name: "", address: "ops@example.org"),
                .init(name: "Doe, Jane", address: "jane@example.net"),
            ])
        #expect(parsed.date == "2026-11-23T07:00:00+00:00")
        #expect(parsed.messageID == "<report.\(Self.identity.token)@example.com>")

        let text = try #require(parsed.parts.first { $0.contentType == "text/plain" })
        #expect(text.charset == "utf-8")
        #expect(text.transferEncoding == "quoted-printable")
        #expect(text.text.map(normalisingLineEndings) == Self.plainText)

        let html = try #require(parsed.parts.first { $0.contentType == "text/html" })
        #expect(html.charset == "utf-8")
        #expect(html.text.map(normalisingLineEndings) == Self.html())
        #expect(html.decodedSize == Self.html().replacingOccurrences(of: "\n", with: "\r\n").utf8.count)
    }

    @Test func everyReferencedImageHasItsPartAndEveryImageIsShown() throws {
        let parsed = try ParsedEmail.parse(try Self.message().encoded())
        let images = parsed.parts.filter { $0.contentType == "image/png" }
        let carried = images.compactMap(\.contentID).map { String($0.dropFirst().dropLast()) }
        #expect(Set(carried) == Set(parsed.htmlContentIDs))
        #expect(carried == ["chart-sessions.\(Self.identity.token)@clarity-report", "chart-devices.\(Self.identity.token)@clarity-report"])
        for (image, name) in zip(images, ["sessions", "devices"]) {
            #expect(image.transferEncoding == "base64")
            #expect(image.disposition == "inline")
            #expect(image.filename == "\(name).png")
            #expect(image.pngSize == [600, 240], "the PNG's chunks, CRCs and pixel rows decode")
            #expect(image.decodedSize == Self.images.first { $0.name == name }?.png.count)
        }
    }

    @Test func staysWithinTheLineLimitsInSevenBitASCIIWithCRLF() throws {
        let message = try Self.message(html: Self.html() + String(repeating: "x", count: 5_000))
        let encoded = message.encoded()
        let parsed = try ParsedEmail.parse(encoded)
        #expect(parsed.longestLineOctets <= 78)
        #expect(parsed.longestHeaderLineOctets <= 78)
        #expect(!parsed.hasBareLineFeedOrCarriageReturn)
        #expect(!parsed.hasNonASCII)
        let encodedWords = encoded.split(separator: "\r\n\r\n")[0].split(whereSeparator: { $0 == " " || $0 == "\r\n" })
            .filter { $0.hasPrefix("=?") }
        #expect(encodedWords.count > 3)
        #expect(encodedWords.allSatisfy { $0.hasPrefix("=?UTF-8?B?") && $0.utf8.count <= 75 })
        #expect(!encoded.split(separator: "\r\n").contains(".") && !encoded.contains("\r\nFrom "))
    }

    @Test func splitsALongEncodedDisplayNameBetweenWords() throws {
        let name = "Ζωή Παπαδοπούλου-Καραμανλή, Ομάδα Προϊόντων Θεσσαλονίκης"
        let encoded = try Self.message(to: [EmailAddress("zoe@example.gr", displayName: name)]).encoded()
        let header = try #require(encoded.components(separatedBy: "\r\n\r\n").first)
        let toLines = header.components(separatedBy: "\r\n").drop { !$0.hasPrefix("To:") }.prefix { $0.hasPrefix("To:") || $0.hasPrefix(" ") }
        let words = toLines.flatMap { $0.split(separator: " ") }.filter { $0.hasPrefix("=?UTF-8?B?") }
        #expect(words.count > 1)
        let decoded = words.map { word in
            String(decoding: Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))!, as: UTF8.self)
        }
        #expect(decoded.joined() == name, "RFC 2047 decoders join adjacent encoded-words without the space between them")
        #expect(decoded.dropLast().allSatisfy { $0.hasSuffix(" ") }, "each break falls after a space, never inside a word")
        let parsed = try ParsedEmail.parse(encoded)
        #expect(parsed.to.first?.name.split(separator: " ") == name.split(separator: " "))
        #expect(parsed.longestHeaderLineOctets <= 78)
    }

    @Test func theSameInputsGiveTheSameBytesAndAnotherDateGivesNewIdentifiers() throws {
        #expect(try Self.message().encoded() == Self.message().encoded())
        let later = MessageIdentity(seed: "example.com 2026-W47", date: Instant(seconds: Self.date.seconds + 60))
        #expect(later.token != Self.identity.token)
        #expect(later.contentID(forImageNamed: "sessions") != Self.identity.contentID(forImageNamed: "sessions"))
        let otherSite = MessageIdentity(seed: "example.org 2026-W47", date: Self.date)
        #expect(otherSite.token != Self.identity.token)
        #expect(Self.identity.token.count == 16 && Self.identity.token.allSatisfy(\.isHexDigit))
    }

    @Test func writesTheDateAsRFC5322() throws {
        let encoded = try Self.message().encoded()
        #expect(encoded.contains("\r\nDate: Mon, 23 Nov 2026 07:00:00 +0000\r\n"))
        let december = MessageIdentity(seed: "x", date: Instant(iso: "2026-12-01T18:05:09Z")!)
        let other = try Self.message(identity: december).encoded()
        #expect(other.contains("\r\nDate: Tue, 1 Dec 2026 18:05:09 +0000\r\n"))
        #expect(try ParsedEmail.parse(other).date == "2026-12-01T18:05:09+00:00")
    }

    @Test(arguments: [
        "Weekly report",
        "Weekly report for example.com, week 47 of 2026: sessions up 12 %, rage clicks down, scroll depth flat",
        "A subject with =?UTF-8?B?Zm9v?= that must stay literal",
        String(repeating: "x", count: 90),
        "",
        "Ünïcödé",
        String(repeating: "🙂", count: 40),
    ])
    func subjectsRoundTripThroughARealParser(subject: String) throws {
        let encoded = try Self.message(subject: subject).encoded()
        let parsed = try ParsedEmail.parse(encoded)
        #expect(parsed.subject == subject)
        #expect(parsed.longestHeaderLineOctets <= 78)
        #expect(parsed.defects == [])
    }

    @Test func shortASCIISubjectsStayReadable() throws {
        #expect(try Self.message(subject: "Weekly report").encoded().contains("\r\nSubject: Weekly report\r\n"))
        let long = "Weekly report for example.com, week 47 of 2026: sessions up 12 %, rage clicks down"
        #expect(
            try Self.message(subject: long).encoded().contains(
                "\r\nSubject: Weekly report for example.com, week 47 of 2026: sessions up 12 %,\r\n rage"))
    }

    @Test func boundaryTextInsideABodyCannotSplitTheMessage() throws {
        let token = Self.identity.token
        let hostile = Self.html() + "\n--=_alternative.\(token)\n--=_related.\(token)--\n"
        let parsed = try ParsedEmail.parse(try Self.message(html: hostile).encoded())
        #expect(parsed.structure.count == 6)
        #expect(parsed.parts.first { $0.contentType == "text/html" }?.text.map(normalisingLineEndings) == hostile)
    }

    @Test func anAttachmentMakesTheMessageMixedAndArrivesByteForByte() throws {
        // Every byte value, so base64 and its line breaks are exercised; a real parser decodes it.
        let pdf = Array("%PDF-1.7\n".utf8) + (0..<4_000).map { UInt8($0 % 256) }
        let attachment = try Attachment(fileName: "monthly-2026-10.pdf", contentType: "application/pdf", bytes: pdf)
        let message = try MIMEMessage(
            from: EmailAddress("reports@example.com"), to: [EmailAddress("ceo@example.com")], subject: "Monthly",
            identity: Self.identity, plainText: Self.plainText, html: "<p>Summary</p>", images: [], attachments: [attachment])
        let encoded = message.encoded()
        let parsed = try ParsedEmail.parse(encoded)
        #expect(parsed.defects == [])
        #expect(parsed.structure == ["multipart/mixed", "  multipart/alternative", "    text/plain", "    text/html", "  application/pdf"])
        let part = try #require(parsed.parts.first { $0.contentType == "application/pdf" })
        #expect(part.filename == "monthly-2026-10.pdf")
        #expect(part.disposition == "attachment")
        #expect(part.decodedSize == pdf.count)
        #expect(parsed.longestLineOctets <= 78 && !parsed.hasBareLineFeedOrCarriageReturn && !parsed.hasNonASCII)
        #expect(encoded.contains(Data(pdf).base64EncodedString().prefix(76)))
    }

    @Test func refusesAnAttachmentNameThatCouldBreakItsHeader() {
        for name in ["", ".hidden", "report\".pdf", "a\r\nBcc: x@example.com", "ü.pdf", String(repeating: "a", count: 81)] {
            #expect(throws: EmailError.invalidAttachmentName(name)) {
                try Attachment(fileName: name, contentType: "application/pdf", bytes: [])
            }
        }
    }

    @Test func withoutImagesTheHTMLIsADirectAlternative() throws {
        let parsed = try ParsedEmail.parse(try Self.message(html: "<p>No charts this week.</p>", images: []).encoded())
        #expect(parsed.structure == ["multipart/alternative", "  text/plain", "  text/html"])
    }

    @Test func refusesLineBreaksInEveryHeaderValue() throws {
        #expect(throws: EmailError.lineBreakInHeader(field: "Subject")) {
            try Self.message(subject: "Weekly report\r\nBcc: victim@example.com")
        }
        #expect(throws: EmailError.lineBreakInHeader(field: "Subject")) { try Self.message(subject: "Weekly\nreport") }
        #expect(throws: EmailError.lineBreakInHeader(field: "Subject")) { try Self.message(subject: "Weekly\u{2028}report") }
        #expect(throws: EmailError.lineBreakInHeader(field: "display name of 'a@example.com'")) {
            try EmailAddress("a@example.com", displayName: "Ann\rBcc: b@example.com")
        }
        #expect(throws: EmailError.lineBreakInHeader(field: "address 'a@example.com\nBcc: b@example.com'")) {
            try EmailAddress("a@example.com\nBcc: b@example.com")
        }
        #expect(throws: EmailError.lineBreakInHeader(field: "address 'Ann <a@example.com>\r\n'")) {
            try EmailAddress(parsing: "Ann <a@example.com>\r\n")
        }
        #expect(throws: EmailError.controlCharacterInHeader(field: "Subject")) { try Self.message(subject: "Weekly\treport") }
        #expect(throws: EmailError.controlCharacterInHeader(field: "Subject")) { try Self.message(subject: "Weekly\u{0}") }
        #expect("\(EmailError.lineBreakInHeader(field: "Subject"))".contains("could inject headers"))
    }

    @Test func refusesAReferenceWithoutItsImage() throws {
        let stray = Self.identity.contentID(forImageNamed: "frustration")
        #expect(throws: EmailError.missingImage(contentID: stray)) {
            try Self.message(html: Self.html() + "<img src=\"cid:\(stray)\">")
        }
        #expect(throws: EmailError.missingImage(contentID: "logo@example.com")) {
            try Self.message(html: Self.html() + "<div style=\"background:url(cid:logo@example.com)\"></div>")
        }
    }

    @Test func refusesAnImageTheHTMLNeverShows() throws {
        let withoutDevices = Self.html().replacingOccurrences(of: "cid:\(Self.identity.contentID(forImageNamed: "devices"))", with: "devices.png")
        #expect(throws: EmailError.unreferencedImage(name: "devices", contentID: Self.identity.contentID(forImageNamed: "devices"))) {
            try Self.message(html: withoutDevices)
        }
    }

    @Test func refusesAMessageWithoutRecipients() {
        #expect(throws: EmailError.noRecipients) { try Self.message(to: []) }
    }

    @Test func refusesBadImages() throws {
        let png = Self.images[0].png
        #expect(throws: EmailError.invalidImageName("Sessions")) { try InlineImage(name: "Sessions", png: png) }
        #expect(throws: EmailError.invalidImageName("a b")) { try InlineImage(name: "a b", png: png) }
        #expect(throws: EmailError.invalidImageName("")) { try InlineImage(name: "", png: png) }
        #expect(throws: EmailError.notPNG(imageName: "chart")) { try InlineImage(name: "chart", png: Array("<svg/>".utf8)) }
        let duplicate = try InlineImage(name: "sessions", png: png)
        #expect(throws: EmailError.duplicateImageName("sessions")) { try Self.message(images: Self.images + [duplicate]) }
        #expect(Self.images[0].pixelWidth == 600 && Self.images[0].pixelHeight == 240)
    }

    @Test func knowsWhenGmailWouldClipTheHTML() throws {
        #expect(try !Self.message().isClippedByGmail)
        let long = Self.html() + String(repeating: "<p>row</p>\n", count: 10_000)
        #expect(try Self.message(html: long).isClippedByGmail)
    }

    private func normalisingLineEndings(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
    }
}
