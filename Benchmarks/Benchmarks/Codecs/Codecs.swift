import Benchmark
import Foundation
import ProblemDetails

/// The codecs against Foundation on an equivalent `Codable` struct, in the same run: the targets
/// are ratios (JSON encode ≥ 10× `JSONEncoder` with one allocation, lenient decode ≥ 3×
/// `JSONDecoder`), so machine speed cancels out.
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
}
