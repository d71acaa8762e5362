import ClarityModel
import Testing

/// Response text quoted in errors and warnings is printed on the ingesting person's terminal: it must not drive it.
@Suite struct ExportParserMessageTests {
    @Test(arguments: [
        #"[{"metricName": "Traffic\u001b[2J\u001b[31m", "information": []}]"#,
        #"[{"metricName": "Traffic", "information": [{"totalSessionCount": "1", "\u001b]0;owned\u0007": "x"}]}]"#,
        #"[{"metricName": "Traffic", "information": [{"totalSessionCount": "\u001b[31m12\u202e"}]}]"#,
        #"[{"metricName": "ScrollDepth", "information": [{"averageScrollDepth": "\r\nERROR: fake"}]}]"#,
        #"[{"metricName": "Traffic", "information": [{"totalSessionCount": "1", "Device": "\u001b[1mPC"}, {"totalSessionCount": "1", "Device": "\u001b[1mPC"}]}]"#,
        #"[{"a\u001b[2J" 1}]"#,
        "[\"\\\u{1B}\"]",
    ])
    func hostileTextInMessagesIsShownEscaped(json: String) {
        let bytes = Array(json.utf8)
        switch Result(catching: { () throws(ExportFormatError) in try ExportParser.parse(bytes) }) {
        case .success(let response):
            #expect(!response.warnings.isEmpty)
            for warning in response.warnings {
                #expect(Self.printsSafely(warning.description), "\(warning.description.debugDescription)")
            }
        case .failure(let error):
            #expect(Self.printsSafely(error.description), "\(error.description.debugDescription)")
        }
    }

    /// True when the text holds no control character (which could move a terminal's cursor or recolour it) and no
    /// bidirectional override (which could reorder what the reader sees).
    static func printsSafely(_ text: String) -> Bool {
        !text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
    }
}
