import Foundation
import Testing
import ClarityRender

@Suite struct EmailPNGRasterizerTests {
    static let chart = """
        <svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">
          <rect x="10" y="10" width="40" height="20" fill="#2563EB"/>
          <text x="56" y="26" font-family="DejaVu Sans" font-size="12" fill="#111827">Sessions</text>
        </svg>
        """

    @Test func drawsAtTwiceTheSVGSizeWithoutAlpha() throws {
        let png = try PNGRasterizer().png(fromSVG: Self.chart)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(String(decoding: png[12..<16], as: UTF8.self) == "IHDR")
        #expect(bigEndian(png[16..<20]) == 240)
        #expect(bigEndian(png[20..<24]) == 80)
        #expect(png[24] == 8, "8 bits per channel")
        #expect(png[25] == 2, "colour type 2: RGB, no alpha channel")
        #expect(String(decoding: png.suffix(8).prefix(4), as: UTF8.self) == "IEND")
    }

    @Test func paintsTransparentAreasWhiteAndDrawsTheChart() throws {
        let png = try PNGRasterizer().png(fromSVG: Self.chart)
        #expect(try pixel(of: png, x: 0, y: 0) == [255, 255, 255])
        #expect(try pixel(of: png, x: 40, y: 40) == [0x25, 0x63, 0xEB])
    }

    @Test func padsTheChartWithAWhiteMarginOnEverySide() throws {
        // 12 px of padding at scale 2: (120 + 24) × 2 by (40 + 24) × 2 pixels, the chart moved 24 pixels right and down.
        let png = try PNGRasterizer().png(fromSVG: Self.chart, padding: 12)
        #expect(bigEndian(png[16..<20]) == 288)
        #expect(bigEndian(png[20..<24]) == 128)
        #expect(try pixel(of: png, x: 40, y: 40) == [255, 255, 255], "the chart's blue box no longer starts at (20, 20)")
        #expect(try pixel(of: png, x: 64, y: 64) == [0x25, 0x63, 0xEB])
        #expect(try pixel(of: png, x: 287, y: 127) == [255, 255, 255])
    }

    @Test func theSameSVGGivesTheSameBytesEvenConcurrently() async throws {
        let first = try PNGRasterizer().png(fromSVG: Self.chart)
        let others = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<4 {
                group.addTask { try PNGRasterizer().png(fromSVG: Self.chart) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(others.count == 4)
        #expect(others.allSatisfy { $0 == first })
    }

    @Test func honoursTheScale() throws {
        let png = try PNGRasterizer(scale: 1.5).png(fromSVG: Self.chart)
        #expect(bigEndian(png[16..<20]) == 180)
        #expect(bigEndian(png[20..<24]) == 60)
    }

    @Test func takesTheSizeFromTheViewBoxWhenWidthAndHeightAreMissing() throws {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 50 30"><rect width="50" height="30"/></svg>"#
        let png = try PNGRasterizer().png(fromSVG: svg)
        #expect(bigEndian(png[16..<20]) == 100)
        #expect(bigEndian(png[20..<24]) == 60)
    }

    @Test func refusesTextThatIsNotSVG() {
        #expect {
            try PNGRasterizer().png(fromSVG: "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\"")
        } throws: { error in
            guard case .invalidSVG(let reason) = (error as? RasterizationError)?.problem else { return false }
            return !reason.isEmpty && "\(error)".contains("not a valid SVG document")
        }
    }

    @Test func refusesAnSVGWithoutAnySize() {
        #expect(throws: RasterizationError(.noSize)) {
            try PNGRasterizer().png(fromSVG: #"<svg xmlns="http://www.w3.org/2000/svg"><rect width="5" height="5"/></svg>"#)
        }
    }

    @Test func refusesAnImageCairoCannotHold() {
        #expect(throws: RasterizationError(.unsupportedSize(width: 40_000, height: 2))) {
            try PNGRasterizer().png(fromSVG: #"<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="1"/>"#)
        }
    }

    private func bigEndian(_ bytes: ArraySlice<UInt8>) -> Int { bytes.reduce(0) { $0 << 8 | Int($1) } }

    /// The RGB value of one pixel, decoded by Python's zlib with the PNG row filters undone.
    private func pixel(of png: [UInt8], x: Int, y: Int) throws -> [Int] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("clarity-chart-\(UUID().uuidString).png")
        try Data(png).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = #"""
            import struct, sys, zlib
            data = open(sys.argv[1], "rb").read()
            offset, idat = 8, b""
            while offset < len(data):
                length, kind = struct.unpack(">I4s", data[offset:offset + 8])
                if kind == b"IHDR":
                    width = struct.unpack(">I", data[offset + 8:offset + 12])[0]
                if kind == b"IDAT":
                    idat += data[offset + 8:offset + 8 + length]
                offset += 12 + length
            raw, stride, rows, previous = zlib.decompress(idat), width * 3, [], bytearray(width * 3)
            for row in range(int(sys.argv[3]) + 1):
                kind, line = raw[row * (stride + 1)], bytearray(raw[row * (stride + 1) + 1:(row + 1) * (stride + 1)])
                for i in range(stride):
                    a = line[i - 3] if i >= 3 else 0
                    b = previous[i]
                    c = previous[i - 3] if i >= 3 else 0
                    p = a + b - c
                    predictor = [0, a, b, (a + b) // 2,
                                 a if abs(p - a) <= abs(p - b) and abs(p - a) <= abs(p - c) else b if abs(p - b) <= abs(p - c) else c][kind]
                    line[i] = (line[i] + predictor) % 256
                previous = line
            x = int(sys.argv[2])
            print(" ".join(str(v) for v in previous[x * 3:x * 3 + 3]))
            """#
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path, String(x), String(y)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}
