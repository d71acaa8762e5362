/// An email that cannot be built as asked, saying which header, address or image is at fault and what to change.
public enum EmailError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A header value holds a carriage return or line feed, which would let it forge further headers.
    case lineBreakInHeader(field: String)
    /// A header value holds another control character (tab, NUL, escape, …).
    case controlCharacterInHeader(field: String)
    /// An address that is not a plain ASCII `local@domain`; `reason` says which part is wrong.
    case invalidAddress(String, reason: String)
    case noRecipients
    /// An image name that cannot become a file name and Content-ID: it must be 1 to 40 of `a-z`, `0-9` and `-`.
    case invalidImageName(String)
    case duplicateImageName(String)
    /// Image bytes that do not start with the PNG signature.
    case notPNG(imageName: String)
    /// An attachment's file name outside ASCII letters, digits, `.`, `-` and `_`.
    case invalidAttachmentName(String)
    /// The HTML refers to a `cid:` no image part carries.
    case missingImage(contentID: String)
    /// An image part the HTML never shows; clients would list it as an attachment.
    case unreferencedImage(name: String, contentID: String)

    public var description: String {
        switch self {
        case .lineBreakInHeader(let field):
            "The email's \(field) contains a line break, which is refused because it could inject headers. "
                + "Put it on one line."
        case .controlCharacterInHeader(let field):
            "The email's \(field) contains a control character (such as a tab or NUL). Remove it."
        case .invalidAddress(let address, let reason):
            "'\(address)' is not a usable email address: \(reason). Write it as name@example.com."
        case .noRecipients:
            "The email has no recipients. Add at least one address to send it to."
        case .invalidImageName(let name):
            "'\(name)' cannot name an email image: use 1 to 40 lowercase letters, digits and hyphens."
        case .duplicateImageName(let name):
            "Two email images are named '\(name)'. Give each chart its own name."
        case .invalidAttachmentName(let name):
            "'\(name)' cannot name an email attachment: use 1 to 80 ASCII letters, digits, dots, hyphens and underscores."
        case .notPNG(let name):
            "The email image '\(name)' is not a PNG. Rasterize the chart with PNGRasterizer first."
        case .missingImage(let contentID):
            "The email's HTML shows cid:\(contentID), but no image has that Content-ID. "
                + "Add the image or take the reference out of the template."
        case .unreferencedImage(let name, let contentID):
            "The email image '\(name)' is never shown by the HTML (no cid:\(contentID)); "
                + "clients would list it as an attachment. Reference it or leave it out."
        }
    }
}
