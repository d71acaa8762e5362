import GRDB

/// A problem with the store file itself, said so a person knows what to do.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "store \(path): \(message)" }

    /// Translates SQLite's errors into what they mean for this store.
    static func wrapping(_ error: any Error, path: String) -> any Error {
        guard let database = error as? DatabaseError else { return error }
        switch database.resultCode {
        case .SQLITE_NOTADB:
            return StoreError(
                path: path,
                message:
                    "this file is not a clarity-report store (not an SQLite database). Point --store at the right file, or move this one away to start a new store."
            )
        case .SQLITE_READONLY:
            return StoreError(
                path: path, message: "the store is read-only (\(database.message ?? "write refused")). Check the file's and its folder's permissions."
            )
        case .SQLITE_FULL:
            return StoreError(path: path, message: "the disk is full; nothing was changed. Free some space and run the command again.")
        case .SQLITE_CANTOPEN:
            return StoreError(
                path: path,
                message: "cannot open the store file (\(database.message ?? "unknown reason")). Check that its folder exists and is writable.")
        case .SQLITE_CORRUPT:
            return StoreError(
                path: path,
                message:
                    "the store file is damaged (\(database.message ?? "corrupt")). Restore it from a backup; the raw responses are inside if it can be read with sqlite3 .recover."
            )
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(
                path: path, message: "another clarity-report process held the store for too long; nothing was changed. Run the command again.")
        case .SQLITE_IOERR:
            return StoreError(
                path: path,
                message:
                    "a disk write failed (\(database.message ?? "I/O error")); nothing was changed. Check free space and the disk, then run the command again."
            )
        default:
            return error
        }
    }
}
