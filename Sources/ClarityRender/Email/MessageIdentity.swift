import ClarityModel

/// The date and identifiers of one email (its Message-ID, its images' Content-IDs and its MIME boundaries), derived
/// from a seed so that the same report sent at the same instant gives the same bytes.
///
/// The seed should name the site and the period; the token also hashes the date, so a report re-sent later gets new
/// Content-IDs. That matters because iOS Mail caches inline images by Content-ID across messages.
public struct MessageIdentity: Sendable, Hashable {
    /// The instant in the Date header.
    public let date: Instant
    /// 16 lowercase hexadecimal digits hashed from the seed and the date.
    public let token: String

    public init(seed: String, date: Instant) {
        self.date = date
        self.token = StableHash.hex("\(seed)\n\(date.seconds)")
    }

    /// The Content-ID (without angle brackets) of the image with this name; the HTML shows it as `cid:` plus this.
    public func contentID(forImageNamed name: String) -> String {
        "chart-\(name).\(token)@clarity-report"
    }

    /// The Message-ID header's value, on the sender's domain as spam filters expect.
    func messageID(domain: Substring) -> String { "<report.\(token)@\(domain)>" }

    /// Boundaries start with `=_`, which can occur neither in quoted-printable (where `=` is always followed by two
    /// hexadecimal digits or a line break) nor in base64, so no encoded body can contain them.
    var alternativeBoundary: String { "=_alternative.\(token)" }
    var relatedBoundary: String { "=_related.\(token)" }
    var mixedBoundary: String { "=_mixed.\(token)" }
}
