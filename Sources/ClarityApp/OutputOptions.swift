import ArgumentParser
import Foundation

/// `--out` of the commands that write one file, and the one step that writes it there or to standard output.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
    var out: String?

    /// Writes text to `--out` (beside it, then renamed over it), else to standard output ending with one line break
    /// unless `exact`.
    func emit(_ text: String, exact: Bool = false) throws {
        if let out {
            try OutputFile.write(text, to: out)
        } else {
            Console.out(text, terminator: exact || text.hasSuffix("\n") ? "" : "\n")
        }
    }

    /// Writes bytes (a PDF, a raw response) to `--out`, else to standard output as they are.
    func emit(_ bytes: [UInt8]) throws {
        if let out {
            try OutputFile.write(bytes, to: out)
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}

/// The formats a report command writes, the first-listed being its default.
protocol ReportFormat: ExpressibleByArgument, CaseIterable, Sendable {
    /// The `--format` help: what each format is.
    static var help: String { get }
    static var standard: Self { get }
}

/// `--format` of a report command.
struct FormatOptions<Format: ReportFormat>: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Format.help))
    var format: Format = Format.standard
}
