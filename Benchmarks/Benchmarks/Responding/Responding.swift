import Benchmark
import Foundation
import HTTPTypes
import ProblemDetails

/// A whole problem response made in the core, against what the frameworks' default error handling
/// spends on its body alone, in the same run.
///
/// Vapor's `ErrorMiddleware` and Hummingbird's `HTTPError` both answer an error by encoding a
/// small `Codable` struct with Foundation's `JSONEncoder`. The benchmarks below make the complete
/// problem response instead: the problem resolved against the registry, its language negotiated,
/// the identifiers written, the body rendered, every header field set. Target: each is at least as
/// fast as the baseline, with the allocations counted so that a new one on the error path shows.
/// The HTTP load script measures the same paths end to end, where network noise is ±5 %.

/// Hummingbird's body for `HTTPError(.notFound, message:)`: `{"error":{"message":"…"}}`.
struct FrameworkErrorBody: Codable {
    struct Message: Codable {
        var message: String
    }

    var error: Message
}

struct DatabaseFailure: Error {}

/// The responder of an API at `https://api.example.com`, speaking English, and German too when
/// `localizedStatusTitles` says so.
func responder(localizedStatusTitles: [String: [Int: String]] = [:]) throws -> ProblemResponder {
    ProblemResponder(
        registry: try ProblemRegistry(baseURI: "https://api.example.com", localizedStatusTitles: localizedStatusTitles)
    )
}

func request(_ fields: HTTPFields) -> HTTPRequest {
    HTTPRequest(method: .get, scheme: "https", authority: "api.example.com", path: "/books/42?fields=title", headerFields: fields)
}

/// What curl and most HTTP libraries send.
let anyMediaType = request([.accept: "*/*"])
/// What an API client written against the API might send.
let apiClient = request([.accept: "application/json", .acceptLanguage: "en-GB,en;q=0.9"])
/// A German client of an API that speaks German.
let germanClient = request([.accept: "*/*", .acceptLanguage: "de-DE,de;q=0.9,en;q=0.8"])

let identity = RequestIdentity(headerFields: [RequestIdentity.requestIDField: "0f8fad5bd9cb469fa16570867728950e"])
let reason = "No book has the id 42."
let violations = [
    Violation(detail: "must not be empty", pointer: ["title"]),
    Violation(detail: "must be 1450 or later", pointer: ["year"]),
    Violation(detail: "is not a valid ISBN", pointer: ["isbn"]),
]

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        warmupIterations: 1_000,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 1_000_000
    )

    Benchmark("Baseline: a framework's error body through Foundation JSONEncoder") { benchmark in
        let encoder = JSONEncoder()
        for _ in benchmark.scaledIterations {
            blackHole(try encoder.encode(FrameworkErrorBody(error: .init(message: reason))))
        }
    }

    Benchmark("Respond: a framework's 404, Accept */*") { benchmark in
        let responder = try responder()
        for _ in benchmark.scaledIterations {
            let problem = Problem.httpError(status: .notFound, reason: reason)
            blackHole(responder.response(for: problem, to: anyMediaType, identity: identity))
        }
    }

    Benchmark("Respond: a framework's 404, an API client's Accept and Accept-Language") { benchmark in
        let responder = try responder()
        for _ in benchmark.scaledIterations {
            let problem = Problem.httpError(status: .notFound, reason: reason)
            blackHole(responder.response(for: problem, to: apiClient, identity: identity))
        }
    }

    Benchmark("Respond: a framework's 404 in German, negotiated among two languages") { benchmark in
        let germanResponder = try responder(localizedStatusTitles: ["de": [404: "Nicht gefunden"]])
        for _ in benchmark.scaledIterations {
            let problem = Problem.httpError(status: .notFound, reason: reason)
            blackHole(germanResponder.response(for: problem, to: germanClient, identity: identity))
        }
    }

    Benchmark("Respond: an unknown error (500)") { benchmark in
        let responder = try responder()
        for _ in benchmark.scaledIterations {
            blackHole(responder.response(for: DatabaseFailure(), to: anyMediaType, identity: identity))
        }
    }

    Benchmark("Respond: 422 with three errors") { benchmark in
        let responder = try responder()
        for _ in benchmark.scaledIterations {
            blackHole(responder.response(for: Problem.validationFailed(violations), to: anyMediaType, identity: identity))
        }
    }
}
