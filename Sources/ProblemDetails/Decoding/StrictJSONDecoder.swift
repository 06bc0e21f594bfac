/// Decodes a JSON request body into a `Decodable` type strictly, reporting every failure at once as
/// one problem: a 400 `malformed-body` for a body that is not JSON, else a 422 `validation-error`
/// with one `errors` entry per failing member.
///
/// Where `JSONDecoder` stops at the first failure and names Swift types, this decoder goes on and
/// speaks JSON to the client:
/// - a member of the wrong type ("must be an integer"), `null` for a non-optional member ("must not
///   be null"), a missing member ("is required"), an integer the type cannot hold ("must be an
///   integer from -128 to 127"), or a value the type's own `init(from:)` refuses ("is not valid", as
///   for a `UUID` that is not one);
/// - every member of every object that the type never looked up ("is not a known member");
/// - when the type is ``InputValidating``, the application's own rules.
///
/// Each entry points at the member with an RFC 6901 JSON Pointer in the member names the client
/// sent (`#/year`, `#/tags/3`), and the entries come in the order of the body.
/// ```swift
/// do {
///     let book = try StrictJSONDecoder().decode(NewBook.self, from: body)
/// } catch {
///     // error is a Problem: 400 malformed-body or 422 validation-error
/// }
/// ```
/// For valid input the result is what Foundation's `JSONDecoder` makes with its default strategies
/// (or the ``dateDecodingStrategy`` chosen); `Date`, `URL`, `Data` and `Decimal` are read as
/// `JSONDecoder` reads them, without this module importing Foundation.
///
/// Limits, by design:
/// - To go on after a failure the decoder needs a stand-in value of the member's type: zero, `""`,
///   `false`, `nil`, an enumeration's first case (for `CaseIterable` types) or, for other types, the
///   first of `""`, the nil UUID, `0`, `false`, `"1970-01-01T00:00:00Z"`, `"about:blank"`, `{}` and
///   `[]` that the type decodes from. For a type with none (a raw-value enumeration that is not
///   `CaseIterable` and has no case for those values, or a type whose `init(from:)` always refuses
///   stand-ins), the enclosing value is replaced instead, and so on up; at the top, decoding stops
///   and the problem lists what was found until then.
/// - Keyed and unkeyed containers record a failure rather than throw it, so a type that tries one
///   reading after another with `try? container.decode(_:forKey:)` sees a stand-in, not an error;
///   such types should read through a single-value container, which throws as `JSONDecoder`'s does.
/// - Key decoding strategies are not supported: member names are the `CodingKey` string values.
/// - Only the top-level type's ``InputValidating`` conformance is used.
/// - A request with more than ``maximumViolations`` failures lists only the first ones found.
/// https://www.rfc-editor.org/rfc/rfc9457#section-3
public struct StrictJSONDecoder: Sendable {
    /// The largest body read, in bytes; 1 MiB by default. A larger one is a `malformed-body`.
    public var maximumSize: Int
    /// The deepest nesting of arrays and objects read; 32 by default.
    ///
    /// A value above 256 reads as 256: the decoders keep their own stack, but the encoders and
    /// `==` recurse into a decoded value, and 256 levels fit a 512 KiB thread stack (a secondary
    /// thread's on Apple platforms) in a debug build.
    ///
    /// A recursive type decodes through its own `init(from:)` once per level, as it does with
    /// `JSONDecoder`, and that recursion is on the stack whatever the decoder does: the default
    /// leaves it room on a 512 KiB stack in a debug build; some 130 levels fill one.
    public var maximumDepth: Int
    /// The most violations one problem lists; 1000 by default. Past it decoding stops, so a hostile
    /// body cannot make a response many times its own size.
    public var maximumViolations: Int
    /// How `Date` members are written in the body.
    public var dateDecodingStrategy: DateDecodingStrategy
    /// Values passed to the decoded types' `init(from:)` through `Decoder.userInfo`.
    public var userInfo: [CodingUserInfoKey: any Sendable]

    /// Creates a decoder.
    ///
    /// - Parameters:
    ///   - maximumSize: The largest body read, in bytes.
    ///   - maximumDepth: The deepest nesting read.
    public init(maximumSize: Int = 1 << 20, maximumDepth: Int = 32) {
        self.maximumSize = maximumSize
        self.maximumDepth = maximumDepth
        self.maximumViolations = 1000
        self.dateDecodingStrategy = .deferredToDate
        self.userInfo = [:]
    }

    /// Decodes a request body, or throws one problem describing everything wrong with it.
    ///
    /// - Parameters:
    ///   - type: The type to decode.
    ///   - bytes: The request body, UTF-8 JSON.
    /// - Returns: The decoded value; equal to what `JSONDecoder` makes from a valid body.
    /// - Throws: A 400 ``Problem/malformedBody(_:)`` when the body is not JSON within the limits; a
    ///   422 ``Problem/validationFailed(_:detail:)`` listing every failing member otherwise.
    public func decode<T: Decodable>(_ type: T.Type, from bytes: some Collection<UInt8>) throws(Problem) -> T {
        let value: ExtensionValue
        switch JSONSyntaxError.parse(bytes, maximumSize: self.maximumSize, maximumDepth: self.maximumDepth) {
        case .success(let parsed): value = parsed
        case .failure(let error): throw Problem.malformedBody(error)
        }
        return try self.decode(type, from: value)
    }

    /// Decodes a parsed body, or throws a 422 problem listing every failing member.
    func decode<T: Decodable>(_ type: T.Type, from value: ExtensionValue) throws(Problem) -> T {
        let session = StrictDecodingSession(
            body: value,
            userInfo: self.userInfo,
            dateStrategy: self.dateDecodingStrategy,
            maximumViolations: self.maximumViolations
        )
        let (result, violations) = session.run(T.self)
        if violations.isEmpty, let result { return result }
        // A type can fail without saying where (it threw an error the decoder cannot place and no
        // placeholder stands in); the body as a whole is then what is not valid.
        let listed = violations.isEmpty ? [Violation(detail: "is not valid", pointer: .root)] : violations
        var detail: String?
        if session.isFull {
            let count = listed.count
            detail = "More than \(count) values in the request are not valid; the first \(count) are listed."
        }
        throw Problem.validationFailed(listed, detail: detail)
    }
}

extension StrictJSONDecoder {
    /// How `Date` members are written in a request body, as with `JSONDecoder.DateDecodingStrategy`.
    public struct DateDecodingStrategy: Sendable, Hashable {
        enum Kind: Sendable, Hashable {
            case deferredToDate
            case secondsSince1970
            case millisecondsSince1970
            case iso8601
        }

        let kind: Kind

        /// `Date`'s own decoding: a number of seconds since 2001-01-01, `JSONDecoder`'s default.
        public static let deferredToDate = DateDecodingStrategy(kind: .deferredToDate)

        /// A number of seconds since 1970-01-01 UTC.
        public static let secondsSince1970 = DateDecodingStrategy(kind: .secondsSince1970)

        /// A number of milliseconds since 1970-01-01 UTC.
        public static let millisecondsSince1970 = DateDecodingStrategy(kind: .millisecondsSince1970)

        /// An RFC 3339 date-time string such as `2024-01-31T12:00:00Z` or
        /// `2024-01-31T13:00:00.250+01:00`, as Vapor's default JSON decoder expects.
        ///
        /// Fractional seconds are accepted; dates that do not exist (February 30) are not.
        /// https://www.rfc-editor.org/rfc/rfc3339#section-5.6
        public static let iso8601 = DateDecodingStrategy(kind: .iso8601)
    }
}
