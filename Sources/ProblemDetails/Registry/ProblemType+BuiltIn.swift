import HTTPTypes

extension ProblemType {
    /// The request body, or its parameters, failed validation (422); `errors` lists every failure.
    public static let validationError = ProblemType(
        slug: "validation-error",
        title: "Your request is not valid.",
        status: .unprocessableContent,
        summary: """
            The request was well-formed but one or more of its values are not acceptable. The errors \
            member lists every failure at once, each with a detail and a JSON Pointer (pointer) to the \
            member of the body, or the name of the parameter or header field, that is at fault. Correct \
            them all and send the request again.
            """,
        members: [.init(name: "errors", kind: .violations, summary: "Every failure, each with its location.")]
    )

    /// The request body is not well-formed (400), for instance JSON with a syntax error.
    public static let malformedBody = ProblemType(
        slug: "malformed-body",
        title: "The request body is malformed.",
        status: .badRequest,
        summary: """
            The request body could not be parsed in the format its Content-Type names. The detail says \
            where parsing stopped (for JSON, the line and column). Fix the syntax and send it again.
            """
    )

    /// A path or query parameter is not valid (400); `errors` names it.
    public static let invalidParameter = ProblemType(
        slug: "invalid-parameter",
        title: "A request parameter is not valid.",
        status: .badRequest,
        summary: """
            A path or query parameter has a value the API cannot use, such as an identifier that is not \
            a UUID. The errors member names each such parameter.
            """,
        members: [.init(name: "errors", kind: .violations, summary: "Each invalid parameter.")]
    )

    /// The request lacks valid credentials (401); sent with `WWW-Authenticate`.
    public static let unauthorized = ProblemType(
        slug: "unauthorized",
        title: "Authentication is required.",
        status: .unauthorized,
        summary: """
            The request has no credentials, or credentials the API does not accept. The WWW-Authenticate \
            header field says how to authenticate.
            """,
        headers: [.wwwAuthenticate]
    )

    /// The credentials are valid but do not allow the request (403).
    public static let forbidden = ProblemType(
        slug: "forbidden",
        title: "You are not allowed to do this.",
        status: .forbidden,
        summary: """
            The API knows who is asking, but their credentials do not allow this request. Authenticating \
            again with the same credentials will not help.
            """
    )

    /// The resource the request names does not exist (404), as opposed to an unknown route.
    public static let notFound = ProblemType(
        slug: "resource-not-found",
        title: "The resource does not exist.",
        status: .notFound,
        summary: """
            The route exists, but the resource it names does not: it was never created or has been \
            deleted. The resource and resource_id members say what was looked for.
            """,
        members: [
            .init(name: "resource", kind: .string, summary: "The kind of resource looked for."),
            .init(name: "resource_id", kind: .string, summary: "The identifier looked for."),
        ]
    )

    /// The request conflicts with the current state of the resource (409).
    public static let conflict = ProblemType(
        slug: "conflict",
        title: "The request conflicts with the current state of the resource.",
        status: .conflict,
        summary: """
            The request cannot be carried out because of the resource's current state, for example a \
            value that must be unique is already taken. Nothing was changed.
            """
    )

    /// The request body's media type is not one the route accepts (415).
    public static let unsupportedMediaType = ProblemType(
        slug: "unsupported-media-type",
        title: "The request body's media type is not supported.",
        status: .unsupportedMediaType,
        summary: """
            The Content-Type of the request body is not one this route accepts. The detail names the \
            type received; an Accept-Post or Accept-Patch header field lists the accepted ones.
            """
    )

    /// The client sent too many requests (429); `retry_after` equals the `Retry-After` header.
    public static let rateLimitExceeded = ProblemType(
        slug: "rate-limit-exceeded",
        title: "Too many requests.",
        status: .tooManyRequests,
        summary: """
            The client has sent more requests than its quota allows. Wait the number of seconds in \
            Retry-After (also given as retry_after) before sending another.
            """,
        members: [.init(name: "retry_after", kind: .integer, summary: "Seconds to wait, as in Retry-After.")],
        headers: [.retryAfter]
    )

    /// The server failed unexpectedly (500). Such problems say nothing about the failure.
    public static let internalError = ProblemType(
        slug: "internal-error",
        title: "An internal error occurred.",
        status: .internalServerError,
        summary: """
            The server failed while handling the request. The response says nothing about why, by \
            design; quote the request_id when reporting it, and the operators can find the details.
            """
    )

    /// The service is temporarily unavailable (503), for example for maintenance.
    public static let serviceUnavailable = ProblemType(
        slug: "service-unavailable",
        title: "The service is temporarily unavailable.",
        status: .serviceUnavailable,
        summary: """
            The service cannot handle requests right now, for example during maintenance. Try again \
            after the number of seconds in Retry-After (also given as retry_after).
            """,
        members: [.init(name: "retry_after", kind: .integer, summary: "Seconds to wait, as in Retry-After.")],
        headers: [.retryAfter]
    )

    /// Handling the request took longer than the server allows (504).
    public static let timeout = ProblemType(
        slug: "timeout",
        title: "The request took too long.",
        status: .gatewayTimeout,
        summary: """
            The server stopped handling the request when it ran past its time limit, given in \
            timeout_seconds. The request may or may not have taken effect.
            """,
        members: [.init(name: "timeout_seconds", kind: .number, summary: "The time limit, in seconds.")]
    )

    /// The problem types every API needs, which a ``ProblemRegistry`` includes unless told not to.
    public static let builtIn: [ProblemType] = [
        .validationError, .malformedBody, .invalidParameter, .unauthorized, .forbidden, .notFound, .conflict,
        .unsupportedMediaType, .rateLimitExceeded, .internalError, .serviceUnavailable, .timeout,
    ]
}
