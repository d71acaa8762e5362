import Foundation

/// A folder whose `*.mustache` files replace the built-in templates of the same path, and the setting that named it.
public struct TemplateOverrides: Sendable, Equatable {
    /// The folder as the setting resolves it.
    public let folder: String
    /// Where the folder was named, for error messages and `templates list`, such as `--templates`.
    public let namedBy: String

    public init(folder: String, namedBy: String) {
        self.folder = folder
        self.namedBy = namedBy
    }

    /// The paths looked at for the folder: as written and, when relative, from the working directory.
    var pathsTried: [String] {
        let absolute = URL(fileURLWithPath: folder).standardizedFileURL.path
        return absolute == folder ? [folder] : [folder, absolute]
    }
}
