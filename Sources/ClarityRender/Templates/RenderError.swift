import Mustache

/// A template that could not be loaded or rendered, naming its file and what to fix.
public struct RenderError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What went wrong with the template file.
    public enum Problem: Equatable, Sendable {
        case directoryNotFound(namedBy: String, tried: [String])
        case unreadable
        case notUTF8
        case templateNotFound(name: String, available: [String])
        case syntax(line: Int, column: Int, lineText: String, reason: String)
    }

    /// The template file (or, for `directoryNotFound`, the folder) the problem is in.
    public let file: String
    public let problem: Problem

    public init(file: String, problem: Problem) {
        self.file = file
        self.problem = problem
    }

    public var description: String {
        switch problem {
        case .directoryNotFound(let namedBy, let tried):
            "\(file): the template override folder named by \(namedBy) does not exist (tried \(tried.joined(separator: ", "))). "
                + "Correct the path, create the folder (`clarity-report templates export DIR` writes the built-in set to edit), "
                + "or drop the setting to use the built-in templates."
        case .unreadable:
            "\(file): the template cannot be read. Check the file's permissions."
        case .notUTF8:
            "\(file): the template is not valid UTF-8. Save it as UTF-8."
        case .templateNotFound(let name, let available):
            "\(file): there is no template named '\(name)' (available: \(available.joined(separator: ", "))). "
                + "Add the file or restore it from the default templates."
        case .syntax(let line, let column, let lineText, let reason):
            "\(file):\(line):\(column): \(reason).\n    \(lineText)"
        }
    }

    /// Translates swift-mustache's parse failure into the line, column and a reason a template author understands.
    static func syntax(in file: String, _ error: any Error) -> RenderError {
        guard let error = error as? MustacheTemplate.ParserError else {
            return RenderError(file: file, problem: .syntax(line: 1, column: 1, lineText: "", reason: "\(error)"))
        }
        let reason: String
        switch error.error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: reason = "this closing tag does not match the section that is open"
        case .unfinishedName: reason = "this tag's name is not finished"
        case .expectedSectionEnd: reason = "a section is never closed"
        case .invalidSetDelimiter: reason = "this set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: reason = "a transform cannot be applied to an inheritance section"
        case .illegalTokenInsideInheritSection: reason = "only block overrides may appear inside a partial's inheritance section"
        case .textInsideInheritSection: reason = "text is not allowed inside a partial's inheritance section"
        case .invalidConfigVariableSyntax: reason = "this pragma is malformed; write {{% CONTENT_TYPE: MARKDOWN }}"
        case .unrecognisedConfigVariable: reason = "unknown pragma or content type; the content types are HTML, TEXT and MARKDOWN"
        case nil: reason = "the template ends inside a tag"
        }
        return RenderError(
            file: file,
            problem: .syntax(line: error.context.lineNumber, column: error.context.columnNumber, lineText: error.context.line, reason: reason)
        )
    }
}
