import Foundation

/// A scratch folder in the system's temporary folder, removed when the test is done with it.
public final class ScratchFolder: @unchecked Sendable {
    public let url: URL

    public init(_ label: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("clarity-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the folder.
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// A path for a new store file inside the folder.
    public var storePath: String { path("store.sqlite") }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// A new folder that stays after the test, so a failure leaves its evidence behind; its path.
    public static func kept(_ label: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("clarity-\(label)-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A path for a new store file, alone in a folder that stays after the test.
    public static func keptStorePath(_ label: String) -> String {
        kept(label) + "/store.sqlite"
    }
}
