/// A PNG chart carried inside the email and shown by the HTML through its Content-ID.
public struct InlineImage: Sendable, Equatable {
    /// The chart's short name, such as `sessions`: it becomes the file name and part of the Content-ID.
    public let name: String
    public let png: [UInt8]
    /// The PNG's size in pixels, from its header; the HTML should give `width` and `height` in CSS pixels
    /// (these divided by the rasterizer's scale), since Outlook for Windows shows an image at its pixel size.
    public let pixelWidth: Int
    public let pixelHeight: Int

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    public init(name: String, png: [UInt8]) throws(EmailError) {
        let nameIsSafe =
            (1...40).contains(name.utf8.count)
            && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard nameIsSafe else { throw .invalidImageName(name) }
        // The signature, then the IHDR chunk's length and type, then its big-endian width and height.
        guard png.count >= 24, Array(png.prefix(8)) == Self.pngSignature, Array(png[12..<16]) == Array("IHDR".utf8) else {
            throw .notPNG(imageName: name)
        }
        self.name = name
        self.png = png
        self.pixelWidth = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        self.pixelHeight = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
    }

    /// `sessions.png`.
    public var fileName: String { "\(name).png" }
}
