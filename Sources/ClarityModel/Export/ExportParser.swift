/// Why a response could not be read: where in the JSON, and what was wrong.
public struct ExportFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A JSON path such as `$[3].information[2].sessionsCount`, nil for syntax errors.
    public var path: String?
    public var position: TextPosition
    public var message: String

    public var description: String {
        if let path { return "\(path) (\(position)): \(message)" }
        return "\(position): \(message)"
    }
}

/// Reads Data Export API responses in both the live and the documented spellings.
public enum ExportParser {
    /// Parses a response; `declared` is the dimension set the request asked for, when known.
    public static func parse(_ bytes: [UInt8], declared: DimensionSet? = nil) throws(ExportFormatError) -> ExportResponse {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw ExportFormatError(path: nil, position: TextPosition(offset: error.offset, in: bytes), message: "not valid JSON: \(error.message)")
        }
        var reader = Reader(bytes: bytes)
        return try reader.read(root, declared: declared)
    }

    private enum FieldKind {
        case count(ReadField)
        case ratio(ReadField)
        case text(ReadField)
    }

    /// The fields each metric family may carry, keyed by their folded names.
    private enum ReadField {
        case sessions, botSessions, distinctUsers, pagesPerSession
        case signalSessions, signalPercentage, signalWithoutPercentage, signalPageViews, signalEvents
        case scrollDepth, totalTime, activeTime
        case name, count
    }

    private static func fields(for metric: Metric) -> [String: FieldKind] {
        switch metric {
        case .traffic:
            return [
                "totalsessioncount": .count(.sessions),
                "totalbotsessioncount": .count(.botSessions),
                "distinctusercount": .count(.distinctUsers),
                "distantusercount": .count(.distinctUsers),
                "pagespersessionpercentage": .ratio(.pagesPerSession),
                "pagespersession": .ratio(.pagesPerSession),
            ]
        case .signal:
            return [
                "sessionscount": .count(.signalSessions),
                "sessionswithmetricpercentage": .ratio(.signalPercentage),
                "sessionswithoutmetricpercentage": .ratio(.signalWithoutPercentage),
                "pagesviews": .count(.signalPageViews),
                "pageviews": .count(.signalPageViews),
                "subtotal": .count(.signalEvents),
            ]
        case .scrollDepth:
            return ["averagescrolldepth": .ratio(.scrollDepth)]
        case .engagementTime:
            return ["totaltime": .ratio(.totalTime), "activetime": .ratio(.activeTime)]
        case .breakdown:
            return [
                "name": .text(.name), "url": .text(.name),
                "sessionscount": .count(.count), "visitscount": .count(.count),
            ]
        }
    }

    /// What a row key means for one metric, worked out once per distinct key instead of once per row.
    private enum KeyMeaning {
        case field(FieldKind)
        case dimension(Dimension)
        case unknown
    }

    private struct Reader {
        let bytes: [UInt8]
        var warnings: [ExportWarning] = []
        var warnedKeys: Set<String> = []

        init(bytes: [UInt8]) { self.bytes = bytes }

        func fail(_ path: String, _ node: JSONNode, _ message: String) -> ExportFormatError {
            ExportFormatError(path: path, position: TextPosition(offset: node.offset, in: bytes), message: message)
        }

        mutating func warnOnce(_ key: String, path: String, _ message: String) {
            if warnedKeys.insert(key).inserted {
                warnings.append(ExportWarning(path: path, message: message))
            }
        }

        mutating func read(_ root: JSONNode, declared: DimensionSet?) throws(ExportFormatError) -> ExportResponse {
            guard case .array(let elements) = root.value else {
                throw fail("$", root, "expected an array of metrics (the API's response shape), found \(root.typeName)")
            }
            var observations: [Observation] = []
            var observationIndex: [Segment: Int] = [:]
            // The last metric that filled each observation: a second row of one segment in one metric is a duplicate.
            var filledBy: [Int] = []
            var breakdowns: [BreakdownItem] = []
            var metricNames: [String] = []
            var seenMetrics: Set<Metric> = []
            var inferred: Set<Dimension> = []
            var dimensionedRowCount = 0

            for (metricIndex, element) in elements.enumerated() {
                let metricPath = "$[\(metricIndex)]"
                guard case .object(let members) = element.value else {
                    throw fail(metricPath, element, "expected a metric object with metricName and information, found \(element.typeName)")
                }
                guard let nameNode = members.first(where: { $0.key == "metricName" })?.node else {
                    throw fail(metricPath, element, "metric object has no \"metricName\"")
                }
                guard case .string(let metricName) = nameNode.value else {
                    throw fail("\(metricPath).metricName", nameNode, "expected a string, found \(nameNode.typeName)")
                }
                let informationNode = members.first(where: { $0.key == "information" })?.node
                guard let metric = Metric(name: metricName) else {
                    warnings.append(
                        ExportWarning(
                            path: metricPath,
                            message: "unknown metric \"\(MessageText.escaped(metricName, limit: 80))\": kept in the raw response, not normalized"))
                    continue
                }
                let labelledPath = "\(metricPath) (\(metric.name))"
                guard seenMetrics.insert(metric).inserted else {
                    warnings.append(ExportWarning(path: labelledPath, message: "metric appears twice; the first occurrence is used"))
                    continue
                }
                metricNames.append(metric.name)
                let rows: [JSONNode]
                switch informationNode?.value {
                case .array(let list)?: rows = list
                case .null?, nil:
                    warnings.append(ExportWarning(path: labelledPath, message: "metric has no \"information\" rows"))
                    continue
                case .some:
                    throw fail("\(labelledPath).information", informationNode!, "expected an array of rows, found \(informationNode!.typeName)")
                }
                let known = fields(for: metric)
                var meanings: [String: KeyMeaning] = [:]
                var values: [(ReadField, FieldValue)] = []
                for (rowIndex, row) in rows.enumerated() {
                    // Paths are only built for messages: a large response has hundreds of thousands of fields.
                    func rowPath() -> String { "\(labelledPath).information[\(rowIndex)]" }
                    guard case .object(let rowMembers) = row.value else {
                        throw fail(rowPath(), row, "expected a row object, found \(row.typeName)")
                    }
                    var dimensionValues: [Segment.DimensionValue] = []
                    values.removeAll(keepingCapacity: true)
                    for (key, node) in rowMembers {
                        let meaning: KeyMeaning
                        if let cached = meanings[key] {
                            meaning = cached
                        } else {
                            meaning = known[Metric.fold(key)].map(KeyMeaning.field) ?? Dimension(key: key).map(KeyMeaning.dimension) ?? .unknown
                            meanings[key] = meaning
                        }
                        func fieldPath() -> String { "\(rowPath()).\(MessageText.escaped(key, limit: 80))" }
                        switch meaning {
                        case .field(.count(let field)): values.append((field, .count(try count(node, fieldPath()))))
                        case .field(.ratio(let field)): values.append((field, .ratio(try ratio(node, fieldPath(), field: field))))
                        case .field(.text(let field)): values.append((field, .text(try text(node, fieldPath()))))
                        case .dimension(let dimension):
                            dimensionValues.append(Segment.DimensionValue(dimension, try text(node, fieldPath())))
                        case .unknown:
                            warnOnce(
                                "\(metric.name).\(key)", path: fieldPath(),
                                "unknown field \"\(MessageText.escaped(key, limit: 80))\": kept in the raw response, not normalized")
                        }
                    }
                    if case .breakdown(let list) = metric {
                        var name: String?
                        var itemCount: Int64?
                        for (field, value) in values {
                            switch (field, value) {
                            case (.name, .text(let text)): name = text
                            case (.count, .count(let number)): itemCount = number
                            default: break
                            }
                        }
                        breakdowns.append(BreakdownItem(metric: list, position: rowIndex, name: name, count: itemCount))
                        continue
                    }
                    for value in dimensionValues { inferred.insert(value.dimension) }
                    if !dimensionValues.isEmpty { dimensionedRowCount += 1 }
                    let segment = Segment(dimensionValues)
                    let index: Int
                    if let existing = observationIndex[segment] {
                        index = existing
                    } else {
                        index = observations.count
                        observationIndex[segment] = index
                        observations.append(Observation(segment: segment))
                        filledBy.append(-1)
                    }
                    guard filledBy[index] != metricIndex else {
                        warnOnce(
                            "dup.\(metric.name)", path: rowPath(),
                            "segment \(MessageText.escaped(segment.label, limit: 120)) appears twice in \(metric.name); the first row is used")
                        continue
                    }
                    filledBy[index] = metricIndex
                    apply(values, metric: metric, to: &observations[index])
                }
            }

            let inferredSet = DimensionSet(inferred)
            if let declared, declared != inferredSet, dimensionedRowCount > 0 || (!declared.isEmpty && !observations.isEmpty) {
                throw ExportFormatError(
                    path: "$", position: TextPosition(line: 1, column: 1),
                    message:
                        "the request's dimensions are \(declared) but the rows carry \(inferredSet); check --dimensions (URL and Url are the same dimension)"
                )
            }
            let dimensions = declared ?? inferredSet
            // Large responses can lose whole metrics: say which of the nine every response should carry are absent.
            if !observations.isEmpty {
                let expected: [Metric] = [.traffic] + FrustrationSignal.allCases.map(Metric.signal) + [.scrollDepth, .engagementTime]
                let absent = expected.filter { !seenMetrics.contains($0) }.map(\.name)
                if !absent.isEmpty {
                    warnings.append(
                        ExportWarning(
                            path: "$",
                            message:
                                "missing metric\(absent.count == 1 ? "" : "s") \(absent.joined(separator: ", ")) (large responses can drop whole metrics); their figures stay missing for this snapshot"
                        ))
                }
            }
            // Rows that lack a dimension key the others have are aggregates over it.
            if !dimensions.isEmpty {
                for index in observations.indices where observations[index].segment.dimensions != dimensions {
                    let present = Set(observations[index].segment.values.map(\.dimension))
                    var values = observations[index].segment.values
                    for dimension in dimensions.dimensions where !present.contains(dimension) {
                        values.append(Segment.DimensionValue(dimension, nil))
                    }
                    observations[index].segment = Segment(values)
                }
                observations = Self.merging(observations)
            }
            return ExportResponse(
                dimensions: dimensions, observations: observations, breakdowns: breakdowns, warnings: warnings, metricNames: metricNames)
        }

        /// Folds observations whose segments became equal after filling in missing dimensions.
        static func merging(_ observations: [Observation]) -> [Observation] {
            var index: [Segment: Int] = [:]
            var result: [Observation] = []
            for observation in observations {
                if let existing = index[observation.segment] {
                    result[existing].fill(from: observation)
                } else {
                    index[observation.segment] = result.count
                    result.append(observation)
                }
            }
            return result
        }

        enum FieldValue {
            case count(Int64?)
            case ratio(Double?)
            case text(String?)
        }

        func apply(_ values: [(ReadField, FieldValue)], metric: Metric, to observation: inout Observation) {
            var signalFigures = SignalFigures()
            for (field, value) in values {
                switch (field, value) {
                case (.sessions, .count(let number)): observation.sessions = number
                case (.botSessions, .count(let number)): observation.botSessions = number
                case (.distinctUsers, .count(let number)): observation.distinctUsers = number
                case (.pagesPerSession, .ratio(let number)): observation.pagesPerSession = number
                case (.signalSessions, .count(let number)): signalFigures.sessions = number
                case (.signalPercentage, .ratio(let number)): signalFigures.percentage = number
                case (.signalWithoutPercentage, .ratio(let number)): signalFigures.withoutPercentage = number
                case (.signalPageViews, .count(let number)): signalFigures.pageViews = number
                case (.signalEvents, .count(let number)): signalFigures.events = number
                case (.scrollDepth, .ratio(let number)): observation.scrollDepth = number
                case (.totalTime, .ratio(let number)): observation.totalTime = number
                case (.activeTime, .ratio(let number)): observation.activeTime = number
                default: break
                }
            }
            if case .signal(let signal) = metric {
                observation.signals[signal] = signalFigures
            }
        }

        func count(_ node: JSONNode, _ path: @autoclosure () -> String) throws(ExportFormatError) -> Int64? {
            switch node.value {
            case .null: return nil
            case .string(let raw):
                if let value = Int64(raw), value >= 0 { return value }
                let text = raw.trimmingWhitespace()
                if text.isEmpty { return nil }
                if let value = Int64(text), value >= 0 { return value }
                if let value = Double(text), value >= 0, value == value.rounded(), value < 9e18 { return Int64(value) }
                throw fail(path(), node, "expected a count (a whole number, as a string of digits), found \"\(MessageText.escaped(raw, limit: 40))\"")
            case .number(let value, _):
                if value >= 0, value == value.rounded(), value < 9e18 { return Int64(value) }
                throw fail(path(), node, "expected a count (a whole number of at least 0), found \(value)")
            default:
                throw fail(path(), node, "expected a count (a string of digits or a number), found \(node.typeName)")
            }
        }

        func ratio(_ node: JSONNode, _ path: @autoclosure () -> String, field: ReadField) throws(ExportFormatError) -> Double? {
            let value: Double
            switch node.value {
            case .null: return nil
            case .number(let number, _): value = number
            case .string(let raw):
                let text = raw.trimmingWhitespace()
                if text.isEmpty { return nil }
                guard let number = Double(text), number.isFinite else {
                    throw fail(path(), node, "expected a number, found \"\(MessageText.escaped(raw, limit: 40))\"")
                }
                value = number
            default:
                throw fail(path(), node, "expected a number, found \(node.typeName)")
            }
            switch field {
            case .signalPercentage, .signalWithoutPercentage, .scrollDepth:
                guard value >= 0, value <= 100.0001 else {
                    throw fail(path(), node, "expected a percentage from 0 to 100, found \(value)")
                }
            default:
                guard value >= 0 else { throw fail(path(), node, "expected a number of at least 0, found \(value)") }
            }
            return value
        }

        /// A string field; U+0000 is read as U+FFFD, because SQLite's text columns come back cut at it.
        func text(_ node: JSONNode, _ path: @autoclosure () -> String) throws(ExportFormatError) -> String? {
            switch node.value {
            case .null: return nil
            case .string(let value):
                guard value.unicodeScalars.contains("\u{0}") else { return value }
                return String(String.UnicodeScalarView(value.unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }))
            default: throw fail(path(), node, "expected a string or null, found \(node.typeName)")
            }
        }
    }
}

extension TextPosition {
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

extension Observation {
    /// Takes every figure this observation lacks from another one of the same segment.
    mutating func fill(from other: Observation) {
        sessions = sessions ?? other.sessions
        botSessions = botSessions ?? other.botSessions
        distinctUsers = distinctUsers ?? other.distinctUsers
        pagesPerSession = pagesPerSession ?? other.pagesPerSession
        scrollDepth = scrollDepth ?? other.scrollDepth
        totalTime = totalTime ?? other.totalTime
        activeTime = activeTime ?? other.activeTime
        signals.merge(other.signals) { mine, _ in mine }
    }
}
