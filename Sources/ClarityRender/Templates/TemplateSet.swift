import Foundation
import Mustache

/// The report templates of one directory, parsed together so they can include each other as partials.
///
/// A template that starts with `{{% CONTENT_TYPE: MARKDOWN }}` escapes every `{{value}}` with
/// `MarkdownEscaping.inline`, while `{{{value}}}` inserts our own pre-rendered fragments untouched; without the
/// pragma, `{{value}}` is HTML-escaped. The pragma applies from where it stands to the end of its template.
/// swift-mustache resets the content type to HTML on entering a partial, whatever includes it, so a partial
/// used inside a Markdown template must declare `{{% CONTENT_TYPE: MARKDOWN }}` itself; otherwise hostile text
/// in it is only HTML-escaped and Markdown links and images in that text stay live.
public struct TemplateSet: Sendable {
    private static let fileExtension = ".mustache"

    /// The template names, sorted: file paths relative to the directory without `.mustache`, such as `weekly` or `partials/row`.
    public let names: [String]
    private let library: MustacheLibrary
    private let location: String

    /// Loads every `*.mustache` file under `directory`, including subfolders.
    public init(directory: String) throws(RenderError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RenderError(file: directory, problem: .directoryNotFound)
        }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        let paths = (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(Self.fileExtension) }
            .sorted()
        var sources: [(name: String, file: String, text: String)] = []
        for path in paths {
            let file = base + path
            guard let data = FileManager.default.contents(atPath: file) else {
                throw RenderError(file: file, problem: .unreadable)
            }
            guard let text = String(bytes: data, encoding: .utf8) else {
                throw RenderError(file: file, problem: .notUTF8)
            }
            sources.append((String(path.dropLast(Self.fileExtension.count)), file, text))
        }
        try self.init(sources: sources, location: base)
    }

    /// Parses templates given as text, keyed by name; errors name them as `NAME.mustache`.
    public init(templates: [String: String]) throws(RenderError) {
        let sources = templates.keys.sorted().map { name in
            (name: name, file: name + Self.fileExtension, text: templates[name] ?? "")
        }
        try self.init(sources: sources, location: "")
    }

    private init(sources: [(name: String, file: String, text: String)], location: String) throws(RenderError) {
        MarkdownContentType.registered
        PlainTextContentType.registered
        var library = MustacheLibrary()
        for source in sources {
            do {
                library.register(try MustacheTemplate(string: source.text), named: source.name)
            } catch {
                throw RenderError.syntax(in: source.file, error)
            }
        }
        self.names = sources.map(\.name)
        self.library = library
        self.location = location
    }

    /// Renders the named template with a context of dictionaries, arrays and plain values.
    public func render(_ name: String, with context: Any) throws(RenderError) -> String {
        guard let rendered = library.render(context, withTemplate: name) else {
            throw RenderError(
                file: location + name + Self.fileExtension,
                problem: .templateNotFound(name: name, available: names)
            )
        }
        return rendered
    }
}
