import ClarityModel
import PropertyBased
import Testing

/// The value of `key` in a one-line document `key = <text>`.
private func value(_ text: String) throws -> TOMLValue? {
    try TOMLDocument(parsing: "key = \(text)\n").root["key"]
}

/// The error a document fails with, nil when it parses.
private func parseError(_ text: String) -> ConfigError? {
    do {
        _ = try TOMLDocument(parsing: text)
        return nil
    } catch {
        return error
    }
}

@Suite struct TOMLDocumentTests {
    @Test func readsStrings() throws {
        #expect(try value(#""plain""#) == .string("plain"))
        #expect(try value(#""q\"b\\n\nt\tr\rb\bf\f""#) == .string("q\"b\\n\nt\tr\rb\u{8}f\u{C}"))
        #expect(try value(#""\u00E9\U0001F600""#) == .string("é😀"))
        #expect(try value(#"'C:\path\no escapes'"#) == .string(#"C:\path\no escapes"#))
        #expect(try value(#""""#) == .string(""))
        #expect(try value("\"a # not a comment\"") == .string("a # not a comment"))
        #expect(try value("\"tab\there\"") == .string("tab\there"))
    }

    @Test func readsIntegers() throws {
        #expect(try value("42") == .integer(42))
        #expect(try value("+17") == .integer(17))
        #expect(try value("-5") == .integer(-5))
        #expect(try value("0") == .integer(0))
        #expect(try value("1_000_000") == .integer(1_000_000))
        #expect(try value("9223372036854775807") == .integer(Int.max))
        #expect(try value("-9223372036854775808") == .integer(Int.min))
    }

    @Test func readsFloats() throws {
        #expect(try value("0.05") == .float(0.05))
        #expect(try value("-3.5") == .float(-3.5))
        #expect(try value("+1.0") == .float(1))
        #expect(try value("5e-2") == .float(0.05))
        #expect(try value("1E3") == .float(1000))
        #expect(try value("6.25e+1") == .float(62.5))
        #expect(try value("1_000.5") == .float(1000.5))
        #expect(try value("1e06") == .float(1_000_000))
        #expect(try value("inf") == .float(.infinity))
        #expect(try value("-inf") == .float(-.infinity))
        guard case .float(let notANumber)? = try value("nan") else {
            Issue.record("nan is not a float")
            return
        }
        #expect(notANumber.isNaN)
    }

    @Test func readsBooleans() throws {
        #expect(try value("true") == .boolean(true))
        #expect(try value("false") == .boolean(false))
    }

    @Test func readsArraysOverSeveralLines() throws {
        let document = try TOMLDocument(
            parsing: """
                empty = []
                numbers = [1, 2, 3]
                nested = [[1, 2], ["a"]]
                requests = [
                    "",        # site totals
                    "Device",
                    # a comment line inside the array
                    "Source+Medium",
                ]
                after = true
                """)
        #expect(document.root["empty"] == .array([]))
        #expect(document.root["numbers"] == .array([.integer(1), .integer(2), .integer(3)]))
        #expect(document.root["nested"] == .array([.array([.integer(1), .integer(2)]), .array([.string("a")])]))
        #expect(document.root["requests"] == .array([.string(""), .string("Device"), .string("Source+Medium")]))
        #expect(document.root["after"] == .boolean(true))
        #expect(document.root.line(of: "after") == 10)
    }

