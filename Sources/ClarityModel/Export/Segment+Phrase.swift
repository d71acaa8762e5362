extension Segment {
    /// The segment as words that follow a signal's name: `on /checkout in Safari`, with the site's own URLs shortened.
    public func phrase(site: String) -> String {
        let ordered = values.filter { $0.dimension == .url } + values.filter { $0.dimension != .url }
        return ordered.compactMap { entry -> String? in
            guard entry.value != nil else { return nil }
            let value = Segment.shownValue(entry.value, of: entry.dimension, site: site)
            switch entry.dimension {
            case .url: return "on \(value)"
            case .browser: return "in \(value)"
            case .device: return "on \(value)"
            case .os: return "on \(value)"
            case .country: return "in \(value)"
            case .source: return "from source \(value)"
            case .medium: return "via medium \(value)"
            case .campaign: return "in campaign \(value)"
            case .channel: return "via channel \(value)"
            }
        }.joined(separator: " ")
    }

    /// The segment's values as a reader names them, URLs on the site shortened: `Safari · Mobile`, `/checkout`.
    public func name(site: String) -> String {
        values.isEmpty ? "Whole site" : values.map { Segment.shownValue($0.value, of: $0.dimension, site: site) }.joined(separator: " · ")
    }
}
