/// The quoted-printable transfer encoding of RFC 2045, for the email's text and HTML parts.
public enum QuotedPrintable {
    /// RFC 2045's limit for an encoded line, soft-break `=` included.
    static let lineLength = 76

    /// Encodes UTF-8 text as 7-bit lines of at most 76 characters joined by CRLF.
    ///
    /// Each line break of the text (CRLF, LF or CR) becomes one CRLF; longer lines get soft breaks. Besides `=`,
    /// bytes outside printable ASCII and whitespace before a line's end, it escapes a `.` or `From ` starting a
    /// line, so that `sendmail` without `-i` does not end the message early and mbox files do not alter it.
    public static func encode(_ text: String) -> String {
        lines(of: Array(text.utf8)).map(encodeLine).joined(separator: "\r\n")
    }

    private static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D || bytes[index] == 0x0A {
                lines.append(bytes[start..<index])
                index += bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                start = index
            } else {
                index += 1
            }
        }
        lines.append(bytes[start..<bytes.count])
        return lines
    }

    private static func encodeLine(_ line: ArraySlice<UInt8>) -> String {
        let bytes = Array(line)
        var output: [String] = []
        var current = ""
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            var token = isLast && (byte == 0x20 || byte == 0x09) ? escaped(byte) : literalOrEscaped(byte)
            if current.utf8.count + token.utf8.count > lineLength - 1, !(isLast && current.utf8.count + token.utf8.count <= lineLength) {
                output.append(current + "=")
                current = ""
            }
            if current.isEmpty, startsLineDangerously(bytes, at: index) {
                token = escaped(byte)
            }
            current += token
        }
        output.append(current)
        return output.joined(separator: "\r\n")
    }

    /// A `.` (which alone on a line ends `sendmail`'s input) or the `F` of `From ` (which mbox files rewrite).
    private static func startsLineDangerously(_ bytes: [UInt8], at index: Int) -> Bool {
        bytes[index] == UInt8(ascii: ".") || bytes[index...].starts(with: Array("From ".utf8))
    }

    private static func literalOrEscaped(_ byte: UInt8) -> String {
        (0x20...0x7E).contains(byte) && byte != UInt8(ascii: "=") || byte == 0x09
            ? String(UnicodeScalar(byte)) : escaped(byte)
    }

    private static func escaped(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return String(decoding: [UInt8(ascii: "="), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
    }
}
