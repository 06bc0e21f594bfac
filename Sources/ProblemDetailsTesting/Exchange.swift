public import HTTPTypes

/// One request an API was sent and the response it answered with, as the conformance rules see
/// them.
public struct Exchange: Sendable {
    /// The request.
    public var request: HTTPRequest
    /// The response's status and header fields.
    public var response: HTTPResponse
    /// The response body.
    public var body: [UInt8]

    /// Creates an exchange.
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - response: The response's head.
    ///   - body: The response body.
    public init(request: HTTPRequest, response: HTTPResponse, body: [UInt8]) {
        self.request = request
        self.response = response
        self.body = body
    }

    /// The request as a short label, such as `GET /books/x (Accept: text/html)`.
    public var label: String {
        var label = "\(self.request.method.rawValue) \(self.request.path ?? "/")"
        if let accept = self.request.headerFields[.accept] { label += " (Accept: \(accept))" }
        return label
    }
}
