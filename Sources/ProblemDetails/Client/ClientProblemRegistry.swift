public import HTTPTypes

/// The problem types a client knows, each read into the application's own error type.
///
/// A client registers its `Decodable` error types under their type URIs; a problem response is
/// then read (JSON or XML, by its `Content-Type`), its `type` resolved against the response's URL,
/// and decoded into the registered type, with the generic ``Problem`` as the fallback:
/// ```swift
/// struct OutOfCredit: Decodable, Error {
///     var detail: String?
///     var balance: Int
/// }
/// var problems = ClientProblemRegistry(baseURI: "https://api.example.com")
/// problems.register(OutOfCredit.self, for: "/problems/out-of-credit")
///
/// do {
///     try problems.throwIfProblem(response, body: body, url: requestURL)
/// } catch let credit as OutOfCredit {
///     print(credit.balance)
/// } catch let problem as Problem {
///     print(problem.status, problem.detail)
/// }
/// ```
/// Reading follows RFC 9457 §3.1: unknown members are ignored, a standard member of the wrong type
/// is ignored, an absent `type` is `about:blank`. A registered type that cannot be decoded from a
/// problem (a member it requires is missing or of the wrong kind) does not fail the read: the
/// generic problem is thrown instead, and ``ReceivedProblem/diagnostics`` says why.
///
/// What the registered type decodes from is the problem as an object: the standard members, with
/// `type` and `instance` resolved, then the extension members. When the body has no `status`, the
/// response's status stands in, in the generic problem too; when it has no `retry_after` but the response has a `Retry-After`
/// header field, that does, so both reach the type as one member. A type that wants the whole
/// generic problem as well (its header fields, its diagnostics-free members) finds it in
/// `decoder.userInfo[.problem]`.
public struct ClientProblemRegistry: Sendable {
    /// The URI relative type URIs are registered against, such as `https://api.example.com`.
    public let baseURI: String?
    /// The server's registry, when the client shares its declarations; it identifies
    /// ``ReceivedProblem/problemType``.
    public let registry: ProblemRegistry?
    /// The largest problem body read, in bytes; 1 MiB by default. A larger one is not read.
    public var maximumSize: Int
    /// The deepest nesting read; 32 by default.
    ///
    /// A value above 256 reads as 256: the decoders keep their own stack, but the encoders and
    /// `==` recurse into a decoded value, and 256 levels fit a 512 KiB thread stack (a secondary
    /// thread's on Apple platforms) in a debug build.
    public var maximumDepth: Int
    /// How registered types' `Date` members are written by the server.
    public var dateDecodingStrategy: StrictJSONDecoder.DateDecodingStrategy

    private var decoders: [String: TypedDecoder]

    /// Creates an empty registry.
    ///
    /// - Parameter baseURI: The absolute URI that relative type URIs given to ``register(_:for:)``
    ///   are resolved against; usually the API's base URL.
    public init(baseURI: String? = nil) {
        self.baseURI = baseURI
        self.registry = nil
        self.maximumSize = 1 << 20
        self.maximumDepth = 32
        self.dateDecodingStrategy = .deferredToDate
        self.decoders = [:]
    }

    /// Creates a registry that shares a server's declarations.
    ///
    /// Every declared type is recognised (``ReceivedProblem/problemType``); registering a Swift
    /// type for one of them is ``register(_:for:)-(_,ProblemType)``.
    /// - Parameter registry: The server's registry, from a module both sides share.
    public init(_ registry: ProblemRegistry) {
        self.baseURI = registry.baseURI
        self.registry = registry
        self.maximumSize = 1 << 20
        self.maximumDepth = 32
        self.dateDecodingStrategy = .deferredToDate
        self.decoders = [:]
    }

    /// Reads problems of a type URI into an application type.
    ///
    /// - Parameters:
    ///   - type: The application's error type.
    ///   - typeURI: The problem type URI, absolute or relative to ``baseURI``.
    public mutating func register<T: Decodable & Error & Sendable>(_ type: T.Type, for typeURI: String) {
        self.decoders[self.absolute(typeURI)] = TypedDecoder(T.self)
    }

    /// Reads problems of a declared type into an application type.
    ///
    /// - Parameters:
    ///   - type: The application's error type.
    ///   - problemType: The declaration, whose slug is resolved against ``baseURI``.
    public mutating func register<T: Decodable & Error & Sendable>(_ type: T.Type, for problemType: ProblemType) {
        self.register(T.self, for: problemType.reference)
    }

    /// The absolute type URIs with a registered application type, sorted.
    public var registeredTypeURIs: [String] { self.decoders.keys.sorted() }

