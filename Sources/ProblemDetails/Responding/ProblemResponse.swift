public import HTTPTypes

/// A complete problem response: status, header fields and body, ready for any HTTP framework.
public struct ProblemResponse: Sendable, Hashable {
    /// The problem the response carries, localised and with its request ID.
    public var problem: Problem
    /// The response status; always the problem's status.
    public var status: HTTPResponse.Status
    /// The header fields: the problem's own, `Content-Type`, `Content-Language`, `Vary`,
    /// `Content-Length` and the request's identifiers. `Content-Length` is the length of the body
    /// a `GET` gets, also when the body is empty for `HEAD`, so an adapter must send it as it is
    /// rather than count the body.
    public var headerFields: HTTPFields
    /// The body; empty for `HEAD`.
    public var body: [UInt8]

    /// Creates a response.
    ///
    /// - Parameters:
    ///   - problem: The problem.
    ///   - status: The status.
    ///   - headerFields: The header fields.
    ///   - body: The body.
    public init(problem: Problem, status: HTTPResponse.Status, headerFields: HTTPFields, body: [UInt8]) {
        self.problem = problem
        self.status = status
        self.headerFields = headerFields
        self.body = body
    }
}
