import ClarityTestSupport
import Testing

/// The charts' golden files in `Golden/` beside this source file (`CLARITY_RECORD_GOLDENS=1` re-records them).
enum GoldenFile {
    static let folder = GoldenFolder(besideFile: #filePath)

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try folder.check(actual, name, sourceLocation: sourceLocation)
    }
}
