/// How the site's URLs are folded into pages at report time: `[report.urls]`.
///
/// The rules work on the text alone (no URL parser, no percent-decoding), so a hostile URL stays the same text with
/// less attached to it; it never becomes a link. In order: the fragment goes, query parameters go unless `keepQuery`
/// names them (tracking ids always go, see `trackingParameters`), the scheme and host are lowercased, a trailing slash
/// is folded (`/checkout/` is `/checkout`; a bare host is `host/`), and the first pattern matching the path replaces it.
public struct URLNormalization: Sendable, Equatable, Encodable {
    /// Query parameters kept (compared without case); default none.
    public var keepQuery: [String]
    /// Path patterns such as `/product/*` → `/product/:id`, tried in order; default none.
    public var patterns: [URLPattern]

    public init(keepQuery: [String] = [], patterns: [URLPattern] = []) {
        self.keepQuery = keepQuery
        self.patterns = patterns
    }

    /// Parameters that never tell pages apart, dropped even when `keepQuery` names them: every `utm_*` and these.
    public static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl",
    ]

    /// Whether a query parameter is a tracking id, whatever its case.
    public static func isTracking(_ name: String) -> Bool {
        let lower = asciiLowercased(name)
        return lower.hasPrefix("utm_") || trackingParameters.contains(lower)
    }

    /// The page a URL belongs to.
    public func normalize(_ url: String) -> String {
        patterns.isEmpty && Self.isAlreadyNormal(url) ? url : normalizedByRules(url)
    }

    /// Every rule applied in turn; `normalize` skips them for a URL they cannot change.
    func normalizedByRules(_ url: String) -> String {
        var rest = Substring(url)
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        var (origin, path) = Self.split(rest)
        origin = Self.asciiLowercased(origin)
        if !origin.isEmpty && path.isEmpty { path = "/" }
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        if let pattern = patterns.first(where: { $0.matches(path) }) { path = pattern.replacement }
        let kept = keptParameters(query)
        return origin + path + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
    }

    /// True when no rule but the patterns could change the URL: no fragment, no query, no trailing slash, no capital
    /// letter, and a path after any `scheme://host`. Most stored URLs are so, and the report normalises tens of thousands.
    static func isAlreadyNormal(_ url: String) -> Bool {
        let bytes = Array(url.utf8)
        guard let last = bytes.last, last != UInt8(ascii: "/") else { return false }
        for byte in bytes where byte == UInt8(ascii: "#") || byte == UInt8(ascii: "?") || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) {
            return false
        }
        guard let scheme = url.range(of: "://") else { return true }
        return url[scheme.upperBound...].contains("/")
    }

    /// The query's parameters `keepQuery` names and that are not tracking ids, sorted so their order does not split a page.
    func keptParameters(_ query: Substring) -> [String] {
        guard !keepQuery.isEmpty, !query.isEmpty else { return [] }
        let allowed = Set(keepQuery.map(Self.asciiLowercased))
        let parameters = query.split(separator: "&", omittingEmptySubsequences: true).map(String.init).filter { parameter in
            let name = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            return allowed.contains(Self.asciiLowercased(name)) && !Self.isTracking(name)
        }
        return parameters.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// `scheme://host[:port]` and the path after it; text without `scheme://` is all path.
    static func split(_ text: Substring) -> (origin: String, path: String) {
        guard let colon = text.firstIndex(of: ":"), text[colon...].hasPrefix("://"),
            let first = text.first, first.isASCII && first.isLetter,
            text[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) })
        else {
            return ("", String(text))
        }
        let hostStart = text.index(colon, offsetBy: 3)
        let slash = text[hostStart...].firstIndex(of: "/") ?? text.endIndex
        return (String(text[..<slash]), String(text[slash...]))
    }

    /// Lowercases A–Z only, the same on every machine and locale.
    static func asciiLowercased<S: StringProtocol>(_ text: S) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
                }))
    }
}

/// A path pattern whose `*` stands for one path segment, and the path every matching URL is grouped under.
public struct URLPattern: Sendable, Equatable, Encodable {
    public let pattern: String
    public let replacement: String

    public init(pattern: String, replacement: String) {
        self.pattern = pattern
        self.replacement = replacement
    }

    /// Whether a path (without query or fragment) matches, segment by segment; `*` matches one non-empty segment.
    public func matches(_ path: String) -> Bool {
        let wanted = pattern.split(separator: "/", omittingEmptySubsequences: false)
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard wanted.count == parts.count else { return false }
        return zip(wanted, parts).allSatisfy { want, part in want == "*" ? !part.isEmpty : want == part }
    }
}

extension URLPattern {
    /// The part of a grouped page that every URL in it contains: up to its first `:name` placeholder segment or its query.
    ///
    /// A Recordings filter "URL contains /product/:id" would find nothing; "URL contains /product/" finds the group. Kept
    /// query parameters are sorted by the rules, so a visited URL may hold them in another order or among others: the
    /// filter stops before the query and finds the page's sessions among a few more.
    public static func sharedPart(of page: String) -> String {
        var shared = Substring(page)
        if let mark = shared.firstIndex(of: "?") { shared = shared[..<mark] }
        if let range = shared.range(of: "/:") { shared = shared[..<shared.index(after: range.lowerBound)] }
        return String(shared)
    }
}
