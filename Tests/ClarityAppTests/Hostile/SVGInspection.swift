import Foundation
import FoundationXML

/// An SVG document as libxml2 reads it (through FoundationXML): its elements, attributes and text, and anything XML
/// can carry that our charts never write (comments, CDATA, processing instructions, entity declarations).
final class SVGInspection: NSObject, XMLParserDelegate {
    private(set) var elements: [(name: String, attributes: [String: String])] = []
    private(set) var problems: [String] = []
    private(set) var text = ""
    private(set) var wellFormed = false

    init(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        wellFormed = parser.parse()
        if !wellFormed {
            problems.append(
                "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown error") at line \(parser.lineNumber), column \(parser.columnNumber)"
            )
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:])
    {
        elements.append((name, attributes))
        text += " "
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        text += " "
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        problems.append("CDATA section: \(String(decoding: block.prefix(80), as: UTF8.self))")
    }

    func parser(_ parser: XMLParser, foundComment comment: String) {
        problems.append("comment: \(comment.prefix(80))")
    }

    func parser(_ parser: XMLParser, foundProcessingInstructionWithTarget target: String, data: String?) {
        problems.append("processing instruction: \(target)")
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        problems.append("entity declaration: \(name)")
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        problems.append("external entity declaration: \(name)")
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        problems.append("external entity reference: \(name)")
        return nil
    }
}
