#if Hummingbird
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InMemoryTracing
import Instrumentation
import Metrics
import MetricsTestKit
import ProblemDetailsHummingbird
import Testing
import Tracing

/// With the problem middleware after Hummingbird's `MetricsMiddleware` and `TracingMiddleware`, as
/// the documentation says, they record a problem's real status instead of an error's 500.
@Suite struct ObservabilityOrderTests {
    /// Hummingbird's middleware use the process-wide backends, which can be bootstrapped once.
    static let backends: (metrics: TestMetrics, tracer: InMemoryTracer) = {
        let metrics = TestMetrics()
        MetricsSystem.bootstrap(metrics)
        let tracer = InMemoryTracer()
        InstrumentationSystem.bootstrap(tracer)
        return (metrics, tracer)
    }()

    @Test func metricsAndTracesSeeTheProblemsStatus() async throws {
        let (metrics, tracer) = Self.backends
        let router = Router()
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: TracingMiddleware())
        router.addProblemDetails(try ProblemRegistry(baseURI: "https://api.example.com"))
        router.get("observed/conflict") { _, _ -> String in throw Problem(.conflict, detail: "Taken.") }
        router.get("observed/crash") { _, _ -> String in throw CancellationError() }
        let statuses = try await Application(router: router).test(.router) { client in
            [
                try await client.execute(uri: "/observed/conflict", method: .get).status,
                try await client.execute(uri: "/observed/crash", method: .get).status,
            ]
        }
        #expect(statuses == [.conflict, .internalServerError])

        let conflicts = metrics.counters(
            label: "hb.requests",
            dimensions: [
                ("http.route", "/observed/conflict"), ("http.request.method", "GET"), ("http.response.status_code", "409"),
            ]
        )
        #expect(conflicts.count == 1)
        // The middleware answered, so Hummingbird counted no error and no 500 for the route.
        let errors = metrics.counters(label: "hb.request.errors").filter {
            $0.dimensions.contains { $0 == ("http.route", "/observed/conflict") }
        }
        #expect(errors.allSatisfy { $0.totalValue == 0 })
        #expect(metrics.counterTotal(label: "problem_details_responses", dimensions: [("type", "conflict"), ("status", "409")]) >= 1)

        let spans = tracer.finishedSpans.filter { $0.attributes["url.path"]?.toSpanAttribute() == .string("/observed/conflict") }
        let span = try #require(spans.first)
        #expect(span.attributes["http.response.status_code"]?.toSpanAttribute() == .int64(409))
        #expect(span.attributes["problem.type"]?.toSpanAttribute() == .string("https://api.example.com/problems/conflict"))
        #expect(span.status == nil)
        let crash = try #require(
            tracer.finishedSpans.first { $0.attributes["url.path"]?.toSpanAttribute() == .string("/observed/crash") }
        )
        #expect(crash.attributes["http.response.status_code"]?.toSpanAttribute() == .int64(500))
        #expect(crash.status?.code == .error)
    }
}
#endif
