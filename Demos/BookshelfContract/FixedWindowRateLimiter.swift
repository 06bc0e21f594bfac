public import HTTPTypes

/// Counts requests per client in fixed windows: at most ``limit`` in each ``window``, starting with
/// a client's first request.
///
/// It is an actor, so any number of requests may ask at once. Windows that have ended are dropped
/// as the table grows, so clients that come once do not accumulate.
/// ```swift
/// let limiter = FixedWindowRateLimiter(limit: 3, window: .seconds(60))
/// let decision = await limiter.acquire(key: clientID)
/// if !decision.isAllowed { /* 429, Retry-After: decision.resetSeconds */ }
/// ```
public actor FixedWindowRateLimiter {
    struct Window {
        var start: ContinuousClock.Instant
        var count: Int
    }

    /// Requests allowed per window.
    public nonisolated let limit: Int
    /// The length of a window.
    public nonisolated let window: Duration

    private let clock = ContinuousClock()
    private var windows: [String: Window] = [:]
    private var pruneThreshold = 1024

    /// The `X-Client-ID` header field, which names the client a request counts for.
    public static let clientIDField = HTTPField.Name("X-Client-ID")!

    /// The key that counts a request: its `X-Client-ID` field when present (up to 128
    /// characters), else the address of the connection's peer.
    ///
    /// Forwarding header fields are not trusted: a client could name any address in them.
    /// - Parameters:
    ///   - clientID: The request's `X-Client-ID` field value, if any.
    ///   - peerAddress: The IP address of the connection's peer, if known.
    public static func clientKey(clientID: String?, peerAddress: String?) -> String {
        if let clientID, !clientID.isEmpty, clientID.utf8.count <= 128 {
            return "client:" + clientID
        }
        return "address:" + (peerAddress ?? "unknown")
    }

    /// Creates a limiter.
    ///
    /// - Parameters:
    ///   - limit: Requests allowed per window; at least 1.
    ///   - window: The length of a window; at least a second, as `Retry-After` counts seconds.
    public init(limit: Int, window: Duration) {
        precondition(limit >= 1, "a rate limit allows at least one request")
        precondition(window >= .seconds(1), "a rate-limit window lasts at least a second")
        self.limit = limit
        self.window = window
    }

    /// Counts one request of a client and says whether it is allowed.
    ///
    /// A request that is not allowed is not counted, so a client that keeps asking is not kept
    /// out longer.
    /// - Parameter key: Identifies the client, such as its address.
    public func acquire(key: String) -> RateLimitDecision {
        let now = self.clock.now
        var current = self.windows[key] ?? Window(start: now, count: 0)
        if now - current.start >= self.window {
            current = Window(start: now, count: 0)
        }
        let isAllowed = current.count < self.limit
        if isAllowed { current.count += 1 }
        self.windows[key] = current
        if self.windows.count > self.pruneThreshold { self.prune(now: now) }
        return RateLimitDecision(
            isAllowed: isAllowed,
            limit: self.limit,
            remaining: self.limit - current.count,
            resetSeconds: Self.secondsRoundedUp(self.window - (now - current.start)),
            windowSeconds: Self.secondsRoundedUp(self.window)
        )
    }

    private func prune(now: ContinuousClock.Instant) {
        self.windows = self.windows.filter { now - $0.value.start < self.window }
        // Many clients inside one window: let the table grow rather than sweep on every request.
        self.pruneThreshold = max(1024, self.windows.count * 2)
    }

    static func secondsRoundedUp(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(0, Int(seconds) + (attoseconds > 0 ? 1 : 0))
    }
}
