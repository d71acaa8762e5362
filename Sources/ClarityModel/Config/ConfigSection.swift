/// One table of the configuration file, read setting by setting into errors that name the key and its line.
struct ConfigSection {
    let table: TOMLTable
    let path: [String]
    let fileName: String

    /// The table as its header is written, such as `[fetch.plans]`.
    var header: String { TOMLValue.headerText(path) }

    /// A key's full name, such as `report.top_segments`.
    func name(_ key: String) -> String { (path + [key]).map(TOMLValue.keyText).joined(separator: ".") }

    /// An error placed on the line a key was written on.
    func error(_ key: String, _ message: String, hint: String? = nil) -> ConfigError {
        ConfigError(fileName: fileName, line: table.line(of: key), message: message, hint: hint)
    }

    /// An error for a value of the wrong kind, with an example of the right one.
    func typeError(_ key: String, expected: String, found value: TOMLValue, example: String) -> ConfigError {
        error(key, "\(name(key)) must be \(expected), but it is \(value.kind)", hint: "write it as \(example)")
    }

    /// Refuses keys the configuration does not know, so that a misspelt setting cannot pass silently.
    func requireKnownKeys(_ known: [String], suggesting tables: [(table: String, keys: [String])] = []) throws(ConfigError) {
        for key in table.keys where !known.contains(key) {
            let isTable: Bool
            if case .table? = table[key] { isTable = true } else { isTable = false }
            let quotedKey = "\"\(key)\""
            if path.isEmpty {
                let list = known.map { "[\($0)]" }.joined(separator: ", ")
                guard !isTable else { throw error(key, "unknown table [\(TOMLValue.keyText(key))]", hint: "known tables are \(list)") }
                let home = tables.first { $0.keys.contains(key) }.map { "put it under [\($0.table)]" } ?? "known tables are \(list)"
                throw error(key, "\(quotedKey) must be inside a table", hint: home)
            }
            let list = known.joined(separator: ", ")
            if isTable { throw error(key, "unknown table [\(name(key))]", hint: "\(header) knows \(list)") }
            throw error(key, "unknown key \(quotedKey) in \(header)", hint: "known keys are \(list)")
        }
    }

    /// The subtable under a key, empty when the file leaves it out.
    func section(_ key: String) throws(ConfigError) -> ConfigSection {
        switch table[key] {
        case nil:
            return ConfigSection(table: TOMLTable(), path: path + [key], fileName: fileName)
        case .table(let subtable)?:
            return ConfigSection(table: subtable, path: path + [key], fileName: fileName)
        case let value?:
            throw typeError(key, expected: "a table", found: value, example: "a [\(name(key))] section")
        }
    }

    /// An integer within a range, or the default when the key is left out.
    func integer(_ key: String, default fallback: Int, in range: ClosedRange<Int>) throws(ConfigError) -> Int {
        guard let value = table[key] else { return fallback }
        guard case .integer(let number) = value else {
            throw typeError(key, expected: "an integer", found: value, example: "\(TOMLValue.keyText(key)) = \(fallback)")
        }
        guard range.contains(number) else {
            let bounds = range.upperBound == Int.max ? "at least \(range.lowerBound)" : "from \(range.lowerBound) to \(range.upperBound)"
            throw error(key, "\(name(key)) is \(number), but must be \(bounds)", hint: "the default is \(fallback)")
        }
        return number
    }

    /// A number that may be written as a float or an integer, valid when `isValid` holds as `rule` says.
    func double(_ key: String, default fallback: Double, rule: String, isValid: (Double) -> Bool) throws(ConfigError) -> Double {
        let number: Double
        switch table[key] {
        case nil: return fallback
        case .float(let float)?: number = float
        case .integer(let integer)?: number = Double(integer)
        case let value?:
            throw typeError(key, expected: "a number", found: value, example: "\(TOMLValue.keyText(key)) = \(fallback)")
        }
        guard isValid(number) else {
            throw error(key, "\(name(key)) is \(number), but must be \(rule)", hint: "the default is \(fallback)")
        }
        return number
    }

    /// A string, or the default when the key is left out.
    func string(_ key: String, default fallback: String) throws(ConfigError) -> String {
        guard let value = table[key] else { return fallback }
        guard case .string(let text) = value else {
            throw typeError(key, expected: "a string", found: value, example: "\(TOMLValue.keyText(key)) = \(TOMLValue.basicString(fallback))")
        }
        return text
    }

    /// A string that goes into an email header, so on one line.
    func headerString(_ key: String, default fallback: String) throws(ConfigError) -> String {
        let text = try string(key, default: fallback)
        try requireOneLine(text, key: key, what: name(key))
        return text
    }

    /// An array of strings, or the default when the key is left out.
    func strings(_ key: String, default fallback: [String]) throws(ConfigError) -> [String] {
        guard let value = table[key] else { return fallback }
        let example = "\(TOMLValue.keyText(key)) = [\"first\", \"second\"]"
        guard case .array(let elements) = value else {
            throw typeError(key, expected: "an array of strings", found: value, example: example)
        }
        var texts: [String] = []
        for (offset, element) in elements.enumerated() {
            guard case .string(let text) = element else {
                throw error(key, "element \(offset + 1) of \(name(key)) must be a string, but it is \(element.kind)", hint: "write it as \(example)")
            }
            texts.append(text)
        }
        return texts
    }

    /// Refuses text with a CR or LF, which in an email header would start a header of its own.
    func requireOneLine(_ text: String, key: String, what: String) throws(ConfigError) {
        guard !text.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else {
            throw error(key, "\(what) contains a line break (CR or LF), which would break the email header", hint: "write it on one line")
        }
    }
}
