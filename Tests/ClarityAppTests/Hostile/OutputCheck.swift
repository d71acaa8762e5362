import ClarityProcess
import ClarityTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The checks every output must pass with hostile text inside: nothing but our own markup, no link target, no header of
/// the attacker's, and every untrusted string still readable.
enum OutputCheck {
    /// Elements the weekly page's templates, cmark-gfm's tables and lists, and the SVG charts write.
    static let pageElements = Set<String>([
        "html", "head", "meta", "title", "body", "table", "thead", "tbody", "tr", "th", "td", "h1", "h2", "h3", "p", "span", "br",
        "ul", "ol", "li", "strong", "em", "code", "del", "a", "img", "style", "div", "section",
    ]).union(svgElements)
    static let pageAttributes = Set<String>([
        "lang", "charset", "name", "content", "style", "role", "width", "height", "cellpadding", "cellspacing", "border", "align",
        "class", "href", "src", "alt", "http-equiv",
    ]).union(svgAttributes)
    static let svgElements: Set<String> = ["svg", "title", "desc", "rect", "line", "path", "circle", "text"]
    static let svgAttributes: Set<String> = [
        "xmlns", "viewbox", "width", "height", "role", "aria-labelledby", "font-family", "id", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy",
        "r", "d", "fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-linecap", "stroke-linejoin", "shape-rendering",
        "font-size", "text-anchor", "paint-order",
    ]
    /// What the Markdown templates' own syntax renders to.
    static let markdownElements: Set<String> = [
        "h1", "h2", "h3", "p", "strong", "em", "table", "thead", "tbody", "tr", "th", "td", "ul", "ol", "li", "code", "a", "img",
    ]
    static let markdownAttributes: Set<String> = ["align", "href", "src", "alt", "start"]

    /// Link targets our own templates write: the research log's chart files and entries, the email's "view in browser" page,
    /// and cid: images. Anything else in an href or src came from somewhere else.
    static func isOurLinkTarget(_ value: String) -> Bool {
        let ours = [
            #"^charts/\d{4}-W\d{2}-[a-z]+\.svg$"#, #"^\d{4}-W\d{2}\.md$"#, #"^https://reports\.shop\.example/weekly-\d{4}-W\d{2}\.html$"#,
            #"^cid:chart-[a-z]+\.[0-9a-f]{16}@clarity-report$"#,
        ]
        return ours.contains { value.range(of: $0, options: .regularExpression) != nil }
    }
    /// Headers our messages carry, top level and in parts.
    static let emailHeaders: Set<String> = [
        "from", "to", "subject", "date", "message-id", "mime-version", "content-type", "content-transfer-encoding", "content-id",
        "content-disposition",
    ]

    /// Every problem with `text`, an output rendered from the hostile store; `benign` is the same output rendered from a
    /// store with the same numbers and harmless names, whose structure the hostile one must match.
    static func problems(_ kind: ReportOutput.Kind, text: String, benign: String, shows: [String]) throws -> [String] {
        switch kind {
        case .html:
            return page(text, benign: benign, shows: shows)
        case .markdown:
            let rendered = try PermissiveMarkdown.html([text, benign])
            let scan = MarkupScan(rendered[0])
            let elements = withoutEmailAutolinks(scan.elements)
            var problems = scan.problems + vocabulary(elements.map { ($0.name, $0.attributes) }, markdownElements, markdownAttributes)
            let benignScan = MarkupScan(rendered[1])
            problems += sameStructure(elements.map(\.shape), withoutEmailAutolinks(benignScan.elements).map(\.shape))
            if scan.markers != benignScan.markers { problems.append("research-log markers differ from the benign twin's: \(scan.markers)") }
            problems += missing(shows, from: scan.text)
            return problems
        case .json:
            return json(text, benign: benign, shows: shows)
        case .svg:
            let svg = SVGInspection(text)
            var problems =
                svg.problems
                + vocabulary(
                    svg.elements.map { ($0.name.lowercased(), $0.attributes.map { ($0.key.lowercased(), $0.value) }) },
                    svgElements, svgAttributes)
            problems += missing(shows, from: svg.text)
            return problems
        case .email:
            return try email(text, benign: benign, shows: shows)
        }
    }

    /// The elements without the `mailto:` links GFM's autolink extension makes of e-mail addresses in text: no escape
    /// can prevent them (the extension reads the text after escapes are resolved), and they only open a mail composer.
    private static func withoutEmailAutolinks(_ elements: [MarkupScan.Element]) -> [MarkupScan.Element] {
        var kept: [MarkupScan.Element] = []
        var insideEmailLink = false
        for element in elements {
            if element.name == "a", !element.isEnd, element.attributes.count == 1, element.attributes[0].name == "href",
                element.attributes[0].value.hasPrefix("mailto:"), !element.attributes[0].value.dropFirst(7).contains(where: { ":/?&=".contains($0) })
            {
                insideEmailLink = true
                continue
            }
            if insideEmailLink, element.name == "a", element.isEnd {
                insideEmailLink = false
                continue
            }
            kept.append(element)
        }
        return kept
    }

