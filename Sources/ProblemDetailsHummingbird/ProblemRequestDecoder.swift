#if Hummingbird
import Foundation
import HTTPTypes
public import Hummingbird
import ProblemDetails

/// The request decoder that answers bad JSON bodies with problems: use it as a request context's
/// `requestDecoder`, and `request.decode(as:context:)` throws problems the ``ProblemMiddleware``
/// answers.
///
/// - A body that is not JSON by its `Content-Type` is a 415 `unsupported-media-type`.
/// - A body larger than the context's `maxUploadSize` is a 413.
/// - Malformed JSON is a 400 `malformed-body` naming the line and column.
/// - A body that does not fit the type is a 422 `validation-error` whose `errors` point at each
///   member in the names the client sent (RFC 6901 JSON Pointers).
///
/// Hummingbird's own `request.decode` turns Foundation's decoding errors into a bare 400 with a
/// message that names Swift types; this decoder throws before that happens. In strict mode the
/// core's ``StrictJSONDecoder`` also rejects unknown members and reports every failure at once,
/// with the type's own ``InputValidating`` failures.
/// ```swift
/// struct AppContext: RequestContext {
///     var coreContext: CoreRequestContextStorage
///     var requestDecoder: ProblemRequestDecoder { ProblemRequestDecoder(strict: true) }
///     init(source: ApplicationRequestContextSource) { self.coreContext = .init(source: source) }
/// }
/// ```
public struct ProblemRequestDecoder: RequestDecoder, Sendable {
    /// Whether unknown members are errors and every failure is reported at once.
    public var isStrict: Bool

    /// Creates a decoder.
    ///
    /// - Parameter strict: Whether unknown members are errors and every failure is reported at
    ///   once (``StrictJSONDecoder``), rather than the first failure of Foundation's `JSONDecoder`.
    public init(strict: Bool = false) {
        self.isStrict = strict
    }

    /// Decodes the request's JSON body.
    ///
    /// - Parameters:
    ///   - type: The type to decode.
    ///   - request: The request.
    ///   - context: The request's context, which sets the largest body accepted.
    /// - Throws: `HTTPError(.unsupportedMediaType)` when the body is not JSON, which the
    ///   middleware answers with a 415 problem naming the type received; 413 when the body is too
    ///   large; a ``Problem``, 400 or 422, when the body is malformed or does not fit.
    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws
        -> T
    {
        guard let contentType = request.headers[.contentType], MediaType(parsing: contentType)?.isJSON == true else {
            throw HTTPError(.unsupportedMediaType)
        }
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        if self.isStrict {
            return try StrictJSONDecoder(maximumSize: context.maxUploadSize).decode(type, from: buffer.readableBytesView)
        }
        do {
            return try JSONDecoder().decode(type, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw Problem.decodingFailed(error, body: buffer.readableBytesView)
        }
    }
}

extension Request {
    /// Decodes a JSON body strictly: a member the type does not know is an error, and every
    /// failure is reported at once, whatever the context's `requestDecoder`.
    ///
    /// Unknown, missing and wrongly typed members, and the failures of the type's own
    /// ``InputValidating/violations()``, come back together as one 422 `validation-error`; a body
    /// that is not JSON is a 400 `malformed-body` naming the line and column; a body that is not
    /// JSON by its `Content-Type` is a 415.
    /// ```swift
    /// let book = try await request.decodeStrictly(as: BookInput.self, context: context)
    /// ```
    /// - Parameters:
    ///   - type: The type to decode.
    ///   - context: The request's context, which sets the largest body accepted.
    public func decodeStrictly<T: Decodable>(as type: T.Type, context: some RequestContext) async throws -> T {
        try await ProblemRequestDecoder(strict: true).decode(type, from: self, context: context)
    }
}
#endif
