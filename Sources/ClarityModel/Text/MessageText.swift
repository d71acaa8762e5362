/// Text from a response as error messages and warnings quote it, so that printing a message cannot drive the terminal.
public enum MessageText {
    /// The first `limit` scalars of the text, with the characters `UntrustedText` calls invisible written as `\u{1B}`.
    public static func escaped(_ text: some StringProtocol, limit: Int) -> String {
        var result = ""
        for scalar in text.unicodeScalars.prefix(limit) {
            if UntrustedText.isInvisible(scalar) {
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
