/// A parsed TOML file: its top-level table and the file name its errors are reported against.
public struct TOMLDocument: Sendable, Equatable {
    /// The name errors are reported against when none is given.
    public static let defaultFileName = "clarity-report.toml"

    public var fileName: String
    public var root: TOMLTable

    public init(root: TOMLTable = TOMLTable(), fileName: String = Self.defaultFileName) {
        self.root = root
        self.fileName = fileName
    }

    /// Parses TOML text, throwing the first error found with its line and column.
    public init(parsing text: String, fileName: String = Self.defaultFileName) throws(ConfigError) {
        var parser = TOMLParser(text: text, fileName: fileName)
        self.init(root: try parser.parseDocument(), fileName: fileName)
    }

    /// The document written as TOML, keys in table order, each nested table under its own `[header]`.
    public var text: String {
        var lines: [String] = []
        Self.write(root, path: [], into: &lines)
        return lines.map { $0 + "\n" }.joined()
    }

    /// The longest `key = [...]` line written on one line; longer arrays get one element per line.
    private static let lineWidth = 100

    private static func write(_ table: TOMLTable, path: [String], into lines: inout [String]) {
        var subtables: [(key: String, table: TOMLTable)] = []
        for key in table.keys {
            guard let value = table[key] else { continue }
            if case .table(let subtable) = value {
                subtables.append((key, subtable))
                continue
            }
            let line = TOMLValue.keyText(key) + " = " + value.tomlText
            if case .array(let elements) = value, line.count > lineWidth {
                lines.append(TOMLValue.keyText(key) + " = [")
                lines += elements.map { "    " + $0.tomlText + "," }
                lines.append("]")
            } else {
                lines.append(line)
            }
        }
        for (key, subtable) in subtables {
            let subpath = path + [key]
            if !lines.isEmpty { lines.append("") }
            lines.append(TOMLValue.headerText(subpath))
            write(subtable, path: subpath, into: &lines)
        }
    }
}