    private static func page(_ html: String, benign: String, shows: [String]) -> [String] {
        let scan = MarkupScan(html)
        var problems = scan.problems
        if scan.doctypes != 1 { problems.append("\(scan.doctypes) DOCTYPEs") }
        problems += vocabulary(scan.elements.map { ($0.name, $0.attributes) }, pageElements, pageAttributes)
        let benignScan = MarkupScan(benign)
        problems += sameStructure(outsideSVG(scan.elements), outsideSVG(benignScan.elements))
        if scan.styles != benignScan.styles { problems.append("<style> content differs from the benign twin's") }
        if !scan.markers.isEmpty { problems.append("comment markers in a page: \(scan.markers)") }
        let bytes = Array(html.utf8)
        var openSVG: Int?
        for element in scan.elements where element.name == "svg" {
            if !element.isEnd {
                openSVG = element.offset
            } else if let start = openSVG {
                let fragment = String(decoding: bytes[start..<(element.offset + 6)], as: UTF8.self)
                let svg = SVGInspection(fragment)
                problems += svg.problems.map { "inline SVG at byte \(start): \($0)" }
                openSVG = nil
            }
        }
        problems += missing(shows, from: scan.text)
        return problems
    }

    /// Element shapes outside `<svg>`: the charts' text layout depends on label widths, the rest of the page must not.
    private static func outsideSVG(_ elements: [MarkupScan.Element]) -> [String] {
        var depth = 0
        var shapes: [String] = []
        for element in elements {
            if element.name == "svg" {
                depth += element.isEnd ? -1 : 1
                shapes.append(element.isEnd ? "</svg>" : "<svg>")
                continue
            }
            if depth == 0 { shapes.append(element.shape) }
        }
        return shapes
    }

    private static func vocabulary(
        _ elements: [(name: String, attributes: [(name: String, value: String)])], _ allowedElements: Set<String>,
        _ allowedAttributes: Set<String>
    ) -> [String] {
        var problems: [String] = []
        for element in elements {
            if !allowedElements.contains(element.name) { problems.append("element <\(element.name)> is not in our templates' vocabulary") }
            for attribute in element.attributes {
                if !allowedAttributes.contains(attribute.name) || attribute.name.hasPrefix("on") {
                    problems.append("attribute \(attribute.name)=\"\(attribute.value.prefix(60))\" on <\(element.name)> is not ours")
                }
                let value = attribute.value.lowercased().filter { !$0.isWhitespace }
                // alt is text a reader sees when images are blocked (it carries chart summaries with site text); it is never run.
                for bad in ["url(", "expression(", "javascript:", "@import", "behavior:", "-moz-binding"]
                where attribute.name != "alt" && value.contains(bad) {
                    problems.append("attribute \(attribute.name) on <\(element.name)> holds \(bad): \(attribute.value.prefix(80))")
                }
                if attribute.name == "href" || attribute.name == "src", !isOurLinkTarget(attribute.value) {
                    problems.append(
                        "link target \(attribute.name)=\"\(attribute.value.prefix(80))\" on <\(element.name)> is not one our templates write")
                }
                if element.name == "meta", attribute.name == "content", value.contains("url=") {
                    problems.append("a meta refresh: \(attribute.value.prefix(80))")
                }
            }
        }
        return problems
    }

    private static func sameStructure(_ hostile: [String], _ benign: [String]) -> [String] {
        guard hostile != benign else { return [] }
        let index = (0..<min(hostile.count, benign.count)).first { hostile[$0] != benign[$0] } ?? min(hostile.count, benign.count)
        let around = { (list: [String]) in list[max(0, index - 3)..<min(list.count, index + 4)].joined(separator: " ") }
        return [
            "structure differs from the benign twin at element \(index) (hostile \(hostile.count) elements, benign \(benign.count)): "
                + "hostile …\(around(hostile))… benign …\(around(benign))…"
        ]
    }

    /// Untrusted strings a reader cannot find in the output's visible text.
    static func missing(_ shows: [String], from visible: String) -> [String] {
        let haystack = ReaderText.key(visible)
        var problems: [String] = []
        for shown in shows {
            let needle = ReaderText.key(shown)
            guard !needle.isEmpty else { continue }
            if !ReaderText.contains(haystack, needle) {
                problems.append("the text \"\(shown.prefix(80).debugDescription)\" cannot be read in the output (dropped or mangled)")
            }
        }
        return problems
    }

