import Mustache

/// The Mustache content type that escapes `{{value}}` with `MarkdownEscaping.inline`, named `MARKDOWN` in the pragma.
struct MarkdownContentType: MustacheContentType {
    static let pragmaName = "MARKDOWN"

    /// Registers the content type once per process; templates must be parsed after this, as the pragma is resolved then.
    static let registered: Void = MustacheContentTypes.register(MarkdownContentType(), named: pragmaName)

    func escapeText(_ text: String) -> String {
        MarkdownEscaping.inline(text)
    }
}
