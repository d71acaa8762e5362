import Foundation

/// A strict tokenizer for the HTML clarity-report writes: it finds every tag, attribute, comment and entity the way an
/// HTML5 parser would start them, and reports anything our own output never contains as a problem.
///
/// It is stricter than a browser on purpose: a `<` that starts no tag, an `&` that starts no entity we write, a comment,
/// a CDATA section or a processing instruction are all problems, because escaped text never produces them.
struct MarkupScan {
    struct Element: Equatable {
        let name: String
        let attributes: [(name: String, value: String)]
        let isEnd: Bool
        /// Byte offset of the `<`.
        let offset: Int

        static func == (lhs: Element, rhs: Element) -> Bool {
            lhs.name == rhs.name && lhs.isEnd == rhs.isEnd && lhs.attributes.map(\.name) == rhs.attributes.map(\.name)
        }

        /// `<td align style>` or `</td>`: the element's shape without its values.
        var shape: String {
            isEnd ? "</\(name)>" : "<\(([name] + attributes.map(\.name)).joined(separator: " "))>"
        }
    }

    private(set) var elements: [Element] = []
    private(set) var problems: [String] = []
    /// The decoded text a reader sees, with a space where a tag was.
    private(set) var text = ""
    private(set) var doctypes = 0
    /// Our own research-log markers (`<!-- clarity-report:begin NAME -->`), in order; any other comment is a problem.
    private(set) var markers: [String] = []
    /// The content of each `<style>` element, which only our templates write; compared with the benign twin's.
    private(set) var styles: [String] = []

