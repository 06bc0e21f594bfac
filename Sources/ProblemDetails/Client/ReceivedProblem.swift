public import HTTPTypes

/// A problem a client received: the generic problem, the application's typed error when one is
/// registered for its type, and what the server got wrong.
///
/// ```swift
/// if let received = problems.received(response, body: body, url: url) {
///     logger.warning("\(received.problem.type) \(received.diagnostics)")
///     throw received.error
/// }
/// ```
public struct ReceivedProblem: Sendable {
    /// The problem, with relative references resolved and the response's header fields that
    /// belong to it (`Retry-After`, `WWW-Authenticate`, `Proxy-Authenticate`, `Allow`,
    /// `Accept-Post`, `Accept-Patch`) in ``Problem/headers``, so that ``Problem/retryAfter`` sees
    /// `Retry-After`.
    public var problem: Problem
    /// The response's status, which an intermediary may have changed from the `status` member.
    public var status: HTTPResponse.Status
    /// All the response's header fields.
    public var headerFields: HTTPFields
    /// What the server's document got wrong, and why a registered type could not be decoded.
    public var diagnostics: [ProblemDiagnostic]
    /// The server's declaration of the type, when the client registry shares the server's.
    public var problemType: ProblemType?
    /// The registered application type, decoded.
    public var typedError: (any Error & Sendable)?

    /// Creates a received problem.
    ///
    /// - Parameters:
    ///   - problem: The problem.
    ///   - status: The response's status.
    ///   - headerFields: The response's header fields.
    ///   - diagnostics: What was overlooked while reading it.
    ///   - problemType: The server's declaration of its type.
    ///   - typedError: The registered application type, decoded.
    public init(
        problem: Problem,
        status: HTTPResponse.Status,
        headerFields: HTTPFields = [:],
        diagnostics: [ProblemDiagnostic] = [],
        problemType: ProblemType? = nil,
        typedError: (any Error & Sendable)? = nil
    ) {
        self.problem = problem
        self.status = status
        self.headerFields = headerFields
        self.diagnostics = diagnostics
        self.problemType = problemType
        self.typedError = typedError
    }

    /// The error to throw: the typed error when there is one, the generic problem otherwise.
    public var error: any Error & Sendable { self.typedError ?? self.problem }
}
