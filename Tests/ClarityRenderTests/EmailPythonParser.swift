import ClarityProcess
import Foundation

/// Parses an encoded message with Python's standard `email` package, a real MIME parser independent of ours.
struct ParsedEmail: Decodable {
    struct Mailbox: Decodable, Equatable {
        let name: String
        let address: String
    }

    struct Part: Decodable {
        let contentType: String
        let charset: String?
        let transferEncoding: String?
        let contentID: String?
        let disposition: String?
        let filename: String?
        let decodedSize: Int
        let text: String?
        /// For PNG parts: the IHDR size when the signature, every chunk's CRC and the decompressed pixel rows check out.
        let pngSize: [Int]?
    }

    let subject: String
    let from: [Mailbox]
    let to: [Mailbox]
    let date: String
    let messageID: String
    let defects: [String]
    /// Content types of the tree, depth first, indented by two spaces per level.
    let structure: [String]
    let parts: [Part]
    let htmlContentIDs: [String]
    let longestLineOctets: Int
    let longestHeaderLineOctets: Int
    let hasBareLineFeedOrCarriageReturn: Bool
    let hasNonASCII: Bool

    static func parse(_ message: String) throws -> ParsedEmail {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("clarity-email-\(UUID().uuidString).eml")
        try Data(message.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try ExternalProgram.run(named: "python3", ["-c", script, file.path])
        guard run.succeeded else {
            throw PythonFailure(message: run.standardError)
        }
        return try JSONDecoder().decode(ParsedEmail.self, from: run.stdout)
    }

    struct PythonFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { "python3 could not parse the message:\n\(message)" }
    }

    private static let script = #"""
        import email, email.policy, json, re, struct, sys, zlib

        raw = open(sys.argv[1], "rb").read()
        message = email.message_from_bytes(raw, policy=email.policy.default)

        def png_size(data):
            if data[:8] != b"\x89PNG\r\n\x1a\n":
                return None
            offset, idat, header = 8, b"", None
            while offset < len(data):
                length, kind = struct.unpack(">I4s", data[offset:offset + 8])
                body = data[offset + 8:offset + 8 + length]
                crc, = struct.unpack(">I", data[offset + 8 + length:offset + 12 + length])
                if zlib.crc32(kind + body) != crc:
                    return None
                if kind == b"IHDR":
                    header = struct.unpack(">IIBBBBB", body)
                elif kind == b"IDAT":
                    idat += body
                offset += 12 + length
                if kind == b"IEND":
                    break
            width, height, depth, colour = header[0], header[1], header[2], header[3]
            channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
            if len(zlib.decompress(idat)) != height * (1 + width * channels * depth // 8):
                return None
            return [width, height]

        def mailboxes(name):
            return [{"name": a.display_name, "address": a.addr_spec} for a in message[name].addresses]

        structure, parts, defects, html_cids = [], [], [str(d) for d in message.defects], []
        def walk(part, depth):
            structure.append("  " * depth + part.get_content_type())
            defects.extend(str(d) for d in part.defects)
            if part.is_multipart():
                for child in part.iter_parts():
                    walk(child, depth + 1)
                return
            content = part.get_content()
            text = content if isinstance(content, str) else None
            payload = content.encode("utf-8") if text is not None else content
            if part.get_content_type() == "text/html":
                html_cids.extend(re.findall(r"""cid:([^"'\s>)]+)""", text))
            parts.append({
                "contentType": part.get_content_type(),
                "charset": part.get_content_charset(),
                "transferEncoding": part.get("Content-Transfer-Encoding"),
                "contentID": part.get("Content-ID"),
                "disposition": part.get_content_disposition(),
                "filename": part.get_filename(),
                "decodedSize": len(payload),
                "text": text,
                "pngSize": png_size(payload) if part.get_content_type() == "image/png" else None,
            })
        walk(message, 0)

        head = raw.split(b"\r\n\r\n", 1)[0]
        print(json.dumps({
            "subject": message["subject"],
            "from": mailboxes("from"),
            "to": mailboxes("to"),
            "date": message["date"].datetime.isoformat(),
            "messageID": message["message-id"],
            "defects": defects,
            "structure": structure,
            "parts": parts,
            "htmlContentIDs": html_cids,
            "longestLineOctets": max(len(line) for line in raw.split(b"\r\n")),
            "longestHeaderLineOctets": max(len(line) for line in head.split(b"\r\n")),
            "hasBareLineFeedOrCarriageReturn": re.search(rb"\r(?!\n)|(?<!\r)\n", raw) is not None,
            "hasNonASCII": any(byte > 127 for byte in raw),
        }))
        """#
}
