import ClarityModel

/// The demo's random numbers: named SplitMix64 streams, so the demo site is the same on every machine.
struct DemoRandom {
    private var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    /// A generator for one named stream, so adding a draw in one place does not shift every other number.
    init(_ parts: [String]) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{1F}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        generator = SplitMix64(seed: hash)
    }

    mutating func next() -> UInt64 { generator.next() }

    /// A uniform value in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// A multiplicative jitter around 1, uniform in [1 - spread, 1 + spread].
    mutating func jitter(_ spread: Double) -> Double { 1 + (unit() * 2 - 1) * spread }
}
