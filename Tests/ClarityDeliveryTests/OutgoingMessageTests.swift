import ClarityDelivery
import Testing

@Suite("A message file's envelope")
struct OutgoingMessageTests {
    static func message(_ text: String) throws -> OutgoingMessage {
        try OutgoingMessage(eml: Array(text.utf8), origin: "weekly.eml")
    }

    @Test("recipients are To, Cc and Bcc, each once; Bcc and its folded lines are not transmitted, every other byte is")
    func bccRemoved() throws {
        let text =
            "From: \"Reports, UX\" <ux@shop.example>\r\nTo: a@shop.example,\r\n =?UTF-8?B?Wm/Dqw==?= <zoe@shop.example>\r\n"
            + "Cc: Team: b@shop.example, A@shop.example;\r\nBcc: boss@shop.example,\r\n\taudit@shop.example\r\nSubject: Week\r\n\r\nBody\r\n.dot\r\n"
        let message = try Self.message(text)
        #expect(message.sender.address == "ux@shop.example")
        #expect(
            message.recipients.map(\.address) == ["a@shop.example", "zoe@shop.example", "b@shop.example", "boss@shop.example", "audit@shop.example"])
        #expect(message.bcc.map(\.address) == ["boss@shop.example", "audit@shop.example"])
        let expected =
            "From: \"Reports, UX\" <ux@shop.example>\r\nTo: a@shop.example,\r\n =?UTF-8?B?Wm/Dqw==?= <zoe@shop.example>\r\n"
            + "Cc: Team: b@shop.example, A@shop.example;\r\nSubject: Week\r\n\r\nBody\r\n.dot\r\n"
        #expect(String(decoding: message.transmitted, as: UTF8.self) == expected)
    }

    @Test("a file with LF line endings only is sent with CRLF")
    func lfOnly() throws {
        let message = try Self.message("From: ux@shop.example\nTo: a@shop.example\n\nHello\n")
        #expect(String(decoding: message.transmitted, as: UTF8.self) == "From: ux@shop.example\r\nTo: a@shop.example\r\n\r\nHello\r\n")
    }

    @Test(
        "a lone CR or LF, which could smuggle a recipient or an SMTP command, is refused and the line named",
        arguments: [
            "From: ux@shop.example\r\nTo: a@shop.example\rRCPT TO:<evil@attacker.example>\r\n\r\nHi\r\n",
            "From: ux@shop.example\r\nTo: a@shop.example\nBcc: evil@attacker.example\r\n\r\nHi\r\n",
        ])
    func loneLineBreak(text: String) throws {
        let error = #expect(throws: MessageError.self) { try Self.message(text) }
        #expect(error?.description.hasPrefix("weekly.eml: line 2 holds a lone") == true)
    }

    @Test(
        "a message without sender, recipient or header end is refused with what to add",
        arguments: [
            ("To: a@shop.example\r\n\r\nHi", "no From header"),
            ("From: ux@shop.example\r\nSubject: x\r\n\r\nHi", "no recipient in To, Cc or Bcc"),
            ("From: ux@shop.example\r\nTo: a@shop.example", "no empty line ends the headers"),
            ("From: ux@shop.example\r\nTo: a@@shop.example\r\n\r\nHi", "the To header on line 2"),
            ("From: ux@shop.example\r\nthis is not a header\r\n\r\nHi", "line 2 is not a header field"),
        ])
    func refused(text: String, expected: String) throws {
        let error = #expect(throws: MessageError.self) { try Self.message(text) }
        #expect(error?.message.contains(expected) == true, "\(String(describing: error))")
    }
}