    private static func json(_ text: String, benign: String, shows: [String]) -> [String] {
        guard let hostileValue = try? JSONSerialization.jsonObject(with: Data(text.utf8)),
            let benignValue = try? JSONSerialization.jsonObject(with: Data(benign.utf8))
        else {
            return ["not valid JSON"]
        }
        var problems = sameStructure(keyPaths(hostileValue, "$"), keyPaths(benignValue, "$"))
        var strings = Set<String>()
        collectStrings(hostileValue, into: &strings)
        for shown in shows where !strings.contains(shown) {
            problems.append("the string \(shown.prefix(80).debugDescription) is not kept exactly in the JSON")
        }
        return problems
    }

    private static func keyPaths(_ value: Any, _ path: String) -> [String] {
        if let object = value as? [String: Any] {
            return [path] + object.keys.sorted().flatMap { keyPaths(object[$0]!, path + "." + $0) }
        }
        if let array = value as? [Any] {
            return [path + "[\(array.count)]"] + array.flatMap { keyPaths($0, path + "[]") }
        }
        return [path]
    }

    private static func collectStrings(_ value: Any, into strings: inout Set<String>) {
        if let text = value as? String { strings.insert(text) }
        if let object = value as? [String: Any] { for member in object.values { collectStrings(member, into: &strings) } }
        if let array = value as? [Any] { for element in array { collectStrings(element, into: &strings) } }
    }

    private static func email(_ text: String, benign: String, shows: [String]) throws -> [String] {
        let message = try ParsedMessage.parse(text)
        let benignMessage = try ParsedMessage.parse(benign)
        var problems = message.defects.map { "MIME defect: \($0)" }
        for name in message.headerNames where !emailHeaders.contains(name.lowercased()) {
            problems.append("header \(name) is not one of ours")
        }
        if message.headerNames != benignMessage.headerNames {
            problems.append("headers \(message.headerNames) differ from the benign twin's \(benignMessage.headerNames)")
        }
        if message.parts.map(\.contentType) != benignMessage.parts.map(\.contentType) {
            problems.append("parts \(message.parts.map(\.contentType)) differ from the benign twin's \(benignMessage.parts.map(\.contentType))")
        }
        for (index, part) in message.parts.enumerated() {
            switch part.contentType {
            case "text/html":
                let benignHTML = benignMessage.parts.first { $0.contentType == "text/html" }?.text ?? ""
                problems += page(part.text ?? "", benign: benignHTML, shows: shows).map { "HTML part: \($0)" }
            case "text/plain":
                problems += missing(shows, from: part.text ?? "").map { "text part: \($0)" }
            default:
                if part.text != nil { problems.append("part \(index) (\(part.contentType)) is text we did not put there") }
            }
        }
        return problems
    }
}

/// The visible text as a reader compares it: whitespace and the characters escapers drop (controls, bidi controls,
/// zero-width characters) left out, so `a\u{202E}b  c` and `ab c` read the same.
enum ReaderText {
    static func key(_ text: String) -> [UInt8] {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace && !isInvisible(scalar) {
            result.append(scalar)
        }
        return Array(String(result).utf8)
    }

    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0x2060, 0xFEFF: true
        default: false
        }
    }

    /// Byte search with `memchr` and `memcmp`: the outputs run to megabytes and there are hundreds of names to find.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                var cursor = h.baseAddress!
                let end = h.baseAddress! + (h.count - n.count + 1)
                while cursor < end {
                    guard let found = memchr(cursor, Int32(n[0]), end - cursor) else { return false }
                    let candidate = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(candidate, n.baseAddress!, n.count) == 0 { return true }
                    cursor = candidate + 1
                }
                return false
            }
        }
    }
}

/// An email as Python's standard `email` package reads it: a MIME parser independent of ours.
struct ParsedMessage: Decodable {
    struct Part: Decodable {
        let contentType: String
        let text: String?
    }

    /// The header names of the message and of every part, in order.
    let headerNames: [String]
    let defects: [String]
    let parts: [Part]

    static func parse(_ message: String) throws -> ParsedMessage {
        let folder = try ScratchFolder("email")
        let file = folder.url.appendingPathComponent("message.eml")
        try Data(message.utf8).write(to: file)
        let data = try ExternalProgram.run(named: "python3", ["-c", script, file.path]).stdout
        return try JSONDecoder().decode(ParsedMessage.self, from: data)
    }

    private static let script = """
        import email, email.policy, json, sys
        message = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=email.policy.default)
        parts, defects, names = [], [str(d) for d in message.defects], []
        for part in message.walk():
            defects += [str(d) for d in part.defects]
            names += list(part.keys())
            if part.is_multipart():
                continue
            text = part.get_content() if part.get_content_maintype() == "text" else None
            parts.append({"contentType": part.get_content_type(), "text": text})
        json.dump({"headerNames": names, "defects": defects, "parts": parts}, sys.stdout)
        """
}
