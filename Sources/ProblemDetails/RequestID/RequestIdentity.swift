public import HTTPTypes

/// The identifiers of one request: its request ID, a correlation ID, and its W3C trace context.
///
/// A valid `X-Request-ID` becomes the request ID; otherwise a valid `X-Correlation-ID` does;
/// otherwise a new one is generated. A valid `X-Correlation-ID` is also echoed under its own name.
/// Invalid identifiers are never reflected: they could carry header injection or log forging.
/// ```swift
/// let identity = RequestIdentity(headerFields: request.headerFields)
/// response.headerFields.append(contentsOf: identity.responseHeaderFields)
/// ```
public struct RequestIdentity: Sendable, Hashable {
    /// The `X-Request-ID` header field.
    public static let requestIDField = HTTPField.Name("X-Request-ID")!
    /// The `X-Correlation-ID` header field.
    public static let correlationIDField = HTTPField.Name("X-Correlation-ID")!
    /// The W3C `traceparent` header field.
    public static let traceParentField = HTTPField.Name("traceparent")!

    /// The request's identifier, sent back in `X-Request-ID` and in problems' `request_id`.
    public let requestID: RequestID
    /// The caller's correlation identifier, echoed in `X-Correlation-ID`.
    public let correlationID: RequestID?
    /// The request's trace context; its trace-id goes in problems' `trace_id`.
    public let traceParent: TraceParent?

    /// Creates an identity from known parts, for frameworks that already assign request IDs.
    ///
    /// - Parameters:
    ///   - requestID: The request's identifier.
    ///   - correlationID: The caller's correlation identifier.
    ///   - traceParent: The request's trace context.
    public init(requestID: RequestID, correlationID: RequestID? = nil, traceParent: TraceParent? = nil) {
        self.requestID = requestID
        self.correlationID = correlationID
        self.traceParent = traceParent
    }

    /// Reads the identity from a request's header fields, generating a request ID when the
    /// request brings no valid one.
    ///
    /// - Parameters:
    ///   - headerFields: The request's header fields.
    ///   - generate: Makes a new request ID.
    public init(headerFields: HTTPFields, generate: () -> RequestID = RequestID.generate) {
        self.init(fieldValues: FieldValues(headerFields), generate: generate)
    }

    /// The header fields every response to the request carries: `X-Request-ID`, and
    /// `X-Correlation-ID` when the request had a valid one.
    public var responseHeaderFields: HTTPFields {
        var fields = HTTPFields()
        fields[Self.requestIDField] = self.requestID.value
        if let correlationID { fields[Self.correlationIDField] = correlationID.value }
        return fields
    }

    /// Calls `body` with each field of ``responseHeaderFields``, without building them: the
    /// integrations write them straight into every response.
    ///
    /// - Parameter body: Receives each field's name and value.
    public func forEachResponseHeaderField(_ body: (HTTPField.Name, String) throws -> Void) rethrows {
        try body(Self.requestIDField, self.requestID.value)
        if let correlationID { try body(Self.correlationIDField, correlationID.value) }
    }
}

extension RequestIdentity {
    /// The identity of the request being served, when a framework integration has bound it.
    ///
    /// ProblemDetailsVapor's and ProblemDetailsHummingbird's middlewares bind it around everything
    /// inwards of them, so an inner layer that answers with a problem itself, such as
    /// `ProblemServerMiddleware`, shows the request ID the outer layer echoes and logs instead of
    /// generating a second one.
    @TaskLocal public static var current: RequestIdentity?
}
