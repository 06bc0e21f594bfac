#if Vapor
import BookshelfContract
import Foundation
import HTTPTypes
import ProblemDetailsVapor
import Vapor

extension Request {
    /// The `id` path parameter as a UUID.
    ///
    /// - Throws: A 400 `invalid-parameter` problem naming `id` when it is not a UUID.
    func bookID() throws -> UUID {
        try BookshelfProblems.bookID(self.parameters.get("id"))
    }

    /// The request body as a book, decoded strictly: unknown, missing and wrongly typed members
    /// and every broken ``BookRules`` rule come back together as one 422.
    ///
    /// - Throws: 415 when the body is not JSON, 400 when it is malformed, 422 when it is not a
    ///   valid book.
    func decodeBookInput() throws -> BookInput {
        // `decodeStrictly` answers a body that is not JSON with 415 too, but cannot see the method,
        // so its problem lacks the `Accept-Post` field a POST's 415 should carry (RFC 9110 §15.5.16).
        guard let contentType = self.headers.first(name: .contentType), MediaType(parsing: contentType)?.isJSON == true else {
            throw Problem.unsupportedMediaType(
                received: self.headers.first(name: .contentType),
                accepted: BookshelfPolicy.acceptedMediaTypes,
                method: HTTPRequest.Method(self.method.rawValue)
            )
        }
        guard let body = self.body.data, body.readableBytes > 0 else {
            // Vapor's content decoding answers an empty body with a bare 422 before the decoder
            // `decodeStrictly` installs sees it; the core's strict decoder calls it what it is,
            // a malformed body.
            return try StrictJSONDecoder().decode(BookInput.self, from: EmptyCollection<UInt8>())
        }
        return try self.content.decodeStrictly(BookInput.self)
    }
}
#endif
