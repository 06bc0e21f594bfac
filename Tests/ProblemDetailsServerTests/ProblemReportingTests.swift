import HTTPTypes
import Logging
import Metrics
import MetricsTestKit
import ProblemDetails
import ProblemDetailsServer
import Synchronization
import Testing
import Tracing

/// A log handler that keeps what it is given, for assertions.
final class RecordingLogHandler: LogHandler, Sendable {
    struct Entry: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata
    }

    let entries = Mutex<[Entry]>([])

    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }

    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    func log(event: LogEvent) {
        self.entries.withLock {
            $0.append(Entry(level: event.level, message: event.message.description, metadata: event.metadata ?? [:]))
        }
    }
}

@Suite struct ProblemReportingTests {
    struct DatabaseFailure: Error, CustomStringConvertible {
        var description: String { "connection to db.internal:5432 refused" }
    }

    let registry: ProblemRegistry

    init() throws {
        self.registry = try ProblemRegistry(baseURI: "https://api.example.com")
    }

    func report(
        _ problem: Problem,
        error: any Error,
        isUnknownRoute: Bool = false,
        reporting: ProblemReporting = ProblemReporting()
    ) -> [RecordingLogHandler.Entry] {
        let handler = RecordingLogHandler()
        let logger = Logger(label: "test") { _ in handler }
        reporting.report(
            self.registry.resolve(problem),
            error: error,
            isUnknownRoute: isUnknownRoute,
            logger: logger,
            context: .topLevel
        )
        return handler.entries.withLock { $0 }
    }

    @Test func serverErrorsAreLoggedAtErrorWithTheUnderlyingError() {
        let entries = report(Problem(.internalError), error: DatabaseFailure())
        #expect(entries.count == 1)
        #expect(entries.first?.level == .error)
        #expect(entries.first?.metadata["error"]?.description.contains("db.internal:5432") == true)
        #expect(entries.first?.message == "500 internal-error")
    }

    @Test func clientErrorsAreLoggedAtInfoWithoutTheError() {
        let entries = report(Problem(.notFound, detail: "No book 7"), error: Problem(.notFound))
        #expect(entries.first?.level == .info)
        #expect(entries.first?.metadata["error"] == nil)
        #expect(entries.first?.metadata["problem.detail"] == "No book 7")
    }

    @Test func unknownRoutesAreLoggedAtDebug() {
        #expect(report(Problem(status: .notFound), error: Problem(status: .notFound), isUnknownRoute: true).first?.level == .debug)
    }

    @Test func levelsCanBeSetPerType() {
        var reporting = ProblemReporting()
        reporting.levels["validation-error"] = .trace
        reporting.levels["about:blank"] = .warning
        #expect(report(Problem(.validationError), error: Problem(.validationError), reporting: reporting).first?.level == .trace)
        #expect(report(Problem(status: .gone), error: Problem(status: .gone), reporting: reporting).first?.level == .warning)
    }

    @Test func problemsAreCountedByTypeAndStatus() throws {
        let metrics = TestMetrics()
        var reporting = ProblemReporting()
        reporting.metricsFactory = metrics
        _ = report(Problem(.conflict), error: Problem(.conflict), reporting: reporting)
        _ = report(Problem(.conflict), error: Problem(.conflict), reporting: reporting)
        _ = report(Problem(status: .notFound), error: Problem(status: .notFound), reporting: reporting)
        #expect(metrics.counterTotal(label: "problem_details_responses", dimensions: [("type", "conflict"), ("status", "409")]) == 2)
        #expect(metrics.counterTotal(label: "problem_details_responses", dimensions: [("type", "about:blank"), ("status", "404")]) == 1)
    }

    @Test func typeNamesAreSlugsOrURIs() {
        #expect(ProblemReporting.typeName(of: registry.resolve(Problem(.timeout))) == "timeout")
        #expect(ProblemReporting.typeName(of: Problem(type: "https://x.example/errors/x")) == "https://x.example/errors/x")
        #expect(ProblemReporting.typeName(of: Problem()) == "about:blank")
        // Only a last segment after `/problems/` is a slug; anything else is named by its URI.
        #expect(ProblemReporting.typeName(of: Problem(type: "/problems/out-of-stock")) == "out-of-stock")
        #expect(ProblemReporting.typeName(of: Problem(type: "https://x.example/problems/")) == "https://x.example/problems/")
        #expect(ProblemReporting.typeName(of: Problem(type: "https://x.example/myproblems/x")) == "https://x.example/myproblems/x")
        #expect(ProblemReporting.typeName(of: Problem(type: "problems/x")) == "problems/x")
        #expect(ProblemReporting.typeName(of: Problem(type: "https://x.example/problèmes/problems/é")) == "é")
    }
}

import InMemoryTracing

extension ProblemReportingTests {
    @Test func theActiveSpanRecordsTypeAndStatusAndServerErrorsMarkIt() throws {
        let tracer = InMemoryTracer()
        var reporting = ProblemReporting()
        reporting.tracer = tracer
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

        let clientSpan = tracer.startSpan("GET /books/7")
        reporting.report(registry.resolve(Problem(.notFound)), error: Problem(.notFound), isUnknownRoute: false, logger: logger, context: clientSpan.context)
        #expect(clientSpan.attributes["problem.type"]?.toSpanAttribute() == "https://api.example.com/problems/resource-not-found".toSpanAttribute())
        #expect(clientSpan.attributes["http.response.status_code"]?.toSpanAttribute() == 404.toSpanAttribute())
        #expect(clientSpan.status == nil)

        let serverSpan = tracer.startSpan("GET /boom")
        reporting.report(registry.resolve(Problem(.internalError)), error: DatabaseFailure(), isUnknownRoute: false, logger: logger, context: serverSpan.context)
        #expect(serverSpan.status?.code == .error)
    }
}

extension ProblemReportingTests {
    /// The code of ProblemDetailsServer's GettingStarted.md.
    @Test func gettingStartedCodeWorks() {
        var reporting = ProblemReporting(metricsLabel: "api_problems")
        reporting.levels["validation-error"] = .debug
        reporting.levels["rate-limit-exceeded"] = .notice
        #expect(reporting.level(for: registry.resolve(Problem(.validationError)), isUnknownRoute: false) == .debug)
        #expect(reporting.level(for: registry.resolve(Problem(.rateLimitExceeded)), isUnknownRoute: false) == .notice)
    }
}
