/// The limits the contract sets, shared by both demo apps.
public enum BookshelfPolicy {
    /// The largest request body accepted, 64 KiB; a larger one is answered with 413.
    public static let maximumBodySize = 64 * 1024

    /// Requests to `/limited` allowed per client and window.
    public static let rateLimit = 3

    /// The rate-limit window of `/limited`.
    public static let rateLimitWindow: Duration = .seconds(60)

    /// The time limit of `/slow`.
    public static let slowRouteTimeout: Duration = .seconds(1)

    /// Seconds `/maintenance` asks clients to wait, in `Retry-After` and `retry_after`.
    public static let maintenanceRetryAfter = 120

    /// The media types request bodies may have.
    public static let acceptedMediaTypes = ["application/json"]
}
