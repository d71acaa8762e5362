import ClarityModel
import MCP

/// The MCP error a tool answers bad arguments with: the tool, what was wrong, and what is valid.
enum ToolFailure {
    static func invalid(_ tool: String, _ message: String) -> MCPError {
        .invalidParams("\(tool): \(message)")
    }

    /// Text the caller sent (or the store holds), quoted so that an error message cannot carry control characters.
    static func quoted(_ text: String) -> String {
        "\"" + MessageText.escaped(text, limit: 200) + "\""
    }
}
