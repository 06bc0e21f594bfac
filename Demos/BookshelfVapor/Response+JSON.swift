#if Vapor
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
        let encoder = JSONEncoder()
        // A stable member order, so equal values give equal bodies.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        var headers = headers
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(data: data))
    }
}
#endif
