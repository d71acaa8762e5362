/// Text from a response as error messages and warnings quote it, so that printing a message cannot drive the terminal.
public enum MessageText {
    /// The first `limit` scalars of the text, with control characters and bidirectional controls written as `\u{1B}`.
    public static func escaped(_ text: some StringProtocol, limit: Int) -> String {
        var result = ""
        for scalar in text.unicodeScalars.prefix(limit) {
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
