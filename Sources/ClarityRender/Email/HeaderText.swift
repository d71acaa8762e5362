import ClarityModel
import Foundation

/// Header lines per RFC 5322 and RFC 2047: folding at 78 characters, UTF-8 encoded-words, address lists and dates.
enum HeaderText {
    /// RFC 5322's recommended line length, which folded header lines keep to.
    static let lineLength = 78
    /// RFC 2047's limit for one encoded-word.
    static let encodedWordLength = 75

    /// Refuses line breaks (which would inject headers) and other control characters in a header value.
    static func refuseControls(in value: String, field: String) throws(EmailError) {
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: throw .lineBreakInHeader(field: field)
            default: if UntrustedText.isControl(scalar) { throw .controlCharacterInHeader(field: field) }
            }
        }
    }

    /// An unstructured header such as Subject: plain when it is printable ASCII that folds within 78 characters,
    /// otherwise UTF-8 encoded-words.
    static func unstructured(_ name: String, _ value: String) -> String {
        let words = plainWords(value)
        let firstFits = (words.first?.utf8.count ?? 0) + name.utf8.count + 2 <= lineLength
        let restFit = words.dropFirst().allSatisfy { $0.utf8.count <= lineLength }
        let isPlain = value.unicodeScalars.allSatisfy { (0x20..<0x7F).contains($0.value) } && !value.contains("=?")
        guard isPlain, firstFits, restFit else {
            return fold(name, encodedWords(value, firstRoom: lineLength - name.utf8.count - 2))
        }
        return fold(name, words.enumerated().map { $0.offset == 0 ? " " + $0.element : $0.element })
    }

    /// An address list such as To, with each display name as plain words, a quoted string or encoded-words.
    static func addresses(_ name: String, _ mailboxes: [EmailAddress]) -> String {
        var pieces: [String] = []
        for (index, mailbox) in mailboxes.enumerated() {
            let room = pieces.isEmpty ? lineLength - name.utf8.count - 2 : encodedWordLength
            var mailboxPieces: [String]
            if let displayName = mailbox.displayName {
                mailboxPieces = phrase(displayName, firstRoom: room).map { " " + $0 } + [" <\(mailbox.address)>"]
            } else {
                mailboxPieces = [" " + mailbox.address]
            }
            if index < mailboxes.count - 1 {
                mailboxPieces[mailboxPieces.count - 1] += ","
            }
            pieces += mailboxPieces
        }
        return fold(name, pieces)
    }

    /// `Mon, 23 Nov 2026 07:00:00 +0000`.
    static func date(_ instant: Instant) -> String {
        let day = instant.day
        let (year, month, dayOfMonth) = day.components
        let second = Int(instant.seconds - day.startSecond)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(day.weekdayName), \(dayOfMonth) \(Day.monthNames[month - 1].prefix(3)) \(year) "
            + "\(two(second / 3600)):\(two(second % 3600 / 60)):\(two(second % 60)) +0000"
    }

    /// Joins pieces (each after the first starting with a space) into a header, starting a new line before a piece
    /// that would pass 78 characters.
    static func fold(_ name: String, _ pieces: [String]) -> String {
        var lines: [String] = []
        var line = name + ":"
        for piece in pieces {
            if line.utf8.count + piece.utf8.count > lineLength, line.utf8.count > name.utf8.count + 1 {
                lines.append(line)
                line = piece
            } else {
                line += piece
            }
        }
        lines.append(line)
        return lines.joined(separator: "\r\n")
    }

    /// Splits printable ASCII into pieces at spaces, each piece after the first keeping the spaces before it, so
    /// that unfolding restores the text exactly.
    private static func plainWords(_ value: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in value {
            if character == " ", let last = current.last, last != " " {
                words.append(current)
                current = ""
            }
            current.append(character)
        }
        if current.allSatisfy({ $0 == " " }), !words.isEmpty {
            words[words.count - 1] += current
        } else {
            words.append(current)
        }
        return words
    }

    /// A display name as phrase tokens: plain atoms, one quoted string, or atoms mixed with encoded-words.
    ///
    /// Mixing keeps each run of words that need encoding in as few encoded-words as possible, split between words:
    /// RFC 2047 decoders drop the space between two encoded-words, but some (Python's `email` among them) keep it
    /// inside display names, so a split mid-word would show as a stray space there.
    private static func phrase(_ name: String, firstRoom: Int) -> [String] {
        let words = name.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        func isAtom(_ word: String) -> Bool {
            !word.isEmpty && word.utf8.count < lineLength - 1 && !word.contains("=?")
                && word.unicodeScalars.allSatisfy {
                    ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                        || EmailAddress.atomSymbols.contains($0)
                }
        }
        if words.allSatisfy(isAtom) { return words }
        let quoted = "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        if name.unicodeScalars.allSatisfy({ (0x20..<0x7F).contains($0.value) }), !name.contains("=?"), quoted.utf8.count < firstRoom {
            return [quoted]
        }
        var tokens: [String] = []
        var run: [String] = []
        func flushRun() {
            guard !run.isEmpty else { return }
            let room = tokens.isEmpty ? firstRoom : encodedWordLength
            tokens += encodedWords(run.joined(separator: " "), firstRoom: room).map { String($0.dropFirst()) }
            run = []
        }
        for word in words {
            if isAtom(word) {
                flushRun()
                tokens.append(word)
            } else {
                run.append(word)
            }
        }
        flushRun()
        return tokens
    }

    /// RFC 2047 `=?UTF-8?B?…?=` words, each at most 75 characters (the first at most `firstRoom`), each returned with
    /// a leading space. Words break after a space where they can, otherwise between characters, and always between
    /// Unicode scalars, so every encoded-word holds valid UTF-8.
    static func encodedWords(_ text: String, firstRoom: Int) -> [String] {
        func capacity(_ room: Int) -> Int { (min(room, encodedWordLength) - 12) / 4 * 3 }
        var chunks: [[UInt8]] = []
        var chunk: [UInt8] = []
        func room() -> Int { capacity(chunks.isEmpty ? firstRoom : encodedWordLength) }
        func add(_ piece: Substring, smaller: (Substring) -> [Substring]) {
            let bytes = Array(piece.utf8)
            if chunk.count + bytes.count <= room() {
                chunk += bytes
            } else if !chunk.isEmpty, bytes.count <= capacity(encodedWordLength) {
                chunks.append(chunk)
                chunk = bytes
            } else {
                for part in smaller(piece) { add(part, smaller: Self.scalars) }
            }
        }
        for word in Self.wordsKeepingSpaces(text) {
            add(word, smaller: Self.characters)
        }
        chunks.append(chunk)
        return chunks.map { " =?UTF-8?B?\(Data($0).base64EncodedString())?=" }
    }

    /// `"a b  c"` as `["a ", "b ", " ", "c"]`.
    private static func wordsKeepingSpaces(_ text: String) -> [Substring] {
        var words: [Substring] = []
        var start = text.startIndex
        for index in text.indices where text[index] == " " {
            words.append(text[start...index])
            start = text.index(after: index)
        }
        if start < text.endIndex { words.append(text[start...]) }
        return words
    }

    private static func characters(_ text: Substring) -> [Substring] {
        text.indices.map { text[$0...$0] }
    }

    private static func scalars(_ text: Substring) -> [Substring] {
        text.unicodeScalars.indices.map { Substring(text.unicodeScalars[$0...$0]) }
    }
}