    // MARK: Reading responses

    /// Reads a response as a problem, or returns `nil` when it is not one.
    ///
    /// A response is a problem when its status is 4xx or 5xx and its `Content-Type` is
    /// `application/problem+json` or `application/problem+xml` (any case, any parameters). A body
    /// that cannot be read still gives a problem, `about:blank` with the response's status, and
    /// the reason in ``ReceivedProblem/diagnostics``: the request failed either way.
    /// - Parameters:
    ///   - response: The response.
    ///   - body: Its body.
    ///   - url: The URL the response came from (after redirects), to resolve relative `type` and
    ///     `instance` references against.
    public func received(
        _ response: HTTPResponse,
        body: some Collection<UInt8>,
        url: String?
    ) -> ReceivedProblem? {
        guard Self.isProblem(response), let contentType = response.headerFields[.contentType],
            let mediaType = MediaType(parsing: contentType)
        else { return nil }

        var diagnostics: [ProblemDiagnostic] = []
        var problem: Problem
        let isXML = mediaType.isProblemXML
        do {
            // Without the response's URL, the registry's base is the best guess at the document's.
            let decoded = try self.decodeDocument(body, isXML: isXML, url: url ?? self.baseURI)
            problem = decoded.problem
            diagnostics = decoded.diagnostics
        } catch {
            problem = Problem(status: response.status)
            diagnostics.append(.init(member: nil, message: "the body is not a problem document: \(error)"))
        }
        if let status = problem.status, status.code != response.status.code {
            diagnostics.append(
                .init(member: "status", message: "is \(status.code) but the response's status is \(response.status.code)")
            )
        } else if problem.status == nil {
            // The member only repeats the response's status (RFC 9457 §3.1.2), and the problem is
            // often all a caller gets: thrown from a client call, it must still say 503 or 404.
            problem.status = response.status
        }
        problem.headers = Self.problemHeaders(of: response)

        var typedError: (any Error & Sendable)?
        if let decoder = self.decoders[problem.type] {
            let object = Self.decodingObject(of: problem, responseStatus: response.status)
            switch decoder.decode(object, problem: problem, isXML: isXML, dateStrategy: self.dateDecodingStrategy) {
            case .success(let value):
                typedError = value
            case .failure(let violations):
                for violation in violations {
                    let member = violation.location?.pointer.map { $0.description }
                    diagnostics.append(
                        .init(member: member, message: "\(violation.detail) (read as \(decoder.typeName) failed)")
                    )
                }
            }
        }
        return ReceivedProblem(
            problem: problem,
            status: response.status,
            headerFields: response.headerFields,
            diagnostics: diagnostics,
            problemType: self.registry?.type(forURI: problem.type),
            typedError: typedError
        )
    }

    /// Whether a response is a problem: a 4xx or 5xx status with the `Content-Type`
    /// `application/problem+json` or `application/problem+xml`. The head alone decides, so a
    /// client can tell before reading the body.
    ///
    /// - Parameter response: The response's head.
    public static func isProblem(_ response: HTTPResponse) -> Bool {
        guard (400...599).contains(response.status.code), let contentType = response.headerFields[.contentType]
        else { return false }
        return MediaType.isProblemDocument(contentType: contentType)
    }

    /// The error a response stands for: the registered type, or the generic ``Problem``; `nil`
    /// when the response is not a problem.
    ///
    /// - Parameters:
    ///   - response: The response.
    ///   - body: Its body.
    ///   - url: The URL the response came from.
    public func error(for response: HTTPResponse, body: some Collection<UInt8>, url: String?) -> (any Error)? {
        self.received(response, body: body, url: url)?.error
    }

    /// Throws the error a problem response stands for; does nothing for any other response.
    ///
    /// - Parameters:
    ///   - response: The response.
    ///   - body: Its body.
    ///   - url: The URL the response came from.
    /// - Throws: The registered application type when it decodes, the generic ``Problem`` otherwise.
    public func throwIfProblem(_ response: HTTPResponse, body: some Collection<UInt8>, url: String?) throws {
        if let received = self.received(response, body: body, url: url) { throw received.error }
    }

    // MARK: Internals

    private func absolute(_ typeURI: String) -> String {
        guard let baseURI, let reference = URIReference(parsing: typeURI), !reference.isAbsolute else {
            return typeURI
        }
        return URIReference.resolve(typeURI, against: baseURI) ?? typeURI
    }

