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
    /// The `RateLimit-Policy` header field.
    public static let policyField = "RateLimit-Policy"
    /// The `RateLimit` header field.
    public static let rateLimitField = "RateLimit"

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

    /// The client of a request: its `X-Client-ID` field when present (up to 128 characters),
    /// else the address of the connection's peer.
    ///
    /// Forwarding header fields are not trusted: a client could name any address in them.
    /// - Parameter request: The request.
    public static func clientKey(of request: Request) -> String {
        if let clientID = request.headers.first(name: "X-Client-ID"), !clientID.isEmpty, clientID.utf8.count <= 128 {
            return "client:" + clientID
        }
        return "address:" + (request.remoteAddress?.ipAddress ?? "unknown")
    }

    /// Counts the request and passes it on, or answers it with a 429 problem.
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - next: The rest of the chain.
    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let decision = await self.limiter.acquire(key: self.key(request))
        let policyValue = decision.policyField(policy: self.policy)
        let rateLimitValue = decision.rateLimitField(policy: self.policy)
        guard decision.isAllowed else {
            var problem = Problem.rateLimitExceeded(
                retryAfter: decision.resetSeconds,
                detail: "This client may send \(decision.limit) requests every \(decision.windowSeconds) seconds."
            )
            problem.headers[.rateLimitPolicy] = policyValue
            problem.headers[.rateLimit] = rateLimitValue
            throw problem
        }
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: Self.policyField, value: policyValue)
        response.headers.replaceOrAdd(name: Self.rateLimitField, value: rateLimitValue)
        return response
    }
}

extension HTTPField.Name {
    // Both names are valid tokens, so the initialiser cannot fail.
    fileprivate static let rateLimitPolicy = HTTPField.Name(RateLimitMiddleware.policyField)!
    fileprivate static let rateLimit = HTTPField.Name(RateLimitMiddleware.rateLimitField)!
}
#endif
