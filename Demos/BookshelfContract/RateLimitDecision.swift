public import HTTPTypes
public import ProblemDetails

/// The outcome of asking a ``FixedWindowRateLimiter``, with the header fields of the IETF
/// httpapi draft "RateLimit header fields for HTTP".
///
/// https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/
public struct RateLimitDecision: Sendable, Hashable {
    /// Whether the request may go ahead.
    public var isAllowed: Bool
    /// Requests allowed per window.
    public var limit: Int
    /// Requests left in the current window.
    public var remaining: Int
    /// Seconds until the current window ends, at least 1 while requests are refused.
    public var resetSeconds: Int
    /// The window's length in seconds.
    public var windowSeconds: Int

    /// Creates a decision.
    ///
    /// - Parameters:
    ///   - isAllowed: Whether the request may go ahead.
    ///   - limit: Requests allowed per window.
    ///   - remaining: Requests left in the window.
    ///   - resetSeconds: Seconds until the window ends.
    ///   - windowSeconds: The window's length in seconds.
    public init(isAllowed: Bool, limit: Int, remaining: Int, resetSeconds: Int, windowSeconds: Int) {
        self.isAllowed = isAllowed
        self.limit = limit
        self.remaining = remaining
        self.resetSeconds = isAllowed ? resetSeconds : max(1, resetSeconds)
        self.windowSeconds = windowSeconds
    }

    /// The `RateLimit-Policy` field value: `"default";q=3;w=60`.
    ///
    /// - Parameter policy: The policy's name.
    public func policyField(policy: String) -> String {
        "\(Self.quoted(policy));q=\(self.limit);w=\(self.windowSeconds)"
    }

    /// The `RateLimit` field value: `"default";r=0;t=42`.
    ///
    /// - Parameter policy: The policy's name.
    public func rateLimitField(policy: String) -> String {
        "\(Self.quoted(policy));r=\(self.remaining);t=\(self.resetSeconds)"
    }

    /// The `RateLimit-Policy` header field.
    public static let policyFieldName = HTTPField.Name("RateLimit-Policy")!
    /// The `RateLimit` header field.
    public static let rateLimitFieldName = HTTPField.Name("RateLimit")!

    /// The `RateLimit-Policy` and `RateLimit` header fields every response through the limiter
    /// carries, allowed or not.
    ///
    /// - Parameter policy: The policy's name.
    public func headerFields(policy: String) -> HTTPFields {
        [Self.policyFieldName: self.policyField(policy: policy), Self.rateLimitFieldName: self.rateLimitField(policy: policy)]
    }

    /// The 429 `rate-limit-exceeded` problem for a refused request: `retry_after` equal to its
    /// `Retry-After` field, and the two rate-limit header fields.
    ///
    /// - Parameter policy: The policy's name.
    public func problem(policy: String) -> Problem {
        var problem = Problem.rateLimitExceeded(
            retryAfter: self.resetSeconds,
            detail: "This client may send \(self.limit) requests every \(self.windowSeconds) seconds."
        )
        for field in self.headerFields(policy: policy) { problem.headers[field.name] = field.value }
        return problem
    }

    /// A structured-field string (RFC 9651 §3.3.3): quotes, with `\` and `"` escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            if character == "\\" || character == "\"" { result.append("\\") }
            result.append(character)
        }
        return result + "\""
    }
}
