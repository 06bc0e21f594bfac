import HTTPTypes
public import Logging
public import Metrics
public import ProblemDetails
public import Tracing

/// How problem responses are logged, counted and traced: the observability every framework
/// integration shares.
///
/// - Logging: a 5xx at `error`, with the underlying error, which the response never carries; an
///   unknown route at `debug`, since scanners make many; any other problem at `info`. Levels can be
///   set per problem type.
/// - Metrics: a counter `problem_details_responses` with dimensions `type` (the slug, or the type
///   URI, or `about:blank`) and `status`; with no metrics backend bootstrapped it costs nothing.
/// - Tracing: the active span gets `problem.type` and `http.response.status_code`, and a 5xx marks
///   it as an error.
/// ```swift
/// var reporting = ProblemReporting()
/// reporting.levels["validation-error"] = .debug
/// ```
public struct ProblemReporting: Sendable {
    /// Log levels by problem type slug (`validation-error`) or type URI, overriding the defaults.
    public var levels: [String: Logger.Level]
    /// The level for 5xx problems.
    public var serverErrorLevel: Logger.Level
    /// The level for other problems.
    public var clientErrorLevel: Logger.Level
    /// The level for requests that matched no route.
    public var unknownRouteLevel: Logger.Level
    /// The label of the problem counter.
    public var metricsLabel: String
    /// Where counters are made; `nil` for the bootstrapped `MetricsSystem`.
    public var metricsFactory: (any MetricsFactory)?
    /// The tracer whose active span is annotated; `nil` for the bootstrapped `InstrumentationSystem`.
    public var tracer: (any Tracer)?

    /// Creates a reporting policy.
    ///
    /// - Parameters:
    ///   - levels: Log levels by type slug or URI.
    ///   - serverErrorLevel: The level for 5xx problems.
    ///   - clientErrorLevel: The level for other problems.
    ///   - unknownRouteLevel: The level for requests that matched no route.
    ///   - metricsLabel: The label of the problem counter.
    ///   - metricsFactory: Where counters are made; `nil` for the bootstrapped `MetricsSystem`.
    ///   - tracer: The tracer whose active span is annotated; `nil` for the bootstrapped one.
    public init(
        levels: [String: Logger.Level] = [:],
        serverErrorLevel: Logger.Level = .error,
        clientErrorLevel: Logger.Level = .info,
        unknownRouteLevel: Logger.Level = .debug,
        metricsLabel: String = "problem_details_responses",
        metricsFactory: (any MetricsFactory)? = nil,
        tracer: (any Tracer)? = nil
    ) {
        self.levels = levels
        self.serverErrorLevel = serverErrorLevel
        self.clientErrorLevel = clientErrorLevel
        self.unknownRouteLevel = unknownRouteLevel
        self.metricsLabel = metricsLabel
        self.metricsFactory = metricsFactory
        self.tracer = tracer
    }

    /// The short name of a problem's type for logs and metrics: the slug of a `/problems/{slug}`
    /// URI, else the URI itself.
    ///
    /// - Parameter problem: A resolved problem.
    public static func typeName(of problem: Problem) -> String {
        // On the UTF-8 bytes, by offset: every problem response is counted under this name, and
        // `Character`-wise suffix tests, or even `String.Index` arithmetic, cost more than the
        // rest of the reporting.
        var type = problem.type
        let marker: StaticString = "/problems/"
        let slug: String? = type.withUTF8 { bytes in
            guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")), slash + 1 < bytes.count,
                slash + 1 >= marker.utf8CodeUnitCount
            else { return nil }
            let start = slash + 1 - marker.utf8CodeUnitCount
            for offset in 0..<marker.utf8CodeUnitCount
            where bytes[start + offset] != marker.utf8Start[offset] {
                return nil
            }
            return String(decoding: bytes[(slash + 1)...], as: UTF8.self)
        }
        return slug ?? type
    }

    /// The level a problem is logged at.
    ///
    /// - Parameters:
    ///   - problem: The problem sent.
    ///   - isUnknownRoute: Whether the request matched no route.
    public func level(for problem: Problem, isUnknownRoute: Bool) -> Logger.Level {
        if !self.levels.isEmpty,
            let level = self.levels[problem.type] ?? self.levels[Self.typeName(of: problem)]
        {
            return level
        }
        if isUnknownRoute { return self.unknownRouteLevel }
        return (problem.status?.code ?? 500) >= 500 ? self.serverErrorLevel : self.clientErrorLevel
    }

    /// Logs, counts and traces one problem response.
    ///
    /// - Parameters:
    ///   - problem: The problem sent.
    ///   - error: The error it was made from; logged in full for a 5xx.
    ///   - isUnknownRoute: Whether the request matched no route.
    ///   - logger: The request's logger, which carries its request ID.
    ///   - context: The request's service context, to find its active span.
    public func report(
        _ problem: Problem,
        error: any Error,
        isUnknownRoute: Bool,
        logger: Logger,
        context: ServiceContext
    ) {
        let status = problem.status?.code ?? 500
        let level = self.level(for: problem, isUnknownRoute: isUnknownRoute)
        if logger.logLevel <= level {
            let typeName = Self.typeName(of: problem)
            var metadata: Logger.Metadata = [
                "problem.type": .string(problem.type),
                "problem.status": .stringConvertible(status),
            ]
            if let detail = problem.detail { metadata["problem.detail"] = .string(detail) }
            if status >= 500 {
                metadata["error"] = .string(String(reflecting: error))
                metadata["error.type"] = .string(String(reflecting: Swift.type(of: error)))
            }
            logger.log(level: level, "\(status) \(typeName)", metadata: metadata)
        }
        // With no backend bootstrapped nothing is counted: naming the type, the dimensions and
        // the counter object cost four allocations an error for nothing.
        let factory = self.metricsFactory ?? MetricsSystem.factory
        if !(factory is NOOPMetricsHandler) {
            let dimensions = [("type", Self.typeName(of: problem)), ("status", String(status))]
            Counter(label: self.metricsLabel, dimensions: dimensions, factory: factory).increment()
        }
        // A span is found through the context, so an empty context has none; this skips the
        // bootstrapped tracer's lock for every request served without tracing.
        guard !context.isEmpty else { return }
        let tracer = self.tracer ?? InstrumentationSystem.tracer
        if let span = tracer.activeSpan(identifiedBy: context) {
            Self.annotate(span, problem: problem, status: status)
        }
    }

    private static func annotate(_ span: some Span, problem: Problem, status: Int) {
        span.attributes["problem.type"] = problem.type
        span.attributes["http.response.status_code"] = status
        if status >= 500 { span.setStatus(SpanStatus(code: .error)) }
    }
}
