import ClarityModel
import ClarityTestSupport
import Foundation
import Testing

/// Mutation fuzzing of the export parser over the shared samples: whatever the bytes, it returns a response or throws an
/// `ExportFormatError` with a position inside the input, in bounded time, and its messages print safely on a terminal.
/// `scripts/fuzz-export-parser.sh` runs the same parser under libFuzzer for longer.
@Suite struct ExportParserFuzzTests {
    static let samples: [[UInt8]] = (try? Samples.all()) ?? []

    /// The seed of the mutation schedule; every failure names its input's index, which replays with the same seed.
    static let seed: UInt64 = 0xF022_2026
    static let inputs = 5_000
    /// Generous for an unoptimized build on a busy machine: the samples parse in a few milliseconds.
    static let timeLimit: Duration = .milliseconds(500)

    @Test func samplesParse() throws {
        #expect(Self.samples.count >= 5)
        for sample in Self.samples {
            #expect(throws: Never.self) { try ExportParser.parse(sample) }
        }
    }

    @Test func mutatedSamplesParseOrFailClearly() throws {
        var random = SplitMix64(seed: Self.seed)
        let clock = ContinuousClock()
        var outcomes: [String: Int] = [:]
        var slowest: Duration = .zero
        for index in 0..<Self.inputs {
            let (mutation, input) = Mutator.mutate(Self.samples, using: &random)
            let started = clock.now
            let result = Result { () throws(ExportFormatError) in try ExportParser.parse(input) }
            let elapsed = clock.now - started
            slowest = max(slowest, elapsed)
            #expect(elapsed < Self.timeLimit, "input \(index) (\(mutation)) took \(elapsed)")
            switch result {
            case .success(let response):
                outcomes["parsed", default: 0] += 1
                for warning in response.warnings {
                    #expect(
                        ExportParserMessageTests.printsSafely(warning.description),
                        "input \(index) (\(mutation)): warning \(warning.description.debugDescription)")
                }
            case .failure(let error):
                outcomes[error.path == nil ? "syntax error" : "shape error", default: 0] += 1
                let problems = Self.problems(with: error, in: input)
                #expect(problems.isEmpty, "input \(index) (\(mutation)): \(problems) in \(error.description.prefix(300).debugDescription)")
            }
        }
        print("fuzz: \(Self.inputs) mutated inputs, seed \(Self.seed), slowest parse \(slowest): \(outcomes.sorted { $0.key < $1.key })")
        #expect(outcomes["parsed", default: 0] > 0 && outcomes["syntax error", default: 0] > 0 && outcomes["shape error", default: 0] > 0)
    }

    /// What is wrong with an error: a position outside the input, an empty or unprintable message.
    static func problems(with error: ExportFormatError, in input: [UInt8]) -> [String] {
        var problems: [String] = []
        let lines = input.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if error.position.line < 1 || error.position.line > lines.count {
            problems.append("line \(error.position.line) outside 1...\(lines.count)")
        } else if error.position.column < 1 || error.position.column > lines[error.position.line - 1].count + 1 {
            problems.append("column \(error.position.column) outside line \(error.position.line)")
        }
        if error.message.isEmpty { problems.append("empty message") }
        if let path = error.path, !path.hasPrefix("$") { problems.append("path \(path) does not start at $") }
        if !error.description.contains("line \(error.position.line), column \(error.position.column)") { problems.append("no position in the text") }
        if !ExportParserMessageTests.printsSafely(error.description) { problems.append("control or bidi characters in the message") }
        return problems
    }
}

