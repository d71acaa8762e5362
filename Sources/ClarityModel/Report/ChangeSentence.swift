extension KPIComparison {
    /// One plain sentence on the move, ending with whether it is good news when `sayingTone` is set.
    func sentence(sayingTone: Bool) -> String {
        let verb = direction == "up" ? "rose" : "fell"
        let currentText = current.map(kpi.display) ?? "n/a"
        let previousText = previous.map(kpi.display) ?? "n/a"
        let changeText = change.map { Format.change(abs($0)).replacingOccurrences(of: "+", with: "") } ?? ""
        let toneShown = sayingTone ? tone : "neutral"
        switch kpi.kind {
        case .rate:
            let news = toneShown == "good" ? ", good news" : (toneShown == "bad" ? ", needs attention" : "")
            let points = current.flatMap { now in previous.map { Format.points(now - $0) + ", " } } ?? ""
            return "\(kpi.label) \(verb) from \(previousText) to \(currentText) of sessions (\(points)\(change.map(Format.change) ?? "")\(news))."
        case .count where comparedPerDay:
            guard let before = previousComparable, let now = currentComparable else {
                return "\(kpi.label) \(verb) \(changeText) per covered day, to \(currentText) in total\(newsSuffix(toneShown))."
            }
            return
                "\(kpi.label) \(verb) \(changeText) per covered day, from \(kpi.display(before)) to \(kpi.display(now)) a day (\(currentText) in total\(toneShown == "good" ? "; good news" : (toneShown == "bad" ? "; needs attention" : "")))."
        default:
            return "\(kpi.label) \(verb) \(changeText), from \(previousText) to \(currentText)\(newsSuffix(toneShown))."
        }
    }

    private func newsSuffix(_ tone: String) -> String {
        tone == "good" ? " (good news)" : (tone == "bad" ? " (needs attention)" : "")
    }
}
