import Foundation

/// The shared sample export responses (`Samples/`), shipped as this target's resources.
public enum Samples {
    /// The folder holding them.
    public static var folder: URL { Bundle.module.url(forResource: "Samples", withExtension: nil)! }

    /// The file `name`.
    public static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// The bytes of the file `name`.
    public static func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: url(name))) }

    /// Every sample's bytes, in file-name order.
    public static func all() throws -> [[UInt8]] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted().map(bytes)
    }
}
