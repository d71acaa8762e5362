import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file holding a secret (the API token, the SMTP password), read only when its group and others cannot use it.
public struct SecretFile: Sendable {
    /// What the file is called in messages, such as "token file".
    public let kind: String
    /// The option or setting that names the file, such as "--token-file".
    public let option: String

    public init(kind: String, option: String) {
        self.kind = kind
        self.option = option
    }

    /// Largest file read; secrets are a kilobyte or two.
    static let largestFile = 16 * 1024

    /// The file's text, checked on the open file so it cannot be swapped in between; errors never hold the contents.
    public func read(_ path: String) throws(SecretFileError) -> String {
        func fail(_ message: String) -> SecretFileError { SecretFileError(message: message) }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw fail("cannot open the \(kind) \(path): \(String(cString: strerror(errno))). Check the path given to \(option).")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw fail("cannot inspect the \(kind) \(path): \(String(cString: strerror(errno))).")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw fail("the \(kind) \(path) is not a regular file. Point \(option) at the file that holds the secret.")
        }
        let mode = Int(info.st_mode & 0o777)
        guard mode & 0o077 == 0 else {
            throw fail("the \(kind) \(path) is open to its group or to others (mode \(Self.octal(mode))); it holds a secret. Run: chmod 600 \(path)")
        }
        guard info.st_size <= Self.largestFile else {
            throw fail(
                "the \(kind) \(path) is \(info.st_size) bytes, too large to hold a secret. Point \(option) at the file that holds only the secret.")
        }
        let data: Data?
        do {
            data = try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).read(upToCount: Self.largestFile)
        } catch {
            throw fail("cannot read the \(kind) \(path): \(error.localizedDescription).")
        }
        guard let text = String(data: data ?? Data(), encoding: .utf8) else {
            throw fail("the \(kind) \(path) is not text. Point \(option) at the file that holds the secret.")
        }
        return text
    }

    private static func octal(_ mode: Int) -> String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// Why a secret file could not be read; the message says what to do and never holds the secret.
public struct SecretFileError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String

    public var description: String { message }
}
