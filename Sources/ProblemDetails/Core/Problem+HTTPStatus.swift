public import HTTPTypes

extension Problem {
    /// The problem for a framework's plain HTTP error: a status, perhaps a reason, header fields.
    ///
    /// Frameworks' own errors (Vapor's `Abort`, Hummingbird's `HTTPError`) carry no problem type,
    /// so the status chooses one: a status that has a built-in type of its own (401
    /// `unauthorized`, 403 `forbidden`, 409 `conflict`, 415 `unsupported-media-type`, 429
    /// `rate-limit-exceeded`, 500 `internal-error`, 503 `service-unavailable`, 504 `timeout`) gets
    /// it, and any other gets `about:blank`, which means no more than the status (RFC 9457 §4.2.1).
    /// The reason becomes the detail of a 4xx only: a client's mistake is worth explaining, while a
    /// 5xx's reason is written for operators and stays in the log. A reason that only repeats the
    /// status phrase is dropped. The header fields are kept, except `Content-Type` and
    /// `Content-Length`, which describe the framework's own body.
    /// - Parameters:
    ///   - status: The error's status; one outside 400–599 becomes 500.
    ///   - reason: The error's explanation, if any.
    ///   - headers: The error's header fields, such as `WWW-Authenticate` or `Retry-After`.
    public static func httpError(
        status: HTTPResponse.Status,
        reason: String? = nil,
        headers: HTTPFields = [:]
    ) -> Problem {
        let status: HTTPResponse.Status = (400...599).contains(status.code) ? status : .internalServerError
        var problem = Self.builtIn(for: status)
        if status.kind == .clientError, let reason, !reason.isEmpty, !StatusTitle.isPhrase(reason, of: status.code),
            !StatusTitle.equalIgnoringASCIICase(reason, status.reasonPhrase)
        {
            problem.detail = reason
        }
        var fields = headers
        fields[.contentType] = nil
        fields[.contentLength] = nil
        problem.headers = fields
        return problem
    }

    // Returned from each case rather than assigned to a variable in a switch: assigned, every
    // branch's problem was copied and the original destroyed.
    /// The problem of the built-in type for a status, or `about:blank` with it.
    private static func builtIn(for status: HTTPResponse.Status) -> Problem {
        switch status.code {
        case 401: Problem(.unauthorized)
        case 403: Problem(.forbidden)
        case 409: Problem(.conflict)
        case 415: Problem(.unsupportedMediaType)
        case 429: Problem(.rateLimitExceeded)
        case 500: Problem(.internalError)
        case 503: Problem(.serviceUnavailable)
        case 504: Problem(.timeout)
        default: Problem(status: status)
        }
    }
}
