#if Vapor
public import HTTPTypes
public import ProblemDetailsTesting
public import VaporTesting

extension Exchange {
    /// Creates an exchange from a VaporTesting response, for ``ResponseConformance``.
    ///
    /// - Parameters:
    ///   - response: The response.
    ///   - request: The request it answered.
    public init(_ response: TestingHTTPResponse, request: HTTPRequest) {
        var fields = HTTPFields()
        for (name, value) in response.headers {
            // NIO's header names are not checked as tokens; one that is not a field name cannot
            // take part in any rule.
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        let status = HTTPResponse.Status(code: Int(response.status.code), reasonPhrase: response.status.reasonPhrase)
        self.init(
            request: request,
            response: HTTPResponse(status: status, headerFields: fields),
            body: Array(response.body.readableBytesView)
        )
    }
}
#endif
