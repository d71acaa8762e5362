import Mustache

/// The Mustache content type for plain-text output, named `PLAIN` in the pragma: values are shown as the visible text
/// they hold, on one line, with control, bidi and zero-width characters removed.
struct PlainTextContentType: MustacheContentType {
    static let pragmaName = "PLAIN"

    /// Registers the content type once per process, before any template is parsed.
    static let registered: Void = MustacheContentTypes.register(PlainTextContentType(), named: pragmaName)

    func escapeText(_ text: String) -> String {
        MarkdownEscaping.visibleText(text)
    }
}