    private func decodeDocument(
        _ body: some Collection<UInt8>,
        isXML: Bool,
        url: String?
    ) throws(ProblemDecodingError) -> DecodedProblem {
        #if XML
        if isXML {
            let decoder = ProblemXMLDecoder(maximumSize: self.maximumSize, maximumDepth: self.maximumDepth)
            return try decoder.decode(body, baseURI: url)
        }
        #else
        if isXML {
            throw ProblemDecodingError(.malformed, "application/problem+xml needs the package's XML trait")
        }
        #endif
        return try ProblemJSONDecoder(maximumSize: self.maximumSize, maximumDepth: self.maximumDepth)
            .decode(body, baseURI: url)
    }

    /// The response's header fields that belong to the problem, the ones a server sets for it
    /// (RFC 9457 §3 leaves them to HTTP): when to retry, how to authenticate, what is allowed.
    /// Other fields (cookies, caching, the server's request ID) described the response; kept in
    /// the problem, they would be sent on if a server rethrew it.
    static let problemFieldNames: [HTTPField.Name] = [
        .retryAfter, .wwwAuthenticate, .proxyAuthenticate, .allow, HTTPField.Name("Accept-Post")!,
        HTTPField.Name("Accept-Patch")!,
    ]

    static func problemHeaders(of response: HTTPResponse) -> HTTPFields {
        var fields = HTTPFields()
        for field in response.headerFields where Self.problemFieldNames.contains(field.name) {
            fields.append(field)
        }
        return fields
    }

    /// The problem as the object a registered type decodes from.
    static func decodingObject(of problem: Problem, responseStatus: HTTPResponse.Status) -> ExtensionValue {
        // Appended unchecked: the names are distinct already (standard members are set once,
        // extensions are unique and never take a standard name), and the checking setter scans
        // the object each time, quadratic in a hostile server's hundred thousand members.
        var object = ExtensionValue.Object()
        object.reserveCapacity(6 + problem.extensions.count)
        object.appendUnchecked("type", .string(problem.type))
        if let title = problem.title { object.appendUnchecked("title", .string(title)) }
        object.appendUnchecked("status", .integer((problem.status ?? responseStatus).code))
        if let detail = problem.detail { object.appendUnchecked("detail", .string(detail)) }
        if let instance = problem.instance { object.appendUnchecked("instance", .string(instance)) }
        for member in problem.extensions.object { object.appendUnchecked(member.name, member.value) }
        if problem.extensions["retry_after"] == nil, let retryAfter = problem.retryAfter {
            object.appendUnchecked("retry_after", retryAfter.memberValue)
        }
        return .object(object)
    }
}

extension ClientProblemRegistry {
    /// Decodes one registered type, kept as a closure so the registry can hold many types.
    struct TypedDecoder: Sendable {
        let typeName: String
        let decode:
            @Sendable (ExtensionValue, Problem, Bool, StrictJSONDecoder.DateDecodingStrategy) -> Result<
                any Error & Sendable, ViolationList
            >

        init<T: Decodable & Error & Sendable>(_ type: T.Type) {
            self.typeName = String(describing: T.self)
            self.decode = { value, problem, isXML, dateStrategy in
                let session = StrictDecodingSession(
                    body: value,
                    userInfo: [.problem: problem],
                    dateStrategy: dateStrategy,
                    maximumViolations: 20,
                    reportsUnknownMembers: false,
                    readsScalarsFromText: isXML
                )
                let (result, violations) = session.run(T.self)
                if violations.isEmpty, let result { return .success(result) }
                let listed = violations.isEmpty ? [Violation(detail: "is not valid", pointer: .root)] : violations
                return .failure(ViolationList(listed))
            }
        }

        func decode(
            _ value: ExtensionValue,
            problem: Problem,
            isXML: Bool,
            dateStrategy: StrictJSONDecoder.DateDecodingStrategy
        ) -> Result<any Error & Sendable, ViolationList> {
            self.decode(value, problem, isXML, dateStrategy)
        }
    }

    /// The reasons a registered type could not be decoded.
    struct ViolationList: Error, Sequence {
        let violations: [Violation]
        init(_ violations: [Violation]) { self.violations = violations }
        func makeIterator() -> IndexingIterator<[Violation]> { self.violations.makeIterator() }
    }
}

extension CodingUserInfoKey {
    /// The generic ``Problem`` a registered application type is being decoded from, in
    /// `Decoder.userInfo` while ``ClientProblemRegistry`` decodes it.
    ///
    /// ```swift
    /// init(from decoder: any Decoder) throws {
    ///     self.problem = decoder.userInfo[.problem] as? Problem
    ///     …
    /// }
    /// ```
    public static let problem = CodingUserInfoKey(rawValue: "ProblemDetails.problem")!
}
