#if Hummingbird
import HTTPTypes
public import Hummingbird
public import ProblemDetails

extension Response {
    /// A Hummingbird response carrying a problem response.
    ///
    /// - Parameter problem: The complete problem response from a ``ProblemResponder``.
    public init(_ problem: ProblemResponse) {
        // Hummingbird sets `Content-Length` from the body.
        self.init(
            status: problem.status,
            headers: problem.headerFields,
            body: problem.body.isEmpty ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: problem.body))
        )
    }
}
#endif
