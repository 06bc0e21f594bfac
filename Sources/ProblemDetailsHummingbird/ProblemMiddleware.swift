#if Hummingbird
import HTTPTypes
public import Hummingbird
import Logging
import ProblemDetails
public import ProblemDetailsServer
import Tracing

/// The middleware that gives every request its identifiers and turns every error into a problem
/// response.
///
/// For each request it reads `X-Request-ID`, `X-Correlation-ID` and `traceparent`
/// (``RequestIdentity``), generating a request ID when the client sends no valid one. It writes
/// the ID into the logger's `hb.request.id` metadata and binds that logger as swift-log's
/// task-local `Logger.current`, so that Hummingbird's `context.id` and every log line from here
/// inwards, through `context.logger` or `Logger.current`, carry the ID the response shows; and it
/// echoes the identifiers on every response, success or error. It binds the identity as
/// ``ProblemDetails/RequestIdentity/current`` for the layers inwards of it. For each error it
/// finds the problem (Hummingbird's `HTTPError` and other `HTTPResponseError`s, an unknown route,
/// a known path with the wrong method), asks the core ``ProblemResponder`` for the response and
/// reports it through ``ProblemReporting``.
///
/// Add it before the routes, since Hummingbird applies a middleware only to routes added after it,
/// and after `MetricsMiddleware` and `TracingMiddleware`, so that they see the problem's real
/// status instead of an error they would count as a 500:
/// ```swift
/// router.add(middleware: MetricsMiddleware())
/// router.add(middleware: TracingMiddleware())
/// router.addProblemDetails(registry)
/// router.get("books/:id") { request, context in … }
/// ```
/// ``Hummingbird/Router/addProblemDetails(_:representations:reporting:acceptedMediaTypes:includingDebugInformation:)``
/// makes and adds it.
public struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    /// How problems are made and reported.
    public let configuration: ProblemDetailsConfiguration
    let routeMethods: RouteMethodTable?

    /// Creates the middleware.
    ///
    /// Without the router's routes, a known path requested with a method it lacks stays a 404, as
    /// Hummingbird answers it; ``Hummingbird/Router/addProblemDetails(_:representations:reporting:acceptedMediaTypes:includingDebugInformation:)``
    /// gives them.
    /// - Parameter configuration: How problems are made and reported.
    public init(configuration: ProblemDetailsConfiguration) {
        self.configuration = configuration
        self.routeMethods = nil
    }

    init(configuration: ProblemDetailsConfiguration, routeMethods: RouteMethodTable) {
        self.configuration = configuration
        self.routeMethods = routeMethods
    }

    /// Identifies the request, passes it on, and answers any error with a problem.
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - context: The request's context.
    ///   - next: The rest of the chain.
    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        // Hummingbird's own ID is a per-process prefix and a counter: shown to clients, it would
        // reveal the request volume and let them guess other requests' IDs. A generated one
        // replaces it in the logger metadata, so the request still has a single identity.
        let identity = RequestIdentity(headerFields: request.headers)
        var context = context
        context.logger[metadataKey: Self.requestIDMetadataKey] = .string(identity.requestID.value)
        // Hummingbird binds its own logger, with its own ID, as swift-log's task-local
        // `Logger.current`; handlers that log through it must see the ID the response shows, and
        // so must an inner layer that answers with a problem itself.
        // The error is caught inside both scopes and carried out as a value: thrown out of them,
        // each scope's generic rethrow cast it and boxed it again, two allocations per error.
        let result: Result<Response, any Error> = await RequestIdentity.$current.withValue(identity) {
            await withLogger(context.logger) { _ in
                do {
                    // Here, where the response's header fields have no other owner, so adding
                    // to them does not copy them.
                    var response = try await next(request, context)
                    identity.forEachResponseHeaderField { name, value in response.headers[name] = value }
                    return .success(response)
                } catch {
                    return .failure(error)
                }
            }
        }
        switch result {
        case .success(let response):
            return response
        case .failure(let error):
            // The core's responder has written the identifiers into the problem response.
            return self.response(for: error, to: request, context: context, identity: identity)
        }
    }

    /// The logger metadata key under which Hummingbird keeps the request ID.
    public static var requestIDMetadataKey: String { "hb.request.id" }

    private func response(
        for error: any Error,
        to request: Request,
        context: Context,
        identity: RequestIdentity
    ) -> Response {
        let (mapped, isUnknownRoute) = HummingbirdErrorMapping.problemError(
            for: error,
            request: request,
            context: context,
            routeMethods: self.routeMethods,
            configuration: self.configuration
        )
        // Read before the configuration is: reading them runs code the optimizer cannot see
        // through, and to keep the configuration safe meanwhile it copied the whole of it, about
        // 0.3 µs of a 44 µs error response.
        let logger = context.logger
        let serviceContext = ServiceContext.current ?? .topLevel
        let problemResponse = self.configuration.response(
            for: mapped,
            thrown: error,
            to: request.head,
            identity: identity,
            isUnknownRoute: isUnknownRoute,
            logger: logger,
            context: serviceContext
        )
        return Response(problemResponse)
    }
}
#endif
