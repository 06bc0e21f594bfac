#if Hummingbird
import BookshelfContract
import Foundation
import HTTPTypes
import Hummingbird

extension Response {
    /// A response with a JSON body, the same bytes the Vapor app sends.
    ///
    /// - Parameters:
    ///   - value: The body's value.
    ///   - status: The status.
    ///   - headers: More header fields.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws
        -> Response
    {
        let data = try BookshelfJSON.encode(value)
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
#endif
