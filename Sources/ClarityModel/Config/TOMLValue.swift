/// A value written in a TOML document.
public enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    case array([TOMLValue])
    case table(TOMLTable)

    /// The kind of value as error messages name it, such as "an integer".
    public var kind: String {
        switch self {
        case .string: return "a string"
        case .integer: return "an integer"
        case .float: return "a float"
        case .boolean: return "a boolean"
        case .array: return "an array"
        case .table: return "a table"
        }
    }

    /// The value written as TOML on one line: strings quoted and escaped, tables inline.
    public var tomlText: String {
        switch self {
        case .string(let text): return Self.basicString(text)
        case .integer(let number): return String(number)
        case .float(let number): return number.description
        case .boolean(let flag): return flag ? "true" : "false"
        case .array(let elements): return "[" + elements.map(\.tomlText).joined(separator: ", ") + "]"
        case .table(let table):
            guard !table.keys.isEmpty else { return "{}" }
            let entries = table.keys.compactMap { key in table[key].map { Self.keyText(key) + " = " + $0.tomlText } }
            return "{ " + entries.joined(separator: ", ") + " }"
        }
    }

    /// A key written as TOML: bare when it can be, otherwise quoted.
    public static func keyText(_ key: String) -> String {
        let isBare = !key.isEmpty && key.unicodeScalars.allSatisfy(isBareKeyScalar)
        return isBare ? key : basicString(key)
    }

    /// A table's header as TOML writes it, such as `[fetch.plans]`.
    public static func headerText(_ path: [String]) -> String {
        "[" + path.map(keyText).joined(separator: ".") + "]"
    }

    /// Whether a scalar may appear in a bare key: ASCII letters, digits, `_` and `-`.
    static func isBareKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": return true
        default: return false
        }
    }

    /// A string written as a TOML basic string, with quotes, backslashes and control characters escaped.
    static func basicString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\u{8}": result += "\\b"
            case "\u{C}": result += "\\f"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u" + hexDigits(scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A number in uppercase hexadecimal, padded to at least four digits.
    static func hexDigits(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
