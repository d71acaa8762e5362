import Foundation

/// Writes a line to standard output unbuffered, so progress shows as it happens even when the output goes to a file.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
