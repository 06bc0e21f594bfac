#if Hummingbird
import HTTPTypes
public import Hummingbird
public import ProblemDetails
public import ProblemDetailsServer

extension Router {
    /// Answers every error of the routes added after this call with an RFC 9457 problem response.
    ///
    /// Call it after `MetricsMiddleware` and `TracingMiddleware`, so that they record the problem's
    /// real status, and before adding routes, since Hummingbird applies a middleware only to the
    /// routes added after it:
    /// ```swift
    /// let router = Router(context: BasicProblemRequestContext.self)
    /// router.add(middleware: MetricsMiddleware())
    /// router.add(middleware: TracingMiddleware())
    /// router.addProblemDetails(registry)
    /// router.get("books/:id") { request, context in … }
    /// ```
    /// It adds a ``ProblemMiddleware`` that knows this router's routes, so a known path requested
    /// with a method it lacks is a 405 with `Allow` instead of Hummingbird's 404 (in the case the
    /// routes were added in: Hummingbird does not make a router's `.caseInsensitive` option
    /// readable, so under it a wrong method in another case stays a 404). Use a context
    /// whose `requestDecoder` is a ``ProblemRequestDecoder``, such as
    /// ``BasicProblemRequestContext``, for `request.decode` to answer bad bodies with 400, 415
    /// and 422 problems. Nothing from an unknown error reaches a client unless you ask for a
    /// `debug` member; never ask for one in production.
    /// - Parameters:
    ///   - registry: The API's problem types.
    ///   - representations: The representations offered, the default first.
    ///   - reporting: How problems are logged, counted and traced.
    ///   - acceptedMediaTypes: The request body media types the routes accept, listed in
    ///     `Accept-Post` and `Accept-Patch` on 415 responses.
    ///   - includingDebugInformation: Whether problems made from unknown errors carry a `debug`
    ///     member with the error's type and description; for development only.
    /// - Returns: The router, to chain further calls.
    @discardableResult
    public func addProblemDetails(
        _ registry: ProblemRegistry,
        representations: ProblemRepresentations = .standard,
        reporting: ProblemReporting = ProblemReporting(),
        acceptedMediaTypes: [String] = ["application/json"],
        includingDebugInformation: Bool = false
    ) -> Self {
        let responder = ProblemResponder(
            registry: registry,
            representations: representations,
            includesDebugInformation: includingDebugInformation
        )
        let configuration = ProblemDetailsConfiguration(
            responder: responder,
            reporting: reporting,
            acceptedMediaTypes: acceptedMediaTypes
        )
        return self.addProblemDetails(configuration)
    }

    /// Answers every error of the routes added after this call with a problem response made and
    /// reported as the configuration says.
    ///
    /// Add every route before building the application, and do not change the router afterwards:
    /// the middleware reads the router's routes once, when a request first matches none, to
    /// answer a path requested with a method it lacks with 405 and `Allow`.
    /// - Parameter configuration: How problems are made and reported.
    /// - Returns: The router, to chain further calls.
    @discardableResult
    public func addProblemDetails(_ configuration: ProblemDetailsConfiguration) -> Self {
        let router = RouterReference(self)
        let routeMethods = RouteMethodTable(hummingbirdRoutes: {
            router.router.routes.map { (path: $0.path, method: $0.method) }
        })
        return self.add(middleware: ProblemMiddleware(configuration: configuration, routeMethods: routeMethods))
    }
}

/// The router, for the ``RouteMethodTable`` to read its routes once, after the application started.
///
/// `Router` is not `Sendable` because routes are added to it by mutation. Sharing it here rests
/// on one precondition, which ``Hummingbird/Router/addProblemDetails(_:)`` documents: the router is
/// not changed once an application has been built from it. Given that, the only access, a read of
/// `routes` that the table makes once, under its lock, while answering a request that reached the
/// router's not-found responder (which exists only after `buildResponder()`), cannot race a
/// write. The table then drops its reader, and with it this reference, so the router is freed
/// with the application.
private final class RouterReference<Context: RequestContext>: @unchecked Sendable {
    let router: Router<Context>

    init(_ router: Router<Context>) {
        self.router = router
    }
}
#endif
