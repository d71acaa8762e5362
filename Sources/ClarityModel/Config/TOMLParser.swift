/// Reads the TOML a configuration file needs into tables, stopping at the first error with its line and column.
struct TOMLParser {
    /// A place in the text as a person reads it.
    private struct Position {
        var line: Int
        var column: Int
    }

    private let scalars: [Unicode.Scalar]
    private let fileName: String
    private var index = 0
    private var line = 1
    private var lineStart = 0

    init(text: String, fileName: String) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        self.scalars = scalars
        self.fileName = fileName
    }

    mutating func parseDocument() throws(ConfigError) -> TOMLTable {
        var root = TOMLTable()
        var tablePath: [String] = []
        while index < scalars.count {
            skipSpaces()
            switch peek() {
            case nil, "#", "\n", "\r":
                try finishLine(after: "the comment")
            case "[":
                tablePath = try parseHeader(into: &root)
                try finishLine(after: "the table header \(TOMLValue.headerText(tablePath))")
            default:
                let entry = try parseKeyValue()
                try insert(entry.value, for: entry.key, line: entry.line, at: tablePath[...], in: &root, tablePath: tablePath)
                try finishLine(after: "the value of \"\(entry.key)\"")
            }
        }
        return root
    }

    // MARK: Lines

    private var position: Position { Position(line: line, column: index - lineStart + 1) }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func skipSpaces() {
        while peek() == " " || peek() == "\t" { index += 1 }
    }

    /// Consumes a line break, `\n` or `\r\n`, returning whether there was one.
    private mutating func consumeNewline() throws(ConfigError) -> Bool {
        switch peek() {
        case "\n":
            index += 1
        case "\r":
            guard peek(1) == "\n" else { throw error("carriage return without a line feed", hint: "save the file with LF or CRLF line endings") }
            index += 2
        default:
            return false
        }
        line += 1
        lineStart = index
        return true
    }

    private mutating func skipComment() throws(ConfigError) {
        guard peek() == "#" else { return }
        while let scalar = peek(), scalar != "\n", scalar != "\r" {
            guard !Self.isControl(scalar) else { throw error("control character \(Self.describe(scalar)) in a comment", hint: "remove it") }
            index += 1
        }
    }

    /// Skips spaces, comments and line breaks, as allowed between the elements of an array.
    private mutating func skipBlankSpace() throws(ConfigError) {
        while true {
            skipSpaces()
            try skipComment()
            guard try consumeNewline() else { return }
        }
    }

    private mutating func finishLine(after context: String) throws(ConfigError) {
        skipSpaces()
        try skipComment()
        guard let scalar = peek(), try !consumeNewline() else { return }
        throw error("unexpected \(Self.describe(scalar)) after \(context)", hint: "write one key = value per line and start comments with #")
    }

    // MARK: Tables and keys

    private mutating func parseHeader(into root: inout TOMLTable) throws(ConfigError) -> [String] {
        let start = position
        index += 1
        if peek() == "[" { throw error("arrays of tables ([[...]]) are not supported", hint: "use a [table] section", at: start) }
        skipSpaces()
        var path = [try parseKey()]
        skipSpaces()
        while peek() == "." {
            index += 1
            skipSpaces()
            path.append(try parseKey())
            skipSpaces()
        }
        guard peek() == "]" else { throw error("expected ']' to close the table header", hint: "write the header as [name] or [name.subname]") }
        index += 1
        try define(path[...], in: &root, header: path, at: start)
        return path
    }

    private mutating func parseKey() throws(ConfigError) -> String {
        switch peek() {
        case let quote? where quote == "\"" || quote == "'":
            return try parseString(quote: quote)
        default:
            let begin = index
            while let scalar = peek(), TOMLValue.isBareKeyScalar(scalar) { index += 1 }
            guard index > begin else {
                throw error("expected a key, found \(Self.describe(peek()))", hint: "keys are made of letters, digits, '_' and '-', or quoted")
            }
            return String(String.UnicodeScalarView(scalars[begin..<index]))
        }
    }

    private mutating func parseKeyValue() throws(ConfigError) -> (key: String, value: TOMLValue, line: Int) {
        let keyLine = line
        let key = try parseKey()
        skipSpaces()
        if peek() == "." {
            throw error(
                "dotted keys such as \(TOMLValue.keyText(key)).… are not supported", hint: "put the key under a [\(TOMLValue.keyText(key))] header")
        }
        guard peek() == "=" else { throw error("expected '=' after key \"\(key)\"", hint: "write \(TOMLValue.keyText(key)) = value") }
        index += 1
        skipSpaces()
        return (key, try parseValue(for: key), keyLine)
    }

    /// Defines the table a `[header]` names, creating the tables on its path as needed.
    private func define(_ path: ArraySlice<String>, in table: inout TOMLTable, header: [String], at start: Position) throws(ConfigError) {
        guard let key = path.first else { return }
        let name = TOMLValue.headerText(header)
        var child = TOMLTable()
        switch table[key] {
        case nil:
            break
        case .table(let existing)?:
            guard existing.definition != .inline else {
                throw error(
                    "\(name) extends \"\(key)\", an inline table written at line \(table.line(of: key) ?? 0)",
                    hint: "write \"\(key)\" as a [table] section instead", at: start)
            }
            guard path.count > 1 || existing.definition == .implicit else {
                throw error(
                    "table \(name) is defined twice; it was first defined at line \(table.line(of: key) ?? 0)",
                    hint: "merge the two sections into one", at: start)
            }
            child = existing
        case let value?:
            throw error(
                "\(name) redefines \"\(key)\", which line \(table.line(of: key) ?? 0) set to \(value.kind)",
                hint: "rename the table or remove the key", at: start)
        }
        if path.count == 1 {
            child.definition = .header
            table.set(.table(child), for: key, line: start.line)
        } else {
            try define(path.dropFirst(), in: &child, header: header, at: start)
            table.set(.table(child), for: key, line: table.line(of: key) == nil ? start.line : nil)
        }
    }

    /// Adds a key to the table at a path, which `define` has already made.
    private func insert(
        _ value: TOMLValue, for key: String, line: Int, at path: ArraySlice<String>,
        in table: inout TOMLTable, tablePath: [String]
    ) throws(ConfigError) {
        if let first = path.first, case .table(var child)? = table[first] {
            try insert(value, for: key, line: line, at: path.dropFirst(), in: &child, tablePath: tablePath)
            table.set(.table(child), for: first)
            return
        }
        if let earlier = table.line(of: key) {
            let place = tablePath.isEmpty ? "at the top of the file" : "in \(TOMLValue.headerText(tablePath))"
            throw ConfigError(
                fileName: fileName, line: line, message: "duplicate key \"\(key)\" \(place); it was first set at line \(earlier)",
                hint: "keep only one of them")
        }
        table.set(value, for: key, line: line)
    }

    // MARK: Values

    private mutating func parseValue(for key: String) throws(ConfigError) -> TOMLValue {
        switch peek() {
        case let quote? where quote == "\"" || quote == "'": return .string(try parseString(quote: quote))
        case "[": return try parseArray(for: key)
        case "{": return .table(try parseInlineTable(for: key))
        default: return try parseBareValue(for: key)
        }
    }

    private mutating func parseArray(for key: String) throws(ConfigError) -> TOMLValue {
        let start = position
        index += 1
        var elements: [TOMLValue] = []
        while true {
            try skipBlankSpace()
            if peek() == "]" {
                index += 1
                return .array(elements)
            }
            guard peek() != nil else { throw error("the array of \"\(key)\" is not closed", hint: "add ']' at its end", at: start) }
            elements.append(try parseValue(for: key))
            try skipBlankSpace()
            switch peek() {
            case ",":
                index += 1
            case "]":
                index += 1
                return .array(elements)
            case nil:
                throw error("the array of \"\(key)\" is not closed", hint: "add ']' at its end", at: start)
            case let scalar?:
                throw error(
                    "expected ',' or ']' in the array of \"\(key)\", found \(Self.describe(scalar))", hint: "separate the elements with commas")
            }
        }
    }

    private mutating func parseInlineTable(for key: String) throws(ConfigError) -> TOMLTable {
        index += 1
        var table = TOMLTable()
        table.definition = .inline
        skipSpaces()
        if peek() == "}" {
            index += 1
            return table
        }
        while true {
            skipSpaces()
            let entry = try parseKeyValue()
            guard table[entry.key] == nil else {
                throw error("duplicate key \"\(entry.key)\" in the inline table of \"\(key)\"", hint: "keep only one of them")
            }
            table.set(entry.value, for: entry.key, line: entry.line)
            skipSpaces()
            switch peek() {
            case ",":
                index += 1
            case "}":
                index += 1
                return table
            default:
                throw error(
                    "expected ',' or '}' in the inline table of \"\(key)\", found \(Self.describe(peek()))",
                    hint: "an inline table is written on one line, as { a = 1, b = 2 }")
            }
        }
    }

    /// Parses a boolean or a number: everything unquoted up to the next space, comma, bracket or comment.
    private mutating func parseBareValue(for key: String) throws(ConfigError) -> TOMLValue {
        let start = position
        let begin = index
        while let scalar = peek(), !" \t,]}#\r\n".unicodeScalars.contains(scalar) { index += 1 }
        let token = String(String.UnicodeScalarView(scalars[begin..<index]))
        switch token {
        case "":
            throw error(
                "expected a value for \"\(key)\", found \(Self.describe(peek()))",
                hint: "write a quoted string, a number, true, false or an array in [ ]")
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        default:
            if let number = try number(token, at: start) { return number }
            throw error("\(token) is not a value", hint: "quote strings, as \(TOMLValue.keyText(key)) = \(TOMLValue.basicString(token))", at: start)
        }
    }

    /// A decimal integer or float, with `_` between digits; nil when the token is neither.
    private func number(_ token: String, at start: Position) throws(ConfigError) -> TOMLValue? {
        var body = Substring(token)
        var isNegative = false
        if let sign = body.first, sign == "+" || sign == "-" {
            isNegative = sign == "-"
            body = body.dropFirst()
        }
        if body == "inf" { return .float(isNegative ? -.infinity : .infinity) }
        if body == "nan" { return .float(.nan) }
        let exponentStart = body.firstIndex { $0 == "e" || $0 == "E" }
        let parts = body[..<(exponentStart ?? body.endIndex)].split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, Self.isDigits(parts[0]), parts[0].count == 1 || parts[0].first != "0" else { return nil }
        if parts.count == 2, !Self.isDigits(parts[1]) { return nil }
        if let exponentStart {
            var exponent = body[body.index(after: exponentStart)...]
            if let sign = exponent.first, sign == "+" || sign == "-" { exponent = exponent.dropFirst() }
            guard Self.isDigits(exponent) else { return nil }
        }
        let plain = (isNegative ? "-" : "") + body.filter { $0 != "_" }
        guard parts.count == 1, exponentStart == nil else { return Double(plain).map(TOMLValue.float) }
        guard let integer = Int(plain) else {
            throw error("\(token) does not fit in a 64-bit integer", hint: "use a smaller number", at: start)
        }
        return .integer(integer)
    }

    /// Whether text is decimal digits with single underscores between them.
    private static func isDigits(_ text: Substring) -> Bool {
        guard let first = text.first, let last = text.last, first.isASCIIDigit, last.isASCIIDigit else { return false }
        return !text.contains("__") && text.allSatisfy { $0 == "_" || $0.isASCIIDigit }
    }

    // MARK: Strings

    /// Parses a one-line string: a basic string between `"` with escapes, or a literal string between `'` without.
    private mutating func parseString(quote: Unicode.Scalar) throws(ConfigError) -> String {
        let start = position
        if peek(1) == quote, peek(2) == quote {
            throw error(
                "multi-line strings (\(quote)\(quote)\(quote)) are not supported",
                hint: "write the string on one line" + (quote == "\"" ? ", with \\n for line breaks" : ""), at: start)
        }
        index += 1
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = peek(), scalar != "\n", scalar != "\r" else {
                throw error("the string is not closed on its line", hint: "add the closing \(quote)", at: start)
            }
            guard !Self.isControl(scalar) else {
                throw error("control character \(Self.describe(scalar)) in a string", hint: "write it as an escape such as \"\\u0001\"")
            }
            index += 1
            if scalar == quote { return String(text) }
            text.append(quote == "\"" && scalar == "\\" ? try parseEscape() : scalar)
        }
    }

    /// Parses the escape after a backslash in a basic string.
    private mutating func parseEscape() throws(ConfigError) -> Unicode.Scalar {
        let start = Position(line: line, column: index - lineStart)
        let valid = "valid escapes are \\\" \\\\ \\n \\t \\r \\b \\f \\uXXXX and \\UXXXXXXXX"
        guard let scalar = peek(), scalar != "\n", scalar != "\r" else {
            throw error("a backslash ends the line inside a string", hint: valid, at: start)
        }
        index += 1
        switch scalar {
        case "\"": return "\""
        case "\\": return "\\"
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "b": return "\u{8}"
        case "f": return "\u{C}"
        case "u", "U":
            let count = scalar == "u" ? 4 : 8
            var value: UInt32 = 0
            for _ in 0..<count {
                guard let digit = peek(), digit.isASCII, let digitValue = Character(digit).hexDigitValue else {
                    throw error("\\\(scalar) must be followed by \(count) hexadecimal digits", hint: valid, at: start)
                }
                value = value * 16 + UInt32(digitValue)
                index += 1
            }
            guard let decoded = Unicode.Scalar(value) else {
                throw error(
                    "\\\(scalar)\(TOMLValue.hexDigits(value)) is not a Unicode scalar value",
                    hint: "surrogates and values above 10FFFF cannot be written", at: start)
            }
            return decoded
        default:
            throw error("unknown escape \\\(scalar)", hint: valid, at: start)
        }
    }

    // MARK: Errors

    /// Control characters other than tab, which TOML allows in strings and comments only as escapes.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F
    }

    private static func describe(_ scalar: Unicode.Scalar?) -> String {
        guard let scalar else { return "the end of the file" }
        switch scalar {
        case "\n", "\r": return "the end of the line"
        case _ where isControl(scalar): return "U+" + TOMLValue.hexDigits(scalar.value)
        case "'": return "\"'\""
        default: return "'\(scalar)'"
        }
    }

    private func error(_ message: String, hint: String? = nil, at place: Position? = nil) -> ConfigError {
        let place = place ?? position
        return ConfigError(fileName: fileName, line: place.line, column: place.column, message: message, hint: hint)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
