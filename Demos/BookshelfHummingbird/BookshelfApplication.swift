#if Hummingbird
public import BookshelfContract
public import Hummingbird
import Logging
import ProblemDetailsHummingbird
public import Prometheus

/// The bookshelf API on Hummingbird: the same contract, problem types and bytes as the Vapor app,
/// with its books kept in memory.
public enum BookshelfApplication {
    /// Builds the application: problem details, every route of the contract, and Hummingbird's
    /// metrics and tracing middleware in the order that lets them see problems' real statuses.
    ///
    /// ```swift
    /// let app = try BookshelfApplication.make(options: BookshelfOptions(port: 8081))
    /// try await app.runService()
    /// ```
    /// - Parameters:
    ///   - options: The address, log level and public URL; the database path is not used.
    ///   - metrics: The Prometheus registry `/metrics` shows; the problem counter is made in it.
    /// - Throws: When the public URL is not absolute.
    public static func make(
        options: BookshelfOptions,
        metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry()
    ) throws -> some ApplicationProtocol {
        var logger = Logger(label: "bookshelf-hummingbird")
        logger.logLevel = Logger.Level(rawValue: options.logLevel) ?? .info

        let registry = try BookshelfRegistry.make(publicURL: options.publicURL)
        let representations = BookshelfRegistry.representations
        let reporting = ProblemReporting(metricsFactory: PrometheusMetricsFactory(registry: metrics))
        let responder = ProblemResponder(registry: registry, representations: representations)

        // Hummingbird answers HEAD only for routes that declare it; the contract wants HEAD
        // wherever GET is.
        let router = Router(context: BookshelfRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: TracingMiddleware())
        router.addProblemDetails(
            ProblemDetailsConfiguration(
                responder: responder,
                reporting: reporting,
                acceptedMediaTypes: BookshelfPolicy.acceptedMediaTypes
            )
        )
        BookRoutes(store: BookStore()).add(to: router)
        DemoRoutes(
            rateLimit: RateLimitMiddleware(limit: BookshelfPolicy.rateLimit, window: BookshelfPolicy.rateLimitWindow)
        ).add(to: router)
        ProblemPagesRoutes(responder: responder).add(to: router)
        MetricsRoute(registry: metrics).add(to: router)
        OpenAPIRoute(registry: registry).add(to: router)

        return Application(
            router: router,
            configuration: ApplicationConfiguration(
                address: .hostname(options.hostname, port: options.port),
                serverName: "bookshelf-hummingbird"
            ),
            logger: logger
        )
    }
}
#endif
