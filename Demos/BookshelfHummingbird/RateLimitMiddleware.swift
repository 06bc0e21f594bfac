#if Hummingbird
public import BookshelfContract
import HTTPTypes
public import Hummingbird

/// Limits how often each client may call the routes it guards: at most `limit` requests per
/// `window`, counted in fixed windows per client key.
///
/// Allowed responses carry the `RateLimit-Policy` and `RateLimit` header fields of the IETF httpapi
/// draft; a request over the limit is answered with a 429 `rate-limit-exceeded` problem whose
/// `retry_after` equals its `Retry-After` field, with the same two fields
/// (``RateLimitDecision/problem(policy:)``).
/// ```swift
/// router.group("limited").add(middleware: RateLimitMiddleware(limit: 3, window: .seconds(60)))
/// ```
public struct RateLimitMiddleware<Context: RemoteAddressRequestContext>: RouterMiddleware {
    /// The counters, shared by every request through this middleware.
    public let limiter: FixedWindowRateLimiter
    /// The name of the quota policy in the header fields.
    public let policy: String

    /// Creates the middleware.
    ///
    /// - Parameters:
    ///   - limit: Requests allowed per client and window.
    ///   - window: The length of a window, whole seconds.
    ///   - policy: The name of the quota policy in the header fields.
    public init(limit: Int, window: Duration, policy: String = "default") {
        self.limiter = FixedWindowRateLimiter(limit: limit, window: window)
        self.policy = policy
    }

    /// Counts the request and passes it on, or answers it with a 429 problem.
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - context: The request's context, which knows the peer's address.
    ///   - next: The rest of the chain.
    public func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let key = FixedWindowRateLimiter.clientKey(
            clientID: request.headers[FixedWindowRateLimiter.clientIDField],
            peerAddress: context.remoteAddress?.ipAddress
        )
        let decision = await self.limiter.acquire(key: key)
        guard decision.isAllowed else { throw decision.problem(policy: self.policy) }
        var response = try await next(request, context)
        for field in decision.headerFields(policy: self.policy) { response.headers[field.name] = field.value }
        return response
    }
}
#endif
