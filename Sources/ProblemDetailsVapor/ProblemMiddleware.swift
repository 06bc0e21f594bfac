#if Vapor
import HTTPTypes
import ProblemDetails
import ProblemDetailsServer
public import Vapor

/// The outermost middleware of an application using problem details: it gives every request its
/// identifiers and turns every error into a problem response.
///
/// For each request it reads `X-Request-ID`, `X-Correlation-ID` and `traceparent`
/// (``RequestIdentity``), falling back to Vapor's own `Request.id`, puts the request ID in the
/// request logger's metadata, and echoes the
/// identifiers on every response, success or error. For each error it finds the problem (see
/// ``VaporErrorMapping``), asks the core ``ProblemResponder`` for the response (negotiation,
/// localisation, `Vary`, `HEAD`), and reports it through ``ProblemReporting``.
/// ``Application/useProblemDetails(_:representations:reporting:includingDebugInformation:)`` installs it.
///
/// It is an `EventLoopFuture` middleware, not an `AsyncMiddleware`, on purpose: an async one moves
/// every request off the event loop and back, which cost a plain-text route about a quarter of
/// its throughput in `Benchmarks/HTTP/run` (0.76 of Vapor's default, against 0.96–1.03 now).
public struct ProblemMiddleware: Middleware {
    let configuration: ProblemDetailsConfiguration
    let routeMethods: RouteMethodTable

    /// Creates the middleware.
    ///
    /// - Parameters:
    ///   - configuration: How to make and report problem responses.
    ///   - routes: The application's routes, to answer a known path with the wrong method with 405.
    public init(configuration: ProblemDetailsConfiguration, routes: Routes) {
        self.configuration = configuration
        self.routeMethods = RouteMethodTable(vaporRoutes: routes)
    }

    /// Identifies the request, passes it on, and answers any error with a problem.
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - next: The rest of the chain.
    public func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        // Vapor names every request (`Request.id`, from `X-Request-Id` or a new UUID); reuse that
        // name when it is valid rather than inventing a second one. An invalid header value that
        // Vapor took as the id is replaced, never reflected.
        let (identity, isReproducible) = request.readIdentity()
        if !isReproducible { request.problemIdentity = identity }
        // Vapor's logger already names the request by `Request.id`; setting metadata re-renders
        // all of it in swift-log's stream handler, so it is set only when the name changes.
        if identity.requestID.value != request.id {
            request.logger[metadataKey: "request-id"] = .string(identity.requestID.value)
        }
        // A problem response carries the identifiers already (the core's responder writes them),
        // so only successes get them here.
        return next.respond(to: request)
            .map { response in
                identity.forEachResponseHeaderField { name, value in
                    response.headers.replaceOrAdd(name: name.rawName, value: value)
                }
                return response
            }
            .recover { error in self.response(for: error, to: request, identity: identity) }
    }

    private func response(for error: any Error, to request: Request, identity: RequestIdentity) -> Response {
        // Once per error: Vapor's `url.path` goes through Foundation's URLComponents each time.
        let head = HTTPRequest(request)
        let (mapped, isUnknownRoute) = VaporErrorMapping.problemError(
            for: error,
            request: request,
            head: head,
            routeMethods: self.routeMethods,
            configuration: self.configuration
        )
        let problemResponse = self.configuration.response(
            for: mapped,
            thrown: error,
            to: head,
            identity: identity,
            isUnknownRoute: isUnknownRoute,
            logger: request.logger,
            context: request.serviceContext
        )
        return Response(problemResponse, allocator: request.byteBufferAllocator)
    }
}
#endif
