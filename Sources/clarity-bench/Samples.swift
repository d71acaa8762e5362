/// Repeated measurements of one thing, summarized by their median.
struct Samples: Sendable {
    private(set) var seconds: [Double] = []
    private(set) var peakBytes: [Int] = []
    private(set) var cpuSeconds: [Double] = []

    mutating func add(_ run: ChildRun) {
        add(seconds: run.seconds, peakBytes: run.peakBytes, cpuSeconds: run.cpuSeconds)
    }

    mutating func add(seconds: Double, peakBytes: Int = 0, cpuSeconds: Double = 0) {
        self.seconds.append(seconds)
        self.peakBytes.append(peakBytes)
        self.cpuSeconds.append(cpuSeconds)
    }

    var count: Int { seconds.count }
    var medianSeconds: Double { Self.median(seconds) }
    var minSeconds: Double { seconds.min() ?? 0 }
    var maxSeconds: Double { seconds.max() ?? 0 }
    var medianCPUSeconds: Double { Self.median(cpuSeconds) }
    var maxPeakBytes: Int { peakBytes.max() ?? 0 }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
