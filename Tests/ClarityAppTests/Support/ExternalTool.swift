import ClarityProcess
import Foundation

/// A program other than clarity-report (fc-match, pdfinfo, …), run to read what it prints on standard output.
enum ExternalTool {
    static func output(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> String {
        try ExternalProgram.run(executable, arguments, environment: ProcessInfo.processInfo.environment.merging(environment) { $1 }).standardOutput
    }
}
