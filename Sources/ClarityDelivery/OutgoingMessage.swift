import ClarityRender

/// A message ready for SMTP: the envelope read from its headers, and the bytes to transmit with Bcc removed.
public struct OutgoingMessage: Sendable {
    /// The envelope sender (MAIL FROM): the Sender header's mailbox when there is one, else the From header's.
    public let sender: EmailAddress
    public let to: [EmailAddress]
    public let cc: [EmailAddress]
    /// Recipients that are in the envelope only; their header is not transmitted.
    public let bcc: [EmailAddress]
    /// The message as transmitted: CRLF line endings, every header but Bcc, the body unchanged.
    public let transmitted: [UInt8]

    /// Every envelope recipient (RCPT TO), To then Cc then Bcc, each address once.
    public var recipients: [EmailAddress] {
        var seen = Set<String>()
        return (to + cc + bcc).filter { seen.insert($0.address.lowercased()).inserted }
    }

    /// Reads a message file's headers; `origin` names the file in errors.
    ///
    /// A file with LF line endings only is read as if they were CRLF; a file that mixes them, or holds a CR or LF
    /// alone, is refused, because a lone line break inside a header is how headers and SMTP commands get injected.
    public init(eml bytes: [UInt8], origin: String) throws(MessageError) {
        func fail(_ message: String) -> MessageError { MessageError(origin: origin, message: message) }
        let lines = try Self.lines(bytes, fail: fail)
        guard let blank = lines.firstIndex(where: \.isEmpty) else {
            throw fail("no empty line ends the headers, so this is not an email message. Write it with `weekly --format eml`.")
        }
        let fields = try MessageHeader.fields(lines[..<blank], fail: fail)
        func addresses(_ name: String) throws(MessageError) -> [EmailAddress] {
            var found: [EmailAddress] = []
            for field in fields where field.name.lowercased() == name.lowercased() {
                found += try AddressList.parse(field.value, header: field.name, line: field.line, fail: fail)
            }
            return found
        }
        let from = try addresses("From")
        let sender = try addresses("Sender")
        guard let envelopeSender = sender.first ?? from.first else {
            throw fail("the message has no From header, so there is no sender to give the server. Add `From: name@example.com`.")
        }
        self.sender = envelopeSender
        to = try addresses("To")
        cc = try addresses("Cc")
        bcc = try addresses("Bcc")
        guard !(to.isEmpty && cc.isEmpty && bcc.isEmpty) else {
            throw fail("the message has no recipient in To, Cc or Bcc. Add at least one address.")
        }
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count + lines.count)
        let bccLines = Set(fields.filter { $0.name.lowercased() == "bcc" }.flatMap { $0.lineRange })
        for (index, line) in lines.enumerated() where !bccLines.contains(index) {
            if index > 0 { kept += [0x0D, 0x0A] }
            kept += line
        }
        transmitted = kept
    }

    /// The lines of the message without their CRLF (or, in an LF-only file, LF) endings.
    private static func lines(_ bytes: [UInt8], fail: (String) -> MessageError) throws(MessageError) -> [ArraySlice<UInt8>] {
        let usesCR = bytes.contains(0x0D)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if usesCR, byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                lines.append(bytes[start..<index])
                index += 2
                start = index
            } else if !usesCR, byte == 0x0A {
                lines.append(bytes[start..<index])
                index += 1
                start = index
            } else if byte == 0x0D || byte == 0x0A {
                throw fail(
                    "line \(lines.count + 1) holds a lone \(byte == 0x0D ? "CR" : "LF"), which is refused: inside a header it could "
                        + "inject headers or SMTP commands. Use CRLF (or LF only) line endings throughout and keep each header value on its line.")
            } else {
                index += 1
            }
        }
        lines.append(bytes[start..<bytes.count])
        return lines
    }
}
