#if Hummingbird
public import HTTPTypes
public import HummingbirdTesting
import NIOCore
public import ProblemDetailsTesting

extension Exchange {
    /// Creates an exchange from a HummingbirdTesting response, for ``ResponseConformance``.
    ///
    /// - Parameters:
    ///   - response: The response.
    ///   - request: The request it answered.
    public init(_ response: TestResponse, request: HTTPRequest) {
        self.init(request: request, response: response.head, body: Array(response.body.readableBytesView))
    }
}
#endif
