import ClarityRender
import Foundation
import Testing

@Suite struct TemplateSetTests {
    static let hostileTitle = "[win](javascript:alert(1)) <b>![img](http://tracker)</b>"

    @Test func markdownPragmaEscapesValuesForMarkdown() throws {
        let templates = try TemplateSet(templates: [
            "weekly": "{{% CONTENT_TYPE: MARKDOWN }}\n# Week\n\nTop page: {{title}}\n"
        ])
        let rendered = try templates.render("weekly", with: ["title": Self.hostileTitle])
        #expect(rendered == "# Week\n\nTop page: " + MarkdownEscaping.inline(Self.hostileTitle) + "\n")
    }

    @Test func markdownTemplateRendersToHTMLWithoutLiveLinksOrImages() throws {
        let templates = try TemplateSet(templates: [
            "weekly": "{{% CONTENT_TYPE: MARKDOWN }}\n| Page | Title |\n| --- | --- |\n| {{url}} | {{title}} |\n"
        ])
        let markdown = try templates.render("weekly", with: ["url": "<http://evil>", "title": Self.hostileTitle])
        let html = MarkdownRenderer().html(from: markdown)
        #expect(html.contains("<td>&lt;http://evil&gt;</td>"))
        #expect(!html.contains("<a"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
    }

    @Test func tripleMustacheInsertsFragmentsRaw() throws {
        let templates = try TemplateSet(templates: ["weekly": "{{% CONTENT_TYPE: MARKDOWN }}\n{{{chart}}} {{note}}\n"])
        let rendered = try templates.render("weekly", with: ["chart": "![chart](chart.svg)", "note": "*n*"])
        #expect(rendered == "![chart](chart.svg) \\*n\\*\n")
    }

    @Test func withoutThePragmaValuesAreHTMLEscaped() throws {
        let templates = try TemplateSet(templates: ["page": "<p>{{title}}</p>"])
        #expect(try templates.render("page", with: ["title": "<b>\"x\" & y</b>"]) == "<p>&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;</p>")
    }

    @Test func pragmaAppliesInsideSectionsAndLoops() throws {
        let templates = try TemplateSet(templates: [
            "pages": "{{% CONTENT_TYPE: MARKDOWN }}\n| Page |\n| --- |\n{{#pages}}\n| {{url}} |\n{{/pages}}\n"
        ])
        let rendered = try templates.render("pages", with: ["pages": [["url": "/a|b"], ["url": "<x>"]]])
        #expect(rendered == "| Page |\n| --- |\n| /a\\|b |\n| \\<x\\> |\n")
    }

    @Test func partialThatDeclaresThePragmaEscapesForMarkdown() throws {
        let templates = try TemplateSet(templates: [
            "weekly": "{{% CONTENT_TYPE: MARKDOWN }}\n{{#pages}}\n{{> row}}\n{{/pages}}\n",
            "row": "{{% CONTENT_TYPE: MARKDOWN }}\n- {{title}}\n",
        ])
        let rendered = try templates.render("weekly", with: ["pages": [["title": Self.hostileTitle]]])
        #expect(rendered == "- " + MarkdownEscaping.inline(Self.hostileTitle) + "\n")
    }

    @Test func partialWithoutThePragmaFallsBackToHTMLEscaping() throws {
        let templates = try TemplateSet(templates: [
            "weekly": "{{% CONTENT_TYPE: MARKDOWN }}\n{{> row}}\n",
            "row": "- {{title}}\n",
        ])
        let rendered = try templates.render("weekly", with: ["title": "[a](b) <i>"])
        #expect(rendered == "- [a](b) &lt;i&gt;\n")
    }

    @Test func numbersAndBooleansRenderThroughTheContentType() throws {
        let templates = try TemplateSet(templates: ["kpi": "{{% CONTENT_TYPE: MARKDOWN }}\n{{sessions}} / {{rate}} / {{up}}"])
        #expect(try templates.render("kpi", with: ["sessions": 1204, "rate": 1.5, "up": true]) == "1204 / 1.5 / true")
    }

    @Test func missingTemplateNamesTheFileAndTheAvailableOnes() throws {
        let templates = try TemplateSet(templates: ["weekly": "", "monthly": ""])
        let error = try #require(throws: RenderError.self) { try templates.render("daily", with: [String: String]()) }
        #expect(error == RenderError(file: "daily.mustache", problem: .templateNotFound(name: "daily", available: ["monthly", "weekly"])))
        #expect(error.description.hasPrefix("daily.mustache: there is no template named 'daily' (available: monthly, weekly)."))
    }

