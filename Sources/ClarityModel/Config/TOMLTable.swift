/// A TOML table: its keys in the order they were written, each with a value and the line it was written on.
public struct TOMLTable: Sendable, Equatable {
    /// How a table came to exist, which decides whether a later `[header]` may still define or extend it.
    enum Definition: Sendable {
        case implicit, header, inline
    }

    /// The keys in the order they were first written.
    public private(set) var keys: [String] = []
    private var values: [String: TOMLValue] = [:]
    private var lines: [String: Int] = [:]
    var definition = Definition.implicit

    public init() {}

    public subscript(key: String) -> TOMLValue? { values[key] }

    /// The line (from 1) a key was written on, nil for a table built in code.
    public func line(of key: String) -> Int? { lines[key] }

    /// Sets a key's value; a nil line keeps the line already recorded for the key.
    public mutating func set(_ value: TOMLValue, for key: String, line: Int? = nil) {
        if values.updateValue(value, forKey: key) == nil { keys.append(key) }
        if let line { lines[key] = line }
    }

    /// Two tables are equal when they hold the same keys and values, whatever their order and lines.
    public static func == (lhs: TOMLTable, rhs: TOMLTable) -> Bool { lhs.values == rhs.values }
}
