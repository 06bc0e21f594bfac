#if Vapor
public import ProblemDetails
public import ProblemDetailsServer
public import Vapor

extension Application {
    /// Answers every error of the application with an RFC 9457 problem response.
    ///
    /// Call it once in `configure(_:)`, before registering other middleware:
    /// ```swift
    /// try app.useProblemDetails(registry)
    /// ```
    /// It replaces Vapor's `ErrorMiddleware`, which must not also run (it would answer first, with
    /// `{"error": true, "reason": …}`), keeps `RouteLoggingMiddleware`, and puts
    /// ``ProblemMiddleware`` outermost so it sees every error, including unknown routes and those
    /// of other middleware. Nothing from an unknown error reaches a client unless you ask for a
    /// `debug` member, and even then never in the production environment.
    /// - Parameters:
    ///   - registry: The API's problem types.
    ///   - representations: The representations offered, the default first.
    ///   - reporting: How problems are logged, counted and traced.
    ///   - includingDebugInformation: Whether problems made from unknown errors carry a `debug`
    ///     member with the error's type and description; ignored in production.
    public func useProblemDetails(
        _ registry: ProblemRegistry,
        representations: ProblemRepresentations = .standard,
        reporting: ProblemReporting = ProblemReporting(),
        includingDebugInformation: Bool = false
    ) {
        let responder = ProblemResponder(
            registry: registry,
            representations: representations,
            includesDebugInformation: includingDebugInformation && self.environment != .production
                && !self.environment.isRelease
        )
        let configuration = ProblemDetailsConfiguration(responder: responder, reporting: reporting)
        self.storage[ProblemDetailsConfigurationKey.self] = configuration
        var middleware = Middlewares()
        middleware.use(ProblemMiddleware(configuration: configuration, routes: self.routes))
        middleware.use(RouteLoggingMiddleware(logLevel: .info))
        self.middleware = middleware
    }

    /// The configuration given to ``useProblemDetails(_:representations:reporting:includingDebugInformation:)``.
    public var problemDetails: ProblemDetailsConfiguration? {
        self.storage[ProblemDetailsConfigurationKey.self]
    }
}

struct ProblemDetailsConfigurationKey: StorageKey {
    typealias Value = ProblemDetailsConfiguration
}
#endif
