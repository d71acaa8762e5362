import ClarityModel
import ClarityRender
import Foundation

/// The folder where messages that could not be delivered wait for `send --outbox`, one `.eml` file each.
struct Outbox {
    let folder: String

    /// Keeps a message as `20261123T063000Z-<hash>.eml`, readable by its owner only; the same bytes kept twice stay one file.
    func keep(_ bytes: [UInt8], at now: Instant) throws -> String {
        let hash = StableHash.hex(String(decoding: bytes, as: UTF8.self))
        if let existing = try messages().first(where: { $0.hasSuffix("-\(hash).eml") }) { return existing }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = (folder as NSString).appendingPathComponent("\(now.compact)-\(hash).eml")
        try OutputFile.write(bytes, to: path, permissions: 0o600)
        return path
    }

    /// The kept messages' paths, oldest first; none when the folder does not exist.
    func messages() throws -> [String] {
        guard FileManager.default.fileExists(atPath: folder) else { return [] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw OutputError(
                path: folder, message: "cannot list the outbox (\(error.localizedDescription)). Check email.smtp.outbox and the folder's permissions."
            )
        }
        return names.filter { $0.hasSuffix(".eml") && !$0.hasPrefix(".") }.sorted().map { (folder as NSString).appendingPathComponent($0) }
    }

    /// Removes a message once it is delivered.
    func remove(_ path: String) throws {
        guard unlink(path) == 0 else {
            throw OutputError(
                path: path,
                message: "delivered, but it cannot be removed from the outbox (\(String(cString: strerror(errno)))); "
                    + "delete it by hand or `send --outbox` will deliver it again")
        }
    }
}
