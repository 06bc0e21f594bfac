#if Vapor
import BookshelfContract
import Foundation
import Vapor

extension Response {
    /// A response with a JSON body.
    ///
    /// - Parameters:
    ///   - value: The body's value.
    ///   - status: The status.
    ///   - headers: More header fields.
    static func json(_ value: some Encodable, status: HTTPResponseStatus = .ok, headers: HTTPHeaders = [:]) throws
        -> Response
    {
        let data = try BookshelfJSON.encode(value)
        var headers = headers
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(data: data))
    }
}
#endif
