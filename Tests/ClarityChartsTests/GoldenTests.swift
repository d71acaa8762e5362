import ClarityCharts
import ClarityTestSupport
import Foundation
import Testing

@Suite("Golden SVG files")
struct GoldenTests {
    @Test("Each sample chart matches its golden file", arguments: Sample.allCases)
    func matchesGolden(sample: Sample) throws {
        try GoldenFile.check(sample.chart.svg, named: sample.goldenName)
    }

    @Test("Every golden file belongs to a sample")
    func noStrayGoldens() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: GoldenFile.folder.url.path).filter { $0.hasSuffix(".svg") }
        #expect(Set(files) == Set(Sample.allCases.map(\.goldenName)) || GoldenFolder.isRecording)
    }
}
