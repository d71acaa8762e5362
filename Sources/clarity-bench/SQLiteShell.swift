import Foundation

/// The `sqlite3` command-line shell: the floor's engine, and a way to look inside a store without going through our code.
struct SQLiteShell: Sendable {
    let binary: String
    let scratch: String

    /// Runs a script file (`sqlite3 -bail DATABASE < SCRIPT`), output discarded; the run is timed.
    func time(scriptFile: String, database: String) throws -> ChildRun {
        let run = try ChildProcess.run([binary, "-bail", database], input: scriptFile, scratch: scratch)
        guard run.succeeded else { throw BenchError("sqlite3 failed on \(database): \(run.errorText)") }
        return run
    }

    /// The shell's output for some SQL (or dot-commands), as text.
    func output(of script: String, database: String, options: [String] = []) throws -> String {
        let path = (scratch as NSString).appendingPathComponent("output.txt")
        try write(script, database: database, options: options, to: path)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    /// Writes the shell's output for some SQL to a file (a CSV export, say).
    func write(_ script: String, database: String, options: [String] = [], to path: String) throws {
        let scriptPath = (scratch as NSString).appendingPathComponent("query.sql")
        try script.write(toFile: scriptPath, atomically: false, encoding: .utf8)
        let run = try ChildProcess.run([binary, "-bail"] + options + [database], input: scriptPath, output: path, scratch: scratch)
        guard run.succeeded else { throw BenchError("sqlite3 failed on \(database): \(run.errorText)") }
    }

    /// A single integer the SQL selects.
    func integer(_ sql: String, database: String) throws -> Int {
        let text = try output(of: sql, database: database).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let value = Int(text) else { throw BenchError("sqlite3 answered \"\(text)\" to \(sql)") }
        return value
    }
}
