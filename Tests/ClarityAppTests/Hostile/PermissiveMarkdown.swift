import ClarityProcess
import ClarityTestSupport
import Foundation

/// Renders Markdown the most permissive way cmark-gfm can: raw HTML passed through, and the table, strikethrough,
/// autolink and task-list extensions on, so any markup, link or image a payload could form shows up as an element.
///
/// It runs in a separate Python process over the system's libcmark-gfm (ctypes): cmark-gfm keeps its extensions'
/// special characters in a process-wide table, so parsing here, beside the renderer's own locked parses running in
/// other tests, could change their output (github/cmark-gfm#176).
enum PermissiveMarkdown {
    /// Renders several documents in one process.
    static func html(_ documents: [String]) throws -> [String] {
        let folder = try ScratchFolder("markdown")
        let input = folder.url.appendingPathComponent("input.json")
        try JSONEncoder().encode(documents).write(to: input)
        let run = try ExternalProgram.run(named: "python3", ["-c", script, input.path])
        guard run.succeeded else {
            throw Failure(message: run.standardError)
        }
        return try JSONDecoder().decode([String].self, from: run.stdout)
    }

    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { "rendering Markdown with libcmark-gfm through python3 failed: \(message)" }
    }

    private static let script = """
        import ctypes, ctypes.util, json, sys
        core = ctypes.CDLL(ctypes.util.find_library("cmark-gfm"))
        extensions = ctypes.CDLL(ctypes.util.find_library("cmark-gfm-extensions"))
        extensions.cmark_gfm_core_extensions_ensure_registered()
        for name, restype in [("cmark_parser_new", ctypes.c_void_p), ("cmark_find_syntax_extension", ctypes.c_void_p),
                              ("cmark_parser_finish", ctypes.c_void_p), ("cmark_parser_get_syntax_extensions", ctypes.c_void_p),
                              ("cmark_render_html", ctypes.c_void_p)]:
            getattr(core, name).restype = restype
        core.cmark_parser_attach_syntax_extension.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        core.cmark_parser_feed.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
        core.cmark_parser_finish.argtypes = [ctypes.c_void_p]
        core.cmark_parser_get_syntax_extensions.argtypes = [ctypes.c_void_p]
        core.cmark_render_html.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p]
        UNSAFE = 1 << 17
        def render(text):
            parser = core.cmark_parser_new(UNSAFE)
            for name in [b"table", b"strikethrough", b"autolink", b"tasklist"]:
                extension = core.cmark_find_syntax_extension(name)
                if not extension:
                    sys.exit("no cmark-gfm extension " + name.decode())
                core.cmark_parser_attach_syntax_extension(parser, extension)
            data = text.encode("utf-8")
            core.cmark_parser_feed(parser, data, len(data))
            document = core.cmark_parser_finish(parser)
            html = core.cmark_render_html(document, UNSAFE, core.cmark_parser_get_syntax_extensions(parser))
            return ctypes.string_at(html).decode("utf-8")
        json.dump([render(text) for text in json.load(open(sys.argv[1], encoding="utf-8"))], sys.stdout)
        """
}
