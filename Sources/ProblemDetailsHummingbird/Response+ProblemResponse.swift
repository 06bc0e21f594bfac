#if Hummingbird
import HTTPTypes
public import Hummingbird
public import ProblemDetails

extension Response {
    /// A Hummingbird response carrying a problem response.
    ///
    /// - Parameter problem: The complete problem response from a ``ProblemResponder``.
    public init(_ problem: ProblemResponse) {
        // Hummingbird keeps a `Content-Length` already there: the core's, which is right for HEAD
        // too, where counting the empty body would announce 0.
        self.init(
            status: problem.status,
            headers: problem.headerFields,
            body: problem.body.isEmpty ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: problem.body))
        )
    }
}
#endif