    @Test func unclosedSectionReportsFileAndLine() throws {
        let error = try #require(throws: RenderError.self) {
            try TemplateSet(templates: ["weekly": "# Week\n{{#pages}}\n- {{url}}\n"])
        }
        guard case .syntax(let line, _, _, let reason) = error.problem else {
            Issue.record("expected a syntax error, got \(error)")
            return
        }
        #expect(error.file == "weekly.mustache")
        #expect(line == 4)
        #expect(reason == "a section is never closed")
    }

    @Test func mismatchedSectionReportsTheClosingLine() throws {
        let error = try #require(throws: RenderError.self) {
            try TemplateSet(templates: ["weekly": "{{#pages}}\nx\n{{/page}}\nafter\n"])
        }
        #expect(
            error
                == RenderError(
                    file: "weekly.mustache",
                    problem: .syntax(
                        line: 3, column: 4, lineText: "{{/page}}", reason: "this closing tag does not match the section that is open")))
        #expect(error.description == "weekly.mustache:3:4: this closing tag does not match the section that is open.\n    {{/page}}")
    }

    @Test func unknownContentTypeIsASyntaxError() throws {
        let error = try #require(throws: RenderError.self) {
            try TemplateSet(templates: ["weekly": "{{% CONTENT_TYPE: RST }}\n"])
        }
        guard case .syntax(1, _, _, let reason) = error.problem else {
            Issue.record("expected a syntax error on line 1, got \(error)")
            return
        }
        #expect(reason.contains("HTML, TEXT and MARKDOWN"))
    }

    @Test func templateEndingInsideATagIsASyntaxError() throws {
        let error = try #require(throws: RenderError.self) { try TemplateSet(templates: ["weekly": "Hello {{name"]) }
        guard case .syntax(1, _, _, let reason) = error.problem else {
            Issue.record("expected a syntax error on line 1, got \(error)")
            return
        }
        #expect(reason == "the template ends inside a tag")
    }

    @Test func loadsTemplatesFromADirectoryWithSubfolders() throws {
        let directory = try TemporaryDirectory()
        try directory.write("weekly.mustache", "{{% CONTENT_TYPE: MARKDOWN }}\n{{> partials/row}}")
        try directory.write("partials/row.mustache", "{{% CONTENT_TYPE: MARKDOWN }}\n* {{title}}")
        try directory.write("notes.txt", "not a template {{")
        let templates = try TemplateSet(directory: directory.path)
        #expect(templates.names.contains("partials/row") && templates.names.contains("weekly"))
        #expect(try templates.render("weekly", with: ["title": "#1"]) == "* \\#1")
    }

    @Test func anOverrideFolderReplacesOnlyTheFilesItHas() throws {
        let directory = try TemporaryDirectory()
        try directory.write("weekly.md.mustache", "{{% CONTENT_TYPE: MARKDOWN }}\nOverridden: {{project.name}}\n")
        try directory.write("partials/extra.md.mustache", "extra\n")
        let templates = try TemplateSet(overrides: TemplateOverrides(folder: directory.path, namedBy: "--templates"))
        let builtIn = try TemplateSet()
        #expect(Set(templates.names) == Set(builtIn.names).union(["partials/extra.md"]))
        #expect(templates.origins["weekly.md"] == .file(directory.path + "/weekly.md.mustache"))
        #expect(templates.origins["weekly.html"] == .builtIn)
        #expect(try templates.render("weekly.md", with: ["project": ["name": "*Shop*"]]) == "Overridden: \\*Shop\\*\n")
        #expect(
            try templates.render("partials/weekly-changes.md", with: [String: String]())
                == (try builtIn.render("partials/weekly-changes.md", with: [String: String]())))
    }

    @Test func theBuiltInSetHasEveryTemplateTheReportsUse() throws {
        let templates = try TemplateSet()
        #expect(templates.origins.values.allSatisfy { $0 == .builtIn })
        for use in TemplateUse.reports {
            #expect(templates.names.contains(use.template), "\(use.output) renders \(use.template), which is not built in")
        }
    }

    @Test func directoryParseErrorNamesTheFilePath() throws {
        let directory = try TemporaryDirectory()
        try directory.write("weekly.mustache", "ok\n{{/nothing}}\n")
        let error = try #require(throws: RenderError.self) { try TemplateSet(directory: directory.path) }
        #expect(error.file == directory.path + "/weekly.mustache")
        guard case .syntax(2, _, _, _) = error.problem else {
            Issue.record("expected a syntax error on line 2, got \(error)")
            return
        }
    }

    @Test func invalidUTF8IsReported() throws {
        let directory = try TemporaryDirectory()
        try Data([0x66, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: directory.path + "/weekly.mustache"))
        #expect(throws: RenderError(file: directory.path + "/weekly.mustache", problem: .notUTF8)) {
            try TemplateSet(directory: directory.path)
        }
    }

    @Test func missingOverrideFolderNamesTheSettingAndEveryPathTried() throws {
        let error = try #require(throws: RenderError.self) {
            try TemplateSet(overrides: TemplateOverrides(folder: "no-such/templates", namedBy: "report.templates in site/clarity-report.toml"))
        }
        let absolute = FileManager.default.currentDirectoryPath + "/no-such/templates"
        #expect(
            error
                == RenderError(
                    file: "no-such/templates",
                    problem: .directoryNotFound(
                        namedBy: "report.templates in site/clarity-report.toml", tried: ["no-such/templates", absolute])))
        #expect(
            error.description.contains("named by report.templates in site/clarity-report.toml does not exist (tried no-such/templates, \(absolute))"))
        #expect(error.description.contains("clarity-report templates export DIR"))
    }
}

/// A fresh directory under the system's temporary folder, removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("clarity-render-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ relativePath: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
