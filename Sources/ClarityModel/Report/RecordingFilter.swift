/// Words telling a researcher which filters to set in Clarity's Recordings to watch a segment's frustrated sessions.
public enum RecordingFilter {
    /// A sentence such as `Recordings → Filters: Rage clicks; Browser is Safari; Visited URL contains /checkout.`
    public static func describe(signal: FrustrationSignal, segment: Segment, siteURL: String = "") -> String {
        var filters = [signalFilter(signal)]
        let base = siteURL.hasSuffix("/") ? String(siteURL.dropLast()) : siteURL
        for entry in segment.values {
            guard let value = entry.value else { continue }
            switch entry.dimension {
            case .url:
                let shown = !base.isEmpty && value.hasPrefix(base + "/") ? String(value.dropFirst(base.count)) : value
                filters.append("Visited URL contains \(URLPattern.sharedPart(of: shown))")
            case .browser: filters.append("Browser is \(value)")
            case .device: filters.append("Device is \(value)")
            case .os: filters.append("Operating system is \(value)")
            case .country: filters.append("Country is \(value)")
            case .source: filters.append("Source is \(value)")
            case .medium: filters.append("Medium is \(value)")
            case .campaign: filters.append("Campaign is \(value)")
            case .channel: filters.append("Channel is \(value)")
            }
        }
        return "Recordings → Filters: " + filters.joined(separator: "; ") + "."
    }

    static func signalFilter(_ signal: FrustrationSignal) -> String {
        switch signal {
        case .deadClick: return "Dead clicks"
        case .rageClick: return "Rage clicks"
        case .quickback: return "Quick backs"
        case .excessiveScroll: return "Excessive scrolling"
        case .scriptError: return "JavaScript errors"
        case .errorClick: return "Error clicks"
        }
    }

    /// What to look for in those recordings.
    public static func watchFor(_ signal: FrustrationSignal) -> String {
        switch signal {
        case .deadClick: return "what people expected to be clickable, and whether it looks like a link or button"
        case .rageClick: return "where the repeated clicks land and what the page failed to do before them"
        case .quickback: return "what people saw just before going back, and what they were looking for instead"
        case .excessiveScroll: return "whether people are searching for something the page does not show where they expect it"
        case .scriptError: return "which step throws the error and whether the session ends there"
        case .errorClick: return "which control triggers the error and what people try next"
        }
    }
}
