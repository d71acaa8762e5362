/// A file carried by the email as an attachment, such as the monthly summary's PDF.
public struct Attachment: Sendable, Equatable {
    /// The file name the reader sees and saves, such as `monthly-2026-10.pdf`: ASCII letters, digits, `.`, `-` and `_`.
    public let fileName: String
    /// `application/pdf`.
    public let contentType: String
    public let bytes: [UInt8]

    public init(fileName: String, contentType: String, bytes: [UInt8]) throws(EmailError) {
        let safe =
            (1...80).contains(fileName.utf8.count) && !fileName.hasPrefix(".")
            && fileName.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0))
            }
        guard safe else { throw .invalidAttachmentName(fileName) }
        self.fileName = fileName
        self.contentType = contentType
        self.bytes = bytes
    }
}
