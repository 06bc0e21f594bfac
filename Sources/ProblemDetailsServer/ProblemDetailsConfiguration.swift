public import HTTPTypes
public import Logging
public import ProblemDetails
public import Tracing

/// Everything a framework integration needs: how to make problem responses and how to report them.
///
/// The Vapor and Hummingbird adapters hold one of these and only translate their framework's
/// requests, errors and responses; what a problem says, and how it is logged, counted and traced,
/// is decided here and in the core.
/// ```swift
/// let configuration = ProblemDetailsConfiguration(responder: ProblemResponder(registry: registry))
/// ```
public struct ProblemDetailsConfiguration: Sendable {
    /// Makes the responses: the registry, the representations offered and whether to add debug
    /// information.
    public var responder: ProblemResponder
    /// Logging, metrics and tracing of problem responses.
    public var reporting: ProblemReporting
    /// The request body media types the application accepts, listed in `Accept-Post` and
    /// `Accept-Patch` on 415 responses.
    public var acceptedMediaTypes: [String]

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - responder: Makes the responses.
    ///   - reporting: Logs, counts and traces them.
    ///   - acceptedMediaTypes: The request body media types the application accepts.
    public init(
        responder: ProblemResponder,
        reporting: ProblemReporting = ProblemReporting(),
        acceptedMediaTypes: [String] = ["application/json"]
    ) {
        self.responder = responder
        self.reporting = reporting
        self.acceptedMediaTypes = acceptedMediaTypes
    }

    /// The request header fields that making a problem response reads, given the identity:
    /// `Accept` and `Accept-Language` choose the representation and the language, and
    /// `Content-Type` is named by a 415. An integration whose requests do not hold `HTTPFields`
    /// converts only these.
    package static let requestFieldNames: [HTTPField.Name] = [.accept, .acceptLanguage, .contentType]

    /// The problem for a framework's own HTTP error, such as Vapor's `Abort` or Hummingbird's
    /// `HTTPError`.
    ///
    /// A 415 becomes an `unsupported-media-type` naming the request's `Content-Type` and listing
    /// ``acceptedMediaTypes`` in `Accept-Post` or `Accept-Patch`, since the framework that refused
    /// the body knows neither; any other status is ``Problem/httpError(status:reason:headers:)``.
    /// - Parameters:
    ///   - status: The error's status.
    ///   - reason: The error's explanation, the detail of a 4xx.
    ///   - headers: The error's header fields.
    ///   - request: The request that failed.
    public func problem(
        forHTTPError status: HTTPResponse.Status,
        reason: String?,
        headers: HTTPFields,
        request: HTTPRequest
    ) -> Problem {
        guard status == .unsupportedMediaType else {
            return Problem.httpError(status: status, reason: reason, headers: headers)
        }
        return Problem.unsupportedMediaType(
            received: request.headerFields[.contentType],
            accepted: self.acceptedMediaTypes,
            method: request.method
        )
    }

    /// The response to an error, logged, counted and traced.
    ///
    /// - Parameters:
    ///   - problemError: The error to answer, after the framework's own errors were translated.
    ///   - error: The error as thrown; a 5xx logs it in full.
    ///   - request: The request that failed.
    ///   - identity: The request's identifiers.
    ///   - isUnknownRoute: Whether the request matched no route.
    ///   - logger: The request's logger, carrying its request ID.
    ///   - context: The request's service context, to find its active span.
    public func response(
        for problemError: any Error,
        thrown error: any Error,
        to request: HTTPRequest,
        identity: RequestIdentity,
        isUnknownRoute: Bool,
        logger: Logger,
        context: ServiceContext
    ) -> ProblemResponse {
        let response = self.responder.response(for: problemError, to: request, identity: identity)
        self.reporting.report(
            response.problem,
            error: error,
            isUnknownRoute: isUnknownRoute,
            logger: logger,
            context: context
        )
        return response
    }
}
