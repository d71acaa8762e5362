import CCmarkGFM
import Foundation

/// A renderer that turns GitHub-flavoured Markdown into HTML with cmark-gfm, in its safe mode.
///
/// Only the `table` and `strikethrough` extensions are enabled: without `autolink`, a bare URL from a
/// hostile page stays text. Safe mode drops raw HTML and empties `javascript:`, `vbscript:`, `file:` and
/// non-image `data:` link targets. Smart punctuation is off so text renders as written.
public struct MarkdownRenderer: Sendable {
    private static let extensionNames = ["table", "strikethrough"]

    /// Registers cmark-gfm's extensions once per process; a `static let` initialiser runs exactly once, even
    /// when several threads render at the same time, whereas the C function itself is not thread-safe.
    private static let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Serialises parsing: cmark-gfm 0.29 adds each extension's special characters to a process-wide table when
    /// a parse starts and removes them when it ends, so concurrent parses would drop strikethrough and tables
    /// from each other's documents (github/cmark-gfm#176).
    private static let parsing = NSLock()

    public init() {}

    /// Renders a Markdown document as an HTML fragment; safe to call from several threads at once.
    public func html(from markdown: String) -> String {
        Self.extensionsRegistered
        return Self.parsing.withLock { Self.render(markdown) }
    }

    private static func render(_ markdown: String) -> String {
        let options = CMARK_OPT_DEFAULT
        guard let parser = cmark_parser_new(options) else {
            preconditionFailure("cmark-gfm could not allocate a parser")
        }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            guard let syntaxExtension = cmark_find_syntax_extension(name) else {
                preconditionFailure("cmark-gfm has no '\(name)' extension; install libcmark-gfm-extensions")
            }
            cmark_parser_attach_syntax_extension(parser, syntaxExtension)
        }
        var source = markdown
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else {
            preconditionFailure("cmark-gfm could not allocate a document")
        }
        defer { cmark_node_free(document) }
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            preconditionFailure("cmark-gfm could not allocate the HTML")
        }
        defer { cmark_get_default_mem_allocator().pointee.free(html) }
        return String(cString: html)
    }
}
