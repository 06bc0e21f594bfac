import Benchmark
import Foundation
import ProblemDetails

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The codecs against Foundation on an equivalent `Codable` struct, in the same run: the targets
/// are ratios (JSON encode ≥ 10× `JSONEncoder` with one allocation, lenient decode ≥ 3×
/// `JSONDecoder`), so machine speed cancels out. XML decoding, which only clients do, is measured
/// against Foundation's `XMLParser` filling the same struct from the same document.
struct CodableProblem: Codable {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var instance: String
    var balance: Int
}

let problem = Problem(
    type: "https://example.com/probs/out-of-credit",
    title: "You do not have enough credit.",
    status: .forbidden,
    detail: "Your current balance is 30, but that costs 50.",
    instance: "/account/12345/msgs/abc",
    extensions: ["balance": 30]
)

let codable = CodableProblem(
    type: "https://example.com/probs/out-of-credit",
    title: "You do not have enough credit.",
    status: 403,
    detail: "Your current balance is 30, but that costs 50.",
    instance: "/account/12345/msgs/abc",
    balance: 30
)

let document: [UInt8] = ProblemJSONEncoder().encode(problem)
let documentData = Data(document)
let xmlDocument: [UInt8] = ProblemXMLEncoder().encode(problem)
let xmlDocumentData = Data(xmlDocument)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        warmupIterations: 1_000,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 1_000_000
    )

    Benchmark("JSON encode: ProblemJSONEncoder") { benchmark in
        let encoder = ProblemJSONEncoder()
        for _ in benchmark.scaledIterations {
            blackHole(encoder.encode(problem))
        }
    }

    Benchmark("JSON encode: Foundation JSONEncoder (baseline)") { benchmark in
        let encoder = JSONEncoder()
        for _ in benchmark.scaledIterations {
            blackHole(try encoder.encode(codable))
        }
    }

    Benchmark("JSON decode: ProblemJSONDecoder (lenient)") { benchmark in
        let decoder = ProblemJSONDecoder()
        for _ in benchmark.scaledIterations {
            blackHole(try decoder.decode(document))
        }
    }

    Benchmark("JSON decode: Foundation JSONDecoder (baseline)") { benchmark in
        let decoder = JSONDecoder()
        for _ in benchmark.scaledIterations {
            blackHole(try decoder.decode(CodableProblem.self, from: documentData))
        }
    }

    Benchmark("XML encode: ProblemXMLEncoder") { benchmark in
        let encoder = ProblemXMLEncoder()
        for _ in benchmark.scaledIterations {
            blackHole(encoder.encode(problem))
        }
    }

    Benchmark("XML decode: ProblemXMLDecoder (lenient)") { benchmark in
        let decoder = ProblemXMLDecoder()
        let decoded = try decoder.decode(xmlDocument).problem
        precondition(decoded.extensions["balance"] == "30" && decoded.detail == codable.detail, "the document must decode")
        for _ in benchmark.scaledIterations {
            blackHole(try decoder.decode(xmlDocument))
        }
    }

    Benchmark("XML decode: Foundation XMLParser (baseline)") { benchmark in
        // A baseline that read less than the document would flatter the ratio.
        let read = try CodableProblem(xml: xmlDocumentData)
        precondition(
            read.type == codable.type && read.title == codable.title && read.status == codable.status
                && read.detail == codable.detail && read.instance == codable.instance && read.balance == codable.balance,
            "XMLParser read \(read), not the document"
        )
        for _ in benchmark.scaledIterations {
            blackHole(try CodableProblem(xml: xmlDocumentData))
        }
    }
}

/// Thrown by the baseline when `XMLParser` refuses the document.
struct XMLParsingFailed: Error {}

extension CodableProblem {
    /// The baseline's decoding: `XMLParser` with namespaces on, as a consumer of
    /// `application/problem+xml` needs them, keeping the text of each member element.
    init(xml: Data) throws {
        let collector = MemberCollector()
        let parser = XMLParser(data: xml)
        parser.shouldProcessNamespaces = true
        parser.delegate = collector
        guard parser.parse() else { throw XMLParsingFailed() }
        let members = collector.members
        self.init(
            type: members["type"] ?? "about:blank",
            title: members["title"] ?? "",
            status: members["status"].flatMap { Int($0) } ?? 0,
            detail: members["detail"] ?? "",
            instance: members["instance"] ?? "",
            balance: members["balance"].flatMap { Int($0) } ?? 0
        )
    }
}

/// Collects the text of the root's child elements by name.
final class MemberCollector: NSObject, XMLParserDelegate {
    var members: [String: String] = [:]
    private var depth = 0
    private var text = ""

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        self.depth += 1
        self.text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        self.text += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if self.depth == 2, namespaceURI == "urn:ietf:rfc:7807" { self.members[elementName] = self.text }
        self.depth -= 1
    }
}
