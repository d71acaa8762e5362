import Foundation

/// Writes output files so a reader sees the previous file or the complete new one, never a torn one.
enum OutputFile {
    /// Writes beside the target, flushes, then renames over it; the previous file stays intact if anything fails.
    static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// `permissions` apply to a newly written file, such as 0o600 for one that only its owner may read.
    static func write(_ bytes: [UInt8], to given: String, permissions: mode_t = 0o644) throws {
        // Write through a symbolic link to the file it names, and straight into what is not a regular file
        // (/dev/stdout, /dev/null, a pipe): renaming over those would replace them.
        let path = URL(fileURLWithPath: given).resolvingSymlinksInPath().path
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            try writeInPlace(bytes, to: path)
            return
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: path, message: "cannot create the folder \(directory.path) (\(error.localizedDescription))")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, permissions)
        guard descriptor >= 0 else {
            throw OutputError(path: path, message: "cannot write beside it (\(String(cString: strerror(errno)))); the previous file is untouched")
        }
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if let failure {
            unlink(temporary.path)
            throw OutputError(path: path, message: "writing failed (\(failure)); the previous file is untouched")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw OutputError(path: path, message: "cannot replace it (\(reason)); the previous file is untouched")
        }
    }
}

extension OutputFile {
    /// Writes into an existing device or pipe as it is.
    static func writeInPlace(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_TRUNC)
        guard descriptor >= 0 else {
            throw OutputError(path: path, message: "cannot open it for writing (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OutputError(path: path, message: "writing failed (\(String(cString: strerror(errno))))")
                }
                offset += written
            }
        }
    }
}

/// A report or file that could not be written.
struct OutputError: Error, CustomStringConvertible {
    let path: String
    let message: String

    var description: String { "\(path): \(message)" }
}