    @Test func readsInlineTables() throws {
        let document = try TOMLDocument(parsing: #"point = { x = 1, "y z" = 'two', inner = { ok = true } }"#)
        var inner = TOMLTable()
        inner.set(.boolean(true), for: "ok")
        var point = TOMLTable()
        point.set(.integer(1), for: "x")
        point.set(.string("two"), for: "y z")
        point.set(.table(inner), for: "inner")
        #expect(document.root["point"] == .table(point))
        #expect(try value("{}") == .table(TOMLTable()))
    }

    @Test func readsTablesCommentsAndKeys() throws {
        let document = try TOMLDocument(
            parsing: """
                # A comment line.

                top = 1 # a comment after a value
                [report]
                  minimum_sessions = 100
                "quoted key" = "q"
                'literal key' = "l"
                [ fetch . plans ]
                weekly = [""]
                [fetch]
                plan = "weekly"
                """)
        #expect(document.root.keys == ["top", "report", "fetch"])
        guard case .table(let report)? = document.root["report"], case .table(let fetch)? = document.root["fetch"],
            case .table(let plans)? = fetch["plans"]
        else {
            Issue.record("tables missing: \(document.root)")
            return
        }
        #expect(report.keys == ["minimum_sessions", "quoted key", "literal key"])
        #expect(report["minimum_sessions"] == .integer(100))
        #expect(report.line(of: "minimum_sessions") == 5)
        #expect(plans["weekly"] == .array([.string("")]))
        #expect(fetch["plan"] == .string("weekly"))
        #expect(document.root.line(of: "report") == 4)
        #expect(document.root.line(of: "fetch") == 10)
    }

    @Test func acceptsCRLFLineEndingsAndAByteOrderMark() throws {
        let document = try TOMLDocument(parsing: "\u{FEFF}[project]\r\nname = \"x\"\r\nsite = 's'\r\n")
        guard case .table(let project)? = document.root["project"] else {
            Issue.record("no [project]")
            return
        }
        #expect(project["name"] == .string("x"))
        #expect(project.line(of: "site") == 3)
    }

    @Test func emptyTextIsAnEmptyDocument() throws {
        #expect(try TOMLDocument(parsing: "").root.keys.isEmpty)
        #expect(try TOMLDocument(parsing: "\n\n   # only comments\n\t\n").root.keys.isEmpty)
    }

    @Test(
        arguments: [
            ("a = 1\nminimum_sessions 100\n", 2, 18, #"expected '=' after key "minimum_sessions""#),
            ("[report]\na = 1\nb = 2\na = 3\n", 4, nil, #"duplicate key "a" in [report]; it was first set at line 2"#),
            ("a = 1\na = 2\n", 2, nil, #"duplicate key "a" at the top of the file"#),
            ("[a]\nx = 1\n\n[a]\n", 4, 1, "table [a] is defined twice; it was first defined at line 1"),
            ("[a.b]\n[a]\n[a.b]\n", 3, 1, "table [a.b] is defined twice"),
            ("[a]\nb = 1\n[a.b]\n", 3, 1, #"[a.b] redefines "b", which line 2 set to an integer"#),
            ("a = {x = 1}\n[a.b]\n", 2, 1, #"[a.b] extends "a", an inline table written at line 1"#),
            ("a = {x = 1}\n[a]\n", 2, 1, #"[a] extends "a""#),
            ("[a\n", 1, 3, "expected ']' to close the table header"),
            ("[[a]]\n", 1, 1, "arrays of tables ([[...]]) are not supported"),
            ("a.b = 1\n", 1, 2, "dotted keys"),
            ("= 1\n", 1, 1, "expected a key, found '='"),
            ("a =\n", 1, 4, #"expected a value for "a", found the end of the line"#),
            ("a = 1 2\n", 1, 7, #"unexpected '2' after the value of "a""#),
            ("[a] b = 1\n", 1, 5, "unexpected 'b' after the table header [a]"),
            ("name = hello\n", 1, 8, "hello is not a value"),
            ("day = 2024-01-01\n", 1, 7, "2024-01-01 is not a value"),
            ("a = 012\n", 1, 5, "012 is not a value"),
            ("a = 1__0\n", 1, 5, "1__0 is not a value"),
            ("a = _1\n", 1, 5, "_1 is not a value"),
            ("a = 1.\n", 1, 5, "1. is not a value"),
            ("a = .5\n", 1, 5, ".5 is not a value"),
            ("a = 1e\n", 1, 5, "1e is not a value"),
            ("a = 0x1F\n", 1, 5, "0x1F is not a value"),
            ("a = 99999999999999999999\n", 1, 5, "does not fit in a 64-bit integer"),
            ("\n\na = \"open\n", 3, 5, "the string is not closed on its line"),
            ("a = 'open\n", 1, 5, "the string is not closed on its line"),
            ("a = \"bad \\x escape\"\n", 1, 10, #"unknown escape \x"#),
            ("a = \"\\u12\"\n", 1, 6, "must be followed by 4 hexadecimal digits"),
            ("a = \"\\uD800\"\n", 1, 6, "is not a Unicode scalar value"),
            ("a = \"\\U00110000\"\n", 1, 6, "is not a Unicode scalar value"),
            ("a = \"bell\u{7}\"\n", 1, 10, "control character U+0007 in a string"),
            ("a = \"\"\"long\"\"\"\n", 1, 5, "multi-line strings"),
            ("a = '''long'''\n", 1, 5, "multi-line strings (''')"),
            ("a = [\n  1,\n  2\n", 1, 5, #"the array of "a" is not closed"#),
            ("a = [1\n  2]\n", 2, 3, #"expected ',' or ']' in the array of "a", found '2'"#),
            ("a = [1,,2]\n", 1, 8, #"expected a value for "a", found ','"#),
            ("a = { x = 1, x = 2 }\n", 1, 19, #"duplicate key "x" in the inline table of "a""#),
            ("a = { x = 1\n", 1, 12, #"expected ',' or '}' in the inline table of "a""#),
            ("a = 1\rb = 2\n", 1, 6, "carriage return without a line feed"),
        ] as [(String, Int, Int?, String)])
    func refusesMalformedText(text: String, line: Int, column: Int?, message: String) throws {
        let error = try #require(parseError(text))
        #expect(error.line == line)
        #expect(error.column == column)
        #expect(error.message.contains(message), "\(error)")
        #expect(error.hint != nil)
    }

    @Test func describesErrorsAsCompilersDo() throws {
        let error = try #require(parseError("[report]\nminimum_sessions 100\n"))
        #expect(
            error.description
                == #"clarity-report.toml:2:18: expected '=' after key "minimum_sessions"; write minimum_sessions = value"#)
        let withoutColumn = ConfigError(fileName: "site.toml", line: 3, message: "wrong")
        #expect(withoutColumn.description == "site.toml:3: wrong")
        #expect(ConfigError(fileName: "site.toml", line: nil, message: "wrong", hint: "fix it").description == "site.toml: wrong; fix it")
    }

    @Test func namesTheFileItWasGiven() throws {
        let error = try #require(throws: ConfigError.self) { try TOMLDocument(parsing: "a", fileName: "other.toml") }
        #expect(error.description.hasPrefix("other.toml:1:2: "))
    }

    @Test func writesTablesUnderHeadersAndLongArraysOnePerLine() throws {
        var plans = TOMLTable()
        plans.set(.array((1...12).map { .string("request \($0)") }), for: "long")
        plans.set(.array([.string("a"), .integer(2)]), for: "short")
        var fetch = TOMLTable()
        fetch.set(.table(plans), for: "plans")
        fetch.set(.float(0.05), for: "significance")
        var root = TOMLTable()
        root.set(.string("x\"y"), for: "name")
        root.set(.table(fetch), for: "fetch")
        root.set(.boolean(false), for: "odd key")
        var inline = TOMLTable()
        inline.set(.integer(1), for: "a")
        root.set(.array([.table(inline), .table(TOMLTable())]), for: "tables")
        let document = TOMLDocument(root: root)
        let expected = """
            name = "x\\"y"
            "odd key" = false
            tables = [{ a = 1 }, {}]

            [fetch]
            significance = 0.05

            [fetch.plans]
            long = [
            \((1...12).map { "    \"request \($0)\",\n" }.joined())]
            short = ["a", 2]

            """
        #expect(document.text == expected)
        #expect(try TOMLDocument(parsing: document.text) == document)
    }

    @Test func roundTripsWhatItReads() throws {
        let text = """
            title = 'literal \\ text'
            list = [ 1 , 2.5, "three", [true], {a=1} ] # mixed
            [a.b.c]
            deep = -7
            [a]
            shallow = +0.0
            [ "quoted . header" ]
            "" = "empty key"
            """
        let document = try TOMLDocument(parsing: text)
        #expect(try TOMLDocument(parsing: document.text) == document)
        #expect(try TOMLDocument(parsing: document.text).text == document.text)
    }

    // PropertyBased ignores errors thrown by a property's body, so the properties below use `try?` and compare.
    @Test func anyStringWrittenAsABasicStringReadsBack() async {
        let character = Gen<Character>.oneOf(
            Gen.ascii, Gen.ascii, Gen.unicodeScalar(in: "\u{80}"..."\u{D7FF}").map(Character.init),
            Gen.unicodeScalar(in: "\u{E000}"..."\u{10FFFF}").map(Character.init))
        await propertyCheck(count: 500, input: character.string(of: 0...40)) { text in
            let written = TOMLValue.string(text).tomlText
            #expect(!written.unicodeScalars.contains { $0 == "\n" || $0 == "\r" })
            #expect((try? value(written)) == .string(text))
        }
    }

    @Test func anyKeyWrittenReadsBack() async {
        await propertyCheck(count: 300, input: Gen.latin1.string(of: 0...20)) { key in
            let written = TOMLValue.keyText(key)
            #expect((try? TOMLDocument(parsing: "\(written) = 1"))?.root[key] == .integer(1))
            #expect((try? TOMLDocument(parsing: "[\(written)]"))?.root[key] == .table(TOMLTable()))
        }
    }
}