    /// Elements whose content an HTML parser reads as raw text, so their end tag is the only way out.
    private static let rawTextElements: Set<String> = [
        "script", "style", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    ]
    private static let namedEntities: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]

    init(_ html: String) {
        let bytes = Array(html.utf8)
        var index = 0
        var textStart = 0
        func flushText(upTo end: Int) {
            if end > textStart { appendText(bytes, textStart, end) }
        }
        while index < bytes.count {
            guard let next = Self.find(UInt8(ascii: "<"), in: bytes, from: index) else {
                index = bytes.count
                break
            }
            index = next
            flushText(upTo: index)
            let start = index
            if Self.hasPrefix(bytes, at: index, "<!--") {
                let end = Self.find(bytes, "-->", from: index + 4).map { $0 + 3 } ?? bytes.count
                let comment = String(decoding: bytes[start..<end], as: UTF8.self)
                if Self.isOurMarker(comment) {
                    markers.append(comment)
                } else {
                    problems.append("comment at byte \(start): \(Self.excerpt(bytes, start))")
                }
                index = end
            } else if Self.hasPrefix(bytes, at: index, "<![CDATA[") {
                problems.append("CDATA section at byte \(start): \(Self.excerpt(bytes, start))")
                index = Self.find(bytes, "]]>", from: index + 9).map { $0 + 3 } ?? bytes.count
            } else if Self.hasPrefixIgnoringCase(bytes, at: index, "<!doctype") {
                doctypes += 1
                if start != 0 { problems.append("DOCTYPE not at the start (byte \(start))") }
                index = Self.find(bytes, ">", from: index).map { $0 + 1 } ?? bytes.count
            } else if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "!") || bytes[index + 1] == UInt8(ascii: "?") {
                problems.append("bogus comment or processing instruction at byte \(start): \(Self.excerpt(bytes, start))")
                index = Self.find(bytes, ">", from: index).map { $0 + 1 } ?? bytes.count
            } else if Self.startsTag(bytes, at: index) {
                guard let (element, end) = Self.tag(bytes, at: index) else {
                    problems.append("unterminated tag at byte \(start): \(Self.excerpt(bytes, start))")
                    index = bytes.count
                    textStart = index
                    continue
                }
                elements.append(element)
                text += " "
                index = end
                if !element.isEnd, Self.rawTextElements.contains(element.name) {
                    let close = Self.find(bytes, "</\(element.name)", from: index) ?? bytes.count
                    if element.name == "style" {
                        styles.append(String(decoding: bytes[index..<close], as: UTF8.self))
                    } else {
                        problems.append("raw-text element <\(element.name)> at byte \(start)")
                    }
                    index = close
                }
            } else {
                problems.append("a '<' that starts no tag at byte \(start): \(Self.excerpt(bytes, start))")
                index += 1
                textStart = index
                continue
            }
            textStart = index
        }
        flushText(upTo: bytes.count)
    }

    private mutating func appendText(_ bytes: [UInt8], _ start: Int, _ end: Int) {
        let (decoded, problem) = Self.decodeEntities(bytes[start..<end])
        text += decoded
        if let problem { problems.append("\(problem) at byte \(start)") }
    }

    /// Decodes the entities our escapers write; any other `&` is reported.
    static func decodeEntities(_ slice: ArraySlice<UInt8>) -> (String, String?) {
        let raw = String(decoding: slice, as: UTF8.self)
        guard raw.contains("&") else { return (raw, nil) }
        var result = ""
        var problem: String?
        var rest = Substring(raw)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
                problem = problem ?? "a bare '&' (\(after.prefix(20)))"
                result += "&"
                rest = after
                continue
            }
            let name = String(after[..<semicolon])
            var decoded: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else if name.hasPrefix("#") {
                decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else {
                decoded = namedEntities[name]
            }
            if let decoded {
                result += decoded
                rest = after[after.index(after: semicolon)...]
            } else {
                problem = problem ?? "an entity we never write: &\(name);"
                result += "&"
                rest = after
            }
        }
        result += rest
        return (result, problem)
    }

    /// Parses a start or end tag with its attributes, as an HTML5 tokenizer does; returns it and the offset after `>`.
    private static func tag(_ bytes: [UInt8], at start: Int) -> (Element, Int)? {
        var index = start + 1
        let isEnd = bytes[index] == UInt8(ascii: "/")
        if isEnd { index += 1 }
        let nameStart = index
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "/"), bytes[index] != UInt8(ascii: ">") { index += 1 }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        var attributes: [(String, String)] = []
        while index < bytes.count {
            while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ">") {
                return (Element(name: name, attributes: attributes, isEnd: isEnd, offset: start), index + 1)
            }
            let attributeStart = index
            index += 1
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "/"), bytes[index] != UInt8(ascii: ">"),
                bytes[index] != UInt8(ascii: "=")
            { index += 1 }
            let attributeName = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            var value = ""
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                guard index < bytes.count else { return nil }
                let quote = bytes[index]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    guard let close = bytes[(index + 1)...].firstIndex(of: quote) else { return nil }
                    value = decodeEntities(bytes[(index + 1)..<close]).0
                    index = close + 1
                } else {
                    let valueStart = index
                    while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = decodeEntities(bytes[valueStart..<index]).0
                }
            }
            attributes.append((attributeName, value))
        }
        return nil
    }

    /// The next offset of a byte, found with `memchr`: the pages run to megabytes and tests run unoptimized.
    static func find(_ byte: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let found = memchr(buffer.baseAddress! + start, Int32(byte), buffer.count - start) else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(buffer.baseAddress!)
        }
    }

    /// `<` followed by a letter, or by `/` and a letter: where an HTML5 tokenizer starts a tag.
    static func startsTag(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index + 1 < bytes.count else { return false }
        if isLetter(bytes[index + 1]) { return true }
        return bytes[index + 1] == UInt8(ascii: "/") && index + 2 < bytes.count && isLetter(bytes[index + 2])
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    static func hasPrefix(_ bytes: [UInt8], at index: Int, _ prefix: String) -> Bool {
        let p = Array(prefix.utf8)
        return index + p.count <= bytes.count && Array(bytes[index..<index + p.count]) == p
    }

    static func hasPrefixIgnoringCase(_ bytes: [UInt8], at index: Int, _ prefix: String) -> Bool {
        let p = Array(prefix.lowercased().utf8)
        return index + p.count <= bytes.count && bytes[index..<index + p.count].map { isLetter($0) ? $0 | 0x20 : $0 } == p
    }

    static func find(_ bytes: [UInt8], _ needle: String, from start: Int) -> Int? {
        let n = Array(needle.utf8)
        var index = start
        while let candidate = find(n[0], in: bytes, from: index), candidate + n.count <= bytes.count {
            if Array(bytes[candidate..<candidate + n.count]) == n { return candidate }
            index = candidate + 1
        }
        return nil
    }

    /// True for exactly `<!-- clarity-report:begin NAME -->` or `<!-- clarity-report:end NAME -->`.
    static func isOurMarker(_ comment: String) -> Bool {
        for kind in ["begin", "end"] {
            let prefix = "<!-- clarity-report:\(kind) "
            guard comment.hasPrefix(prefix), comment.hasSuffix(" -->") else { continue }
            let name = comment.dropFirst(prefix.count).dropLast(4)
            return !name.isEmpty && name.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }
        return false
    }

    static func excerpt(_ bytes: [UInt8], _ start: Int) -> String {
        String(decoding: bytes[start..<min(bytes.count, start + 80)], as: UTF8.self)
    }
}
