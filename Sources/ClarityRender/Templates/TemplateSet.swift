import Foundation
import Mustache

/// The report templates: the built-in set, with the files of an override folder in place of the built-in ones they name.
///
/// A template that starts with `{{% CONTENT_TYPE: MARKDOWN }}` escapes every `{{value}}` with
/// `MarkdownEscaping.inline`, while `{{{value}}}` inserts our own pre-rendered fragments untouched; without the
/// pragma, `{{value}}` is HTML-escaped. The pragma applies from where it stands to the end of its template.
/// swift-mustache resets the content type to HTML on entering a partial, whatever includes it, so a partial
/// used inside a Markdown template must declare `{{% CONTENT_TYPE: MARKDOWN }}` itself; otherwise hostile text
/// in it is only HTML-escaped and Markdown links and images in that text stay live.
public struct TemplateSet: Sendable {
    static let fileExtension = ".mustache"

    /// One template's name, text and where the text came from.
    struct Source {
        let name: String
        let file: String
        let text: String
        let origin: TemplateOrigin
    }

    /// The template names, sorted: file paths relative to the folder without `.mustache`, such as `weekly` or `partials/row`.
    public let names: [String]
    /// Where each template's text came from, by name.
    public let origins: [String: TemplateOrigin]
    private let library: MustacheLibrary
    private let location: String

    /// The built-in templates, each replaced by the override folder's file of the same path when it has one.
    public init(overrides: TemplateOverrides? = nil) throws(RenderError) {
        var sources = Self.builtInFiles.map { file in
            Source(name: Self.name(of: file.path), file: "built-in templates/" + file.path, text: file.text, origin: .builtIn)
        }
        var location = "built-in templates/"
        if let overrides {
            location = overrides.folder.hasSuffix("/") ? overrides.folder : overrides.folder + "/"
            for source in try Self.read(overrides) {
                sources.removeAll { $0.name == source.name }
                sources.append(source)
            }
        }
        try self.init(sources: sources.sorted { $0.name < $1.name }, location: location)
    }

    /// The built-in templates with the files of `directory` in their place.
    public init(directory: String) throws(RenderError) {
        try self.init(overrides: TemplateOverrides(folder: directory, namedBy: "the templates folder"))
    }

    /// Only the templates given as text, keyed by name; errors name them as `NAME.mustache`.
    public init(templates: [String: String]) throws(RenderError) {
        let sources = templates.keys.sorted().map { name in
            Source(name: name, file: name + Self.fileExtension, text: templates[name] ?? "", origin: .builtIn)
        }
        try self.init(sources: sources, location: "")
    }

    private init(sources: [Source], location: String) throws(RenderError) {
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
        self.origins = Dictionary(uniqueKeysWithValues: sources.map { ($0.name, $0.origin) })
        self.library = library
        self.location = location
    }

    /// The built-in templates' files, by path under `templates/`, for `templates export`.
    public static var builtInFiles: [(path: String, text: String)] { BuiltInTemplates.files }

    /// A template's name: its path without `.mustache`.
    static func name(of path: String) -> String {
        path.hasSuffix(fileExtension) ? String(path.dropLast(fileExtension.count)) : path
    }

    /// Reads every `*.mustache` file under the override folder, including subfolders.
    private static func read(_ overrides: TemplateOverrides) throws(RenderError) -> [Source] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: overrides.folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RenderError(file: overrides.folder, problem: .directoryNotFound(namedBy: overrides.namedBy, tried: overrides.pathsTried))
        }
        let base = overrides.folder.hasSuffix("/") ? overrides.folder : overrides.folder + "/"
        let paths = (FileManager.default.enumerator(atPath: overrides.folder)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(fileExtension) }
            .sorted()
        var sources: [Source] = []
        for path in paths {
            let file = base + path
            guard let data = FileManager.default.contents(atPath: file) else {
                throw RenderError(file: file, problem: .unreadable)
            }
            guard let text = String(bytes: data, encoding: .utf8) else {
                throw RenderError(file: file, problem: .notUTF8)
            }
            sources.append(Source(name: name(of: path), file: file, text: text, origin: .file(file)))
        }
        return sources
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
