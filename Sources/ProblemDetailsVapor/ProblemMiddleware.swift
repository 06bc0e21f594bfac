#if Vapor
import HTTPTypes
import Logging
import ProblemDetails
import ProblemDetailsServer
public import Vapor

/// The outermost middleware of an application using problem details: it gives every request its
/// identifiers and turns every error into a problem response.
///
/// For each request it reads `X-Request-ID`, `X-Correlation-ID` and `traceparent`
/// (``RequestIdentity``), falling back to Vapor's own `Request.id`, puts the request ID in the
/// request logger's metadata, binds that logger as swift-log's task-local `Logger.current` for the
/// rest of the chain, and echoes the identifiers on every response, success or error. For each
/// error it finds the problem (see
/// ``VaporErrorMapping``), asks the core ``ProblemResponder`` for the response (negotiation,
/// localisation, `Vary`, `HEAD`), and reports it through ``ProblemReporting``.
/// ``Application/useProblemDetails(_:representations:reporting:includingDebugInformation:)`` installs it.
///
/// It is an `EventLoopFuture` middleware, not an `AsyncMiddleware`, on purpose: an async one moves
/// every request off the event loop and back, which cost a plain-text route about a quarter of
/// its throughput in `Benchmarks/HTTP/run` (0.76 of Vapor's default, against 0.96–1.03 now).
///
/// It is a class, as Vapor's own `ErrorMiddleware` is, because every request's completion callback
/// captures it: a reference is one retain, while a struct holding the configuration and the route
/// table was copied field by field, about 0.5 µs of a plain-text response.
public final class ProblemMiddleware: Middleware, Sendable {
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
        // Vapor never binds swift-log's task-local `Logger.current`, so handlers that log through
        // it would write no request ID at all. An async route runs in a task made within this
        // call, and a task inherits the task-locals bound where it is made.
        // The identity likewise, for an inner layer that answers with a problem itself.
        let response = RequestIdentity.$current.withValue(identity) {
            withLogger(request.logger) { _ in next.respond(to: request) }
        }
        // One callback and one promise, where `map` then `recover` made two of each.
        let promise = request.eventLoop.makePromise(of: Response.self)
        response.whenComplete { result in
            switch result {
            case .success(let response):
                // A problem response carries the identifiers already (the core's responder writes
                // them), so only successes get them here.
                // Vapor's `headers` is a copy taken under the response's lock: edited in place
                // while the response still held it, the whole field list was copied. Taken out
                // first, it is edited without a copy and put back once.
                var headers = response.headers
                response.headers = HTTPHeaders()
                identity.forEachResponseHeaderField { name, value in
                    headers.replaceOrAdd(name: name.rawName, value: value)
                }
                response.headers = headers
                promise.succeed(response)
            case .failure(let error):
                promise.succeed(self.response(for: error, to: request, identity: identity))
            }
        }
        return promise.futureResult
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
