public import ProblemDetails
public import ProblemDetailsServer

/// Everything the Vapor integration needs: how to make problem responses and how to report them.
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
}
