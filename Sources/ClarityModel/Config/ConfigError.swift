/// Why the configuration file could not be used: where, what was wrong, and what to do about it.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var fileName: String
    /// The line (from 1) the problem is on, nil when it has no place in the file.
    public var line: Int?
    /// The column (from 1, in Unicode scalars) where the problem starts, when it is useful.
    public var column: Int?
    /// What was wrong.
    public var message: String
    /// What to do about it.
    public var hint: String?

    public init(fileName: String, line: Int?, column: Int? = nil, message: String, hint: String? = nil) {
        self.fileName = fileName
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// The error as compilers write it: `clarity-report.toml:12:18: message; hint`.
    public var description: String {
        var location = fileName
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        let text = "\(location): \(message)"
        guard let hint else { return text }
        return "\(text); \(hint)"
    }
}
