/// A mailbox for the From and To headers: a plain ASCII address and an optional display name.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    /// `local@domain`, checked to be ASCII dot-atoms on both sides.
    public let address: String
    /// The name shown beside the address; any Unicode text on one line.
    public let displayName: String?

    /// Characters RFC 5322 allows in an atom besides letters and digits.
    static let atomSymbols = Set("!#$%&'*+-/=?^_`{|}~".unicodeScalars)

    public init(_ address: String, displayName: String? = nil) throws(EmailError) {
        try HeaderText.refuseControls(in: address, field: "address '\(address)'")
        if let displayName {
            try HeaderText.refuseControls(in: displayName, field: "display name of '\(address)'")
        }
        try Self.check(address)
        self.address = address
        self.displayName = displayName.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Reads `name@example.com`, `Name <name@example.com>` or `"Name, Team" <name@example.com>`, as written in a configuration file.
    public init(parsing text: String) throws(EmailError) {
        try HeaderText.refuseControls(in: text, field: "address '\(text)'")
        let trimmed = text.trimmingSpaces
        guard trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") else {
            try self.init(trimmed)
            return
        }
        var name = String(trimmed[..<open]).trimmingSpaces
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
            name = String(name.dropFirst().dropLast())
        }
        try self.init(String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]), displayName: name)
    }

    public var description: String {
        guard let displayName else { return address }
        return "\(displayName) <\(address)>"
    }

    /// The domain after the `@`.
    var domain: Substring { address[address.index(after: address.lastIndex(of: "@")!)...] }

    private static func check(_ address: String) throws(EmailError) {
        func refuse(_ reason: String) -> EmailError { .invalidAddress(address, reason: reason) }
        guard address.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }) else {
            throw refuse("it must be ASCII without spaces")
        }
        guard address.utf8.count <= 254 else { throw refuse("it is longer than 254 characters") }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw refuse("it must contain exactly one @") }
        let (local, domain) = (parts[0], parts[1])
        guard !local.isEmpty, local.utf8.count <= 64 else { throw refuse("the part before @ must be 1 to 64 characters") }
        let localIsDotAtom = local.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { atom in
            !atom.isEmpty && atom.unicodeScalars.allSatisfy { isAlphanumeric($0) || atomSymbols.contains($0) }
        }
        guard localIsDotAtom else { throw refuse("the part before @ has a character or dot that needs quoting") }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let domainIsHostName = labels.allSatisfy { label in
            (1...63).contains(label.utf8.count) && label.first != "-" && label.last != "-"
                && label.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "-" }
        }
        guard domainIsHostName else { throw refuse("the domain after @ must be letters, digits, hyphens and dots") }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
