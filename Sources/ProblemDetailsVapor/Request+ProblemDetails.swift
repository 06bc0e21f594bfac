#if Vapor
import HTTPTypes
public import ProblemDetails
public import Vapor

extension Request {
    /// The request's identifiers, as ``ProblemMiddleware`` read them: the request ID echoed in
    /// `X-Request-ID` and in problems' `request_id`.
    ///
    /// Vapor's own `Request.id` takes `X-Request-Id` unchecked; this one is validated and is what
    /// the request logger's `request-id` metadata holds once the middleware has run.
    public internal(set) var problemIdentity: RequestIdentity? {
        get {
            if let stored = self.storage[RequestIdentityKey.self] { return stored }
            // The middleware stores only identities it cannot derive again (see `readIdentity`).
            guard self.application.problemDetails != nil else { return nil }
            return self.readIdentity().identity
        }
        set { self.storage[RequestIdentityKey.self] = newValue }
    }

    /// Reads the request's identity from its header fields, falling back to Vapor's `Request.id`
    /// when the request has no `X-Request-ID` (Vapor's id is then a new UUID), and to a new ID
    /// otherwise.
    ///
    /// - Returns: The identity, and whether reading it again gives the same one: only a generated
    ///   ID does not, and only that one needs keeping in `storage`, whose write is a lock and a
    ///   boxed, type-checked value on every request.
    func readIdentity() -> (identity: RequestIdentity, isReproducible: Bool) {
        var fieldValues = RequestIdentity.FieldValues()
        // Vapor took `Request.id` from the first line NIO's `first(name: "X-Request-Id")`
        // matched, and a fresh `UUID().uuidString` when none did. NIO matches names more loosely
        // than the core (it folds every byte with 0xDF, not only letters), but never a name of
        // another length: with no 12-byte name, `id` is that UUID.
        var mayHaveTakenALine = false
        // Read once: each read of `headers` takes the request's lock.
        for (name, value) in self.headers {
            if name.utf8.count == 12 { mayHaveTakenALine = true }
            fieldValues.add(name: name, value: value)
        }
        var isReproducible = true
        let identity = RequestIdentity(fieldValues: fieldValues) {
            // A UUID is valid by construction; checking it was about 100 ns of every success.
            if !mayHaveTakenALine { return RequestID(trusted: self.id) }
            // Vapor's id may be a line of an `X-Request-ID` the core found invalid (one of several
            // the client sent, say): it is replaced, never reflected.
            if fieldValues.requestID == nil, let vaporID = RequestID(validating: self.id) { return vaporID }
            isReproducible = false
            return RequestID.generate()
        }
        return (identity, isReproducible)
    }
}

struct RequestIdentityKey: StorageKey {
    typealias Value = RequestIdentity
}

extension ContentContainer {
    /// Decodes a JSON body strictly: a member the type does not know is an error, and every
    /// failure is reported at once.
    ///
    /// Unknown, missing and wrongly typed members, and the failures of the type's own
    /// ``InputValidating/violations()``, come back together as one 422 `validation-error` whose
    /// `errors` point at each member in the names the client sent; a body that is not JSON is a
    /// 400 `malformed-body` naming the line and column. Use `decode(_:)` for Vapor's ordinary,
    /// lenient decoding.
    /// ```swift
    /// let book = try req.content.decodeStrictly(BookInput.self)
    /// ```
    /// - Parameter type: The type to decode.
    /// - Throws: `Abort(.unsupportedMediaType)` when the body is not JSON by its `Content-Type`,
    ///   which the middleware answers with a 415 problem; a ``Problem``, 400 when the body is
    ///   malformed and 422 when it does not fit the type.
    public func decodeStrictly<T: Decodable>(_ type: T.Type) throws -> T {
        guard let contentType = self.contentType, MediaType(parsing: contentType.serialize())?.isJSON == true else {
            // As Vapor's own decoding does, so the middleware answers it with the request's method
            // and the application's accepted types.
            throw Abort(.unsupportedMediaType)
        }
        do {
            return try self.decode(type, using: StrictContentDecoder())
        } catch let abort as any AbortError where abort.status == .unprocessableEntity {
            // Vapor refuses a missing body before any decoder runs; to the client it is a body
            // that is not JSON, so the core's 400 says so.
            throw Problem.malformedBody(JSONSyntaxError.find(in: [UInt8]()) ?? JSONSyntaxError(line: 1, column: 1, message: "the request body is empty"))
        }
    }
}

/// Vapor's hook for custom body decoding, used to hand the raw body to the core's strict decoder.
struct StrictContentDecoder: ContentDecoder {
    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        // Vapor already refused a body over the route's limit; the decoder's own limit must not
        // turn a smaller one into a 400.
        try StrictJSONDecoder(maximumSize: body.readableBytes).decode(decodable, from: body.readableBytesView)
    }
}
#endif
