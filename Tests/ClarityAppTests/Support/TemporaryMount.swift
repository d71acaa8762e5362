import Foundation

/// A small tmpfs mounted for one test: a disk that fills up, or that can be made read-only. Needs root.
final class TemporaryMount: @unchecked Sendable {
    let url: URL

    init(kilobytes: Int) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("clarity-mount-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        do {
            try Self.mount(["-t", "tmpfs", "-o", "size=\(kilobytes)k,mode=0755", "tmpfs", url.path])
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
    }

    /// Whether this process may mount a tmpfs (root, with the capability), checked once.
    static let isAvailable: Bool = getuid() == 0 && (try? TemporaryMount(kilobytes: 64)) != nil

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remountReadOnly() throws {
        try Self.mount(["-o", "remount,ro", url.path])
    }

    /// Fills the disk with a file until `leaving` kilobytes are free.
    func fill(leaving kilobytes: Int) throws {
        var stats = statvfs()
        guard statvfs(url.path, &stats) == 0 else { throw MountFailure(message: "statvfs failed") }
        let free = Int(stats.f_bavail) * Int(stats.f_frsize) / 1024
        guard free > kilobytes else { return }
        try Data(count: (free - kilobytes) * 1024).write(to: url.appendingPathComponent("filler"))
    }

    func freeSpace() throws {
        try FileManager.default.removeItem(at: url.appendingPathComponent("filler"))
    }

    deinit {
        try? Self.run("/usr/bin/umount", [url.path])
        try? FileManager.default.removeItem(at: url)
    }

    private static func mount(_ arguments: [String]) throws {
        try run("/usr/bin/mount", arguments)
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw MountFailure(message: "\(tool) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
    }

    struct MountFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
