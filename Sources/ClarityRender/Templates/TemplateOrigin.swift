/// Where a template's text came from: compiled into the binary, or a file of the override folder.
public enum TemplateOrigin: Equatable, Sendable, CustomStringConvertible {
    case builtIn
    case file(String)

    public var description: String {
        switch self {
        case .builtIn: "built-in"
        case .file(let path): path
        }
    }
}
