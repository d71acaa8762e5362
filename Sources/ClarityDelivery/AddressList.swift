import ClarityRender

/// Reads the mailboxes of an address header (To, Cc, Bcc, From), as RFC 5322 writes them.
enum AddressList {
    /// The mailboxes of a header value: comma-separated, display names plain, quoted or encoded, groups opened up.
    static func parse(_ value: String, header: String, line: Int, fail: (String) -> MessageError) throws(MessageError) -> [EmailAddress] {
        var mailboxes: [EmailAddress] = []
        // Folding leaves tabs in a value; a display name reads them as spaces.
        for item in split(String(value.map { $0 == "\t" ? " " : $0 })) {
            var text = Substring(item)
            if let colon = unquotedColon(in: text) { text = text[text.index(after: colon)...] }
            text = text.drop { $0 == " " }
            while let last = text.last, last == " " || last == ";" { text = text.dropLast() }
            guard !text.isEmpty else { continue }
            do {
                mailboxes.append(try EmailAddress(parsing: String(text)))
            } catch {
                throw fail("the \(header) header on line \(line): \(error)")
            }
        }
        return mailboxes
    }

    /// The items between commas that are outside quotes, angle brackets and comments.
    private static func split(_ value: String) -> [String] {
        var items: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        var angle = false
        var comment = 0
        for character in value {
            if escaped {
                escaped = false
            } else if quoted {
                if character == "\\" { escaped = true } else if character == "\"" { quoted = false }
            } else if comment > 0 {
                if character == "(" { comment += 1 } else if character == ")" { comment -= 1 }
                continue
            } else {
                switch character {
                case "\"": quoted = true
                case "<": angle = true
                case ">": angle = false
                case "(":
                    comment = 1
                    continue
                case "," where !angle:
                    items.append(current)
                    current = ""
                    continue
                default: break
                }
            }
            current.append(character)
        }
        items.append(current)
        return items
    }

    /// The colon of a group (`Team: a@example.com, b@example.com;`), outside quotes and angle brackets.
    private static func unquotedColon(in text: Substring) -> String.Index? {
        var quoted = false
        for index in text.indices {
            switch text[index] {
            case "\"": quoted.toggle()
            case "<" where !quoted: return nil
            case ":" where !quoted: return index
            default: continue
            }
        }
        return nil
    }
}
