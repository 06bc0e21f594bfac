#if Vapor
public import BookshelfContract
import HTTPTypes
import ProblemDetailsVapor
public import Vapor

/// Limits how often each client may call the routes it guards: at most `limit` requests per
/// `window`, counted in fixed windows per client key.
///
/// Allowed responses carry the `RateLimit-Policy` and `RateLimit` header fields of the IETF httpapi
/// draft; a request over the limit is answered with a 429 `rate-limit-exceeded` problem whose
/// `retry_after` equals its `Retry-After` field, with the same two fields.
/// ```swift
/// let limited = app.grouped(RateLimitMiddleware(limit: 3, window: .seconds(60)))
/// limited.get("limited") { _ in "ok" }
/// ```
/// https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/
public struct RateLimitMiddleware: AsyncMiddleware {
    /// The counters, shared by every request through this middleware.
    public let limiter: FixedWindowRateLimiter
    /// The name of the quota policy in the header fields.
    public let policy: String
    /// Which client a request comes from.
    public let key: @Sendable (Request) -> String

    /// Creates the middleware.
    ///
    /// - Parameters:
    ///   - limit: Requests allowed per client and window.
    ///   - window: The length of a window, whole seconds.
    ///   - policy: The name of the quota policy in the header fields.
    ///   - key: Which client a request comes from; by default ``clientKey(of:)``.
    public init(
        limit: Int,
        window: Duration,
        policy: String = "default",
        key: @escaping @Sendable (Request) -> String = RateLimitMiddleware.clientKey(of:)
    ) {
        self.limiter = FixedWindowRateLimiter(limit: limit, window: window)
        self.policy = policy
        self.key = key
    }

    /// The client of a request, as ``FixedWindowRateLimiter/clientKey(clientID:peerAddress:)``
    /// names it: its `X-Client-ID` field, else the address of the connection's peer.
    ///
    /// - Parameter request: The request.
    public static func clientKey(of request: Request) -> String {
        FixedWindowRateLimiter.clientKey(
            clientID: request.headers.first(name: FixedWindowRateLimiter.clientIDField.rawName),
            peerAddress: request.remoteAddress?.ipAddress
        )
    }

    /// Counts the request and passes it on, or answers it with a 429 problem.
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - next: The rest of the chain.
    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let decision = await self.limiter.acquire(key: self.key(request))
        guard decision.isAllowed else { throw decision.problem(policy: self.policy) }
        let response = try await next.respond(to: request)
        for field in decision.headerFields(policy: self.policy) {
            response.headers.replaceOrAdd(name: field.name.rawName, value: field.value)
        }
        return response
    }
}
#endif
