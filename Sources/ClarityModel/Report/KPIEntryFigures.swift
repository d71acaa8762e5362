/// A KPI entry as a table row's JSON carries it: every field but those the row itself or the report already says.
struct KPIEntryFigures: Encodable {
    /// The fields of a KPI entry, in the JSON's names.
    enum Field: String, CodingKey, CaseIterable {
        case id, label, kind, polarity, current, previous, change, comparedPerDay, verdict, verdictText, pValue, evidence
        case direction, tone, arrow, currentText, previousText, changeText, history
    }

    /// What every row of a table shares, found by `id` in the report's `kpis`, or leaves empty (`history`).
    static let shared: Set<Field> = [.label, .kind, .polarity, .history]

    let entry: KPIEntry
    let omitted: Set<Field>

    init(_ entry: KPIEntry, omitting omitted: Set<Field>) {
        self.entry = entry
        self.omitted = omitted
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Field.self)
        for field in Field.allCases where !omitted.contains(field) {
            switch field {
            case .id: try container.encode(entry.id, forKey: field)
            case .label: try container.encode(entry.label, forKey: field)
            case .kind: try container.encode(entry.kind, forKey: field)
            case .polarity: try container.encode(entry.polarity, forKey: field)
            case .current: try container.encodeIfPresent(entry.current, forKey: field)
            case .previous: try container.encodeIfPresent(entry.previous, forKey: field)
            case .change: try container.encodeIfPresent(entry.change, forKey: field)
            case .comparedPerDay: try container.encode(entry.comparedPerDay, forKey: field)
            case .verdict: try container.encode(entry.verdict, forKey: field)
            case .verdictText: try container.encode(entry.verdictText, forKey: field)
            case .pValue: try container.encodeIfPresent(entry.pValue, forKey: field)
            case .evidence: try container.encode(entry.evidence, forKey: field)
            case .direction: try container.encode(entry.direction, forKey: field)
            case .tone: try container.encode(entry.tone, forKey: field)
            case .arrow: try container.encode(entry.arrow, forKey: field)
            case .currentText: try container.encode(entry.currentText, forKey: field)
            case .previousText: try container.encode(entry.previousText, forKey: field)
            case .changeText: try container.encode(entry.changeText, forKey: field)
            case .history: try container.encode(entry.history, forKey: field)
            }
        }
    }
}
