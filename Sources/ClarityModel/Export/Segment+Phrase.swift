extension Segment {
    /// The segment as words that follow a signal's name: `on /checkout in Safari`, with the site's own URLs shortened.
    public func phrase(site: String) -> String {
        let base = site.hasSuffix("/") ? String(site.dropLast()) : site
        let ordered = values.filter { $0.dimension == .url } + values.filter { $0.dimension != .url }
        return ordered.compactMap { entry -> String? in
            guard var value = entry.value else { return nil }
            switch entry.dimension {
            case .url:
                if !base.isEmpty, value.hasPrefix(base + "/") { value = String(value.dropFirst(base.count)) }
                return "on \(value)"
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
}