/// Mutations of JSON bytes: bit flips, interesting bytes, truncations, splices, duplicated and deleted chunks, deep
/// nesting, replaced values and invalid UTF-8.
enum Mutator {
    static let interestingBytes: [UInt8] =
        Array("{}[]\",:\\-+.eE0123456789tfnu \n\t".utf8) + [0x00, 0x1B, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xF8, 0xFF]
    static let replacementValues = [
        "null", "true", "[]", "{}", "-1", "1e999", "-0", "0.5", "1e-400", "123456789012345678901234567890", "\"\"", "\" 12 \"", "\"1e3\"",
        "\"NaN\"", "\"inf\"", "\"-5\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "100.0001", "101", "\"\\u001b[31m\"",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        String(repeating: "9", count: 400), "\"" + String(repeating: "x", count: 20_000) + "\"",
    ]
    static let keys = ["\"metricName\"", "\"information\"", "\"Device\"", "\"Url\"", "\"sessionsCount\"", "\"name\"", "\"\u{1B}[2J\""]

    static func mutate(_ samples: [[UInt8]], using random: inout SplitMix64) -> (String, [UInt8]) {
        var bytes = samples[Int(random.next() % UInt64(samples.count))]
        let rounds = 1 + Int(random.next() % 3)
        var names: [String] = []
        for _ in 0..<rounds {
            let name: String
            (name, bytes) = once(bytes, samples, using: &random)
            names.append(name)
        }
        return (names.joined(separator: "+"), bytes)
    }

    private static func once(_ input: [UInt8], _ samples: [[UInt8]], using random: inout SplitMix64) -> (String, [UInt8]) {
        var bytes = input
        guard !bytes.isEmpty else { return ("empty", bytes) }
        func position() -> Int { Int(random.next() % UInt64(bytes.count)) }
        switch random.next() % 10 {
        case 0:
            for _ in 0...(random.next() % 8) { bytes[position()] ^= 1 << UInt8(random.next() % 8) }
            return ("bit flips", bytes)
        case 1:
            bytes[position()] = interestingBytes[Int(random.next() % UInt64(interestingBytes.count))]
            return ("interesting byte", bytes)
        case 2:
            return ("truncation", Array(bytes.prefix(position())))
        case 3:
            let other = samples[Int(random.next() % UInt64(samples.count))]
            let cut = Int(random.next() % UInt64(max(other.count, 1)))
            return ("splice", Array(bytes.prefix(position())) + Array(other.suffix(from: cut)))
        case 4:
            let start = position()
            let end = min(bytes.count, start + 1 + Int(random.next() % 200))
            bytes.insert(contentsOf: bytes[start..<end], at: position())
            return ("duplicated chunk", bytes)
        case 5:
            let start = position()
            bytes.removeSubrange(start..<min(bytes.count, start + 1 + Int(random.next() % 200)))
            return ("deleted chunk", bytes)
        case 6:
            let depth = [10, 63, 64, 65, 1_000, 100_000][Int(random.next() % 6)]
            let at = position()
            return ("nesting \(depth)", Array(bytes.prefix(at)) + Array(repeating: UInt8(ascii: "["), count: depth) + Array(bytes.suffix(from: at)))
        case 7, 8:
            // Replace the value after a random `:` with another kind of value.
            guard let colon = bytes[position()...].firstIndex(of: UInt8(ascii: ":")) else { return ("no value", bytes) }
            var end = colon + 1
            while end < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]")].contains(bytes[end]) { end += 1 }
            let value = replacementValues[Int(random.next() % UInt64(replacementValues.count))]
            bytes.replaceSubrange((colon + 1)..<end, with: Array((" " + value).utf8))
            return ("value \(value.prefix(12))", bytes)
        default:
            // Replace a key, or put invalid UTF-8 inside a string.
            guard let quote = bytes[position()...].firstIndex(of: UInt8(ascii: "\"")) else { return ("no string", bytes) }
            if random.next() % 2 == 0 {
                let key = keys[Int(random.next() % UInt64(keys.count))]
                bytes.insert(contentsOf: Array(key.utf8) + Array(": 1, ".utf8), at: quote)
                return ("key \(key)", bytes)
            }
            let invalid: [[UInt8]] = [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE6, 0xBC], [0xFF], [0x80]]
            bytes.insert(contentsOf: invalid[Int(random.next() % UInt64(invalid.count))], at: quote + 1)
            return ("invalid UTF-8", bytes)
        }
    }
}
