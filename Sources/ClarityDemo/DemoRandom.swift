/// SplitMix64: a tiny deterministic generator, so the demo site is the same on every machine.
struct DemoRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for one named stream, so adding a draw in one place does not shift every other number.
    init(_ parts: [String]) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{1F}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        state = hash
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// A multiplicative jitter around 1, uniform in [1 - spread, 1 + spread].
    mutating func jitter(_ spread: Double) -> Double { 1 + (unit() * 2 - 1) * spread }
}
