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
