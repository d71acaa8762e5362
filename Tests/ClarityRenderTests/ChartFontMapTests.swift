import Foundation
import Testing

@testable import ClarityRender

@Suite("The PNG charts' private font")
struct ChartFontMapTests {
    @Test("without Liberation Sans the error names every path tried and the package to install")
    func missingFont() throws {
        let result = ChartFontMap.make(directories: ["/nonexistent/liberation2", "/nonexistent/liberation"])
        guard case .failure(let error) = result else {
            Issue.record("a font map was made from folders that do not exist")
            return
        }
        #expect(
            error.problem
                == .fontMissing(tried: ["/nonexistent/liberation2/LiberationSans-Regular.ttf", "/nonexistent/liberation/LiberationSans-Regular.ttf"]))
        #expect(error.description.contains("Liberation Sans, is not installed"))
        #expect(error.description.contains("/nonexistent/liberation/LiberationSans-Regular.ttf"))
        #expect(error.description.contains("fonts-liberation2"))
    }

    @Test("the first folder that holds the regular face is used, after folders that do not")
    func laterFolder() throws {
        let installed = try #require(
            ChartFontMap.directories.first { FileManager.default.isReadableFile(atPath: "\($0)/LiberationSans-Regular.ttf") })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fonts-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: "\(installed)/LiberationSans-Regular.ttf", toPath: "\(folder)/LiberationSans-Regular.ttf")
        // An empty folder first: it holds no regular face, so it is passed over.
        let empty = folder + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        guard case .success = ChartFontMap.make(directories: [empty, folder]) else {
            Issue.record("no font map from a folder holding LiberationSans-Regular.ttf")
            return
        }
    }
}
