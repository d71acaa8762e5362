/// A damaged pair of generated-block markers, with the line and block it concerns and how to repair it.
public struct MarkerError: Error, Equatable, CustomStringConvertible, Sendable {
    /// How the markers are damaged.
    public enum Damage: Equatable, Sendable {
        case beginWithoutEnd
        case endWithoutBegin
        case nested(insideBlock: String, openedOnLine: Int)
        case duplicate(firstOnLine: Int)
        case mismatchedEnd(openBlock: String, openedOnLine: Int)
        case malformed
    }

    /// Which text the damaged markers are in: the file a person edited, or the freshly generated report.
    public enum Document: Equatable, Sendable {
        case existing
        case regenerated
    }

    public let document: Document
    /// The 1-based line of the marker at fault.
    public let line: Int
    public let blockName: String
    public let damage: Damage

    public init(document: Document, line: Int, blockName: String, damage: Damage) {
        self.document = document
        self.line = line
        self.blockName = blockName
        self.damage = damage
    }

    public var description: String {
        let problem: String
        switch damage {
        case .beginWithoutEnd:
            problem = "block '\(blockName)' begins here but has no <!-- clarity-report:end \(blockName) --> after it"
        case .endWithoutBegin:
            problem = "the end marker of block '\(blockName)' has no begin marker before it"
        case .nested(let outer, let outerLine):
            problem = "block '\(blockName)' begins inside block '\(outer)' (line \(outerLine)), whose end marker is missing or misplaced"
        case .duplicate(let firstLine):
            problem = "block '\(blockName)' appears a second time (first on line \(firstLine))"
        case .mismatchedEnd(let open, let openLine):
            problem = "this end marker names block '\(blockName)' but the open block is '\(open)' (line \(openLine))"
        case .malformed:
            problem =
                "this clarity-report marker cannot be read; markers are <!-- clarity-report:begin NAME --> "
                + "and <!-- clarity-report:end NAME --> with NAME made of a-z, 0-9 and -"
        }
        switch document {
        case .existing:
            return "line \(line): \(problem). Repair the markers in the file, or run again with --force to overwrite it with a fresh report."
        case .regenerated:
            return "line \(line) of the generated report: \(problem). Repair the markers in the template."
        }
    }
}
