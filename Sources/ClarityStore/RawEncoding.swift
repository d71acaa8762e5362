import CZstd
import Foundation

/// How a raw response's bytes are kept in `raw_response.body`: as received, or as one zstd frame.
///
/// Both read back to the exact bytes received; `MetricStore.rawResponse` checks them against the snapshot's SHA-256.
enum RawEncoding: String, Sendable {
    /// The bytes as received; stores written before schema v4 hold only these until compressed.
    case identity
    /// A single zstd frame holding the bytes as received.
    case zstd

    /// The encoding new responses are stored in.
    static let current = RawEncoding.zstd

    /// zstd's level 3 (its default): JSON shrinks about 20 times at several hundred MB/s, far faster than ingest.
    private static let level: Int32 = 3

    /// The bytes to store for `bytes` received.
    func encode(_ bytes: [UInt8]) throws -> Data {
        switch self {
        case .identity:
            return Data(bytes)
        case .zstd:
            var output = Data(count: ZSTD_compressBound(bytes.count))
            let written = output.withUnsafeMutableBytes { out in
                bytes.withUnsafeBytes { input in
                    ZSTD_compress(out.baseAddress, out.count, input.baseAddress, input.count, Self.level)
                }
            }
            guard ZSTD_isError(written) == 0 else { throw RawEncodingError(reason: String(cString: ZSTD_getErrorName(written))) }
            output.count = written
            return output
        }
    }

    /// The bytes as received, from what is stored.
    func decode(_ stored: Data) throws -> [UInt8] {
        switch self {
        case .identity:
            return [UInt8](stored)
        case .zstd:
            let size = stored.withUnsafeBytes { ZSTD_getFrameContentSize($0.baseAddress, $0.count) }
            // ZSTD_CONTENTSIZE_UNKNOWN and _ERROR are the two largest values: every frame we write states its size.
            guard size < UInt64.max - 1, size <= UInt64(Int.max) else {
                throw RawEncodingError(reason: "the stored frame does not state its size")
            }
            var output = [UInt8](repeating: 0, count: Int(size))
            let read = output.withUnsafeMutableBytes { out in
                stored.withUnsafeBytes { input in ZSTD_decompress(out.baseAddress, out.count, input.baseAddress, input.count) }
            }
            guard ZSTD_isError(read) == 0 else { throw RawEncodingError(reason: String(cString: ZSTD_getErrorName(read))) }
            guard read == output.count else { throw RawEncodingError(reason: "the frame held \(read) bytes, not \(size)") }
            return output
        }
    }
}

/// Stored raw bytes that could not be encoded or decoded.
struct RawEncodingError: Error, CustomStringConvertible {
    let reason: String
    var description: String { "zstd: \(reason)" }
}
