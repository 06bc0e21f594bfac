#if Vapor
import BookshelfContract
import ProblemDetailsVapor
public import Vapor

/// Gives the routes it guards a time limit: when a handler is still running as the limit
/// passes, the request is answered at once with a 504 `timeout` problem stating the limit in
/// `timeout_seconds`, and the handler is cancelled.
///
/// Vapor runs route handlers in tasks of their own, behind event-loop futures, so cancellation
/// does not reach them through structured concurrency: ``RouteTimeLimit`` races the handler
/// against a timer instead of waiting for it.
/// ```swift
/// let bounded = app.grouped(RouteTimeoutMiddleware(timeout: .seconds(1)))
/// bounded.get("slow") { req in try await slowWork() }
/// ```
public struct RouteTimeoutMiddleware: AsyncMiddleware {
    /// The time limit.
    public let timeout: Duration

    /// Creates the middleware.
    ///
    /// - Parameter timeout: The time limit of each request.
    public init(timeout: Duration) {
        self.timeout = timeout
    }

    /// Runs the rest of the chain against the time limit.
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - next: The rest of the chain.
    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try await RouteTimeLimit.run(self.timeout) { try await next.respond(to: request) }
    }
}
#endif
