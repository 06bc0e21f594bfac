public import HTTPTypes

/// Turns an error and the request it ended into a complete problem response.
///
/// This is everything a framework integration does for an error, in one place, so the Vapor and
/// Hummingbird adapters only translate requests and responses:
/// 1. the registry turns the error into a resolved, safe problem;
/// 2. `instance` becomes the request path, `request_id` and `trace_id` are added;
/// 3. the title is localised from `Accept-Language`, and `Content-Language` says which language;
/// 4. the representation is chosen from `Accept` (never 406);
/// 5. `Vary: Accept, Accept-Language` is set, because both fields chose the response;
/// 6. `Content-Length` is the body's length, and `HEAD` gets the same status and header fields,
///    that length included, without a body.
/// If rendering fails, the response is a static 500 problem that cannot fail.
/// ```swift
/// let responder = ProblemResponder(registry: registry)
/// let response = responder.response(for: error, to: request, identity: identity)
/// ```
public struct ProblemResponder: Sendable {
    /// The registry that turns errors into problems.
    public var registry: ProblemRegistry
    /// The representations offered, the default first.
    public var representations: ProblemRepresentations
    /// Whether problems from errors that are not problems carry a `debug` member. Never in
    /// production.
    public var includesDebugInformation: Bool

    /// Creates a responder.
    ///
    /// - Parameters:
    ///   - registry: The registry that turns errors into problems.
    ///   - representations: The representations offered, the default first.
    ///   - includesDebugInformation: Whether to add a `debug` member (development only).
    public init(
        registry: ProblemRegistry,
        representations: ProblemRepresentations = .standard,
        includesDebugInformation: Bool = false
    ) {
        self.registry = registry
        self.representations = representations
        self.includesDebugInformation = includesDebugInformation
    }

    /// The value of `Vary` on problem responses.
    public static let vary = "Accept, Accept-Language"

    /// The response to an error.
    ///
    /// - Parameters:
    ///   - error: Any error.
    ///   - request: The request that failed.
    ///   - identity: The request's identifiers; read from the request when `nil`.
    public func response(for error: any Error, to request: HTTPRequest, identity: RequestIdentity? = nil)
        -> ProblemResponse
    {
        let identity = identity ?? RequestIdentity(headerFields: request.headerFields)
        var problem = self.registry.problem(for: error, includingDebugInformation: self.includesDebugInformation)
        if problem.instance == nil, let path = request.path {
            problem.instance = Self.pathWithoutQuery(path)
        }
        problem.requestID = identity.requestID.value
        if let traceParent = identity.traceParent { problem.traceID = traceParent.traceID }

        let acceptLanguage = request.headerFields.combinedValue(of: .acceptLanguage)
        let language = self.registry.localize(&problem, in: self.language(for: acceptLanguage))
        let renderer = self.representations.renderer(forAccept: request.headerFields.combinedValue(of: .accept))
        let status = problem.status ?? .internalServerError

        let body: [UInt8]
        do {
            body = try renderer.render(problem, in: RenderingContext(language: language))
        } catch {
            return self.fallbackResponse(to: request, identity: identity)
        }
        var headerFields = problem.headers
        headerFields.reserveCapacity(headerFields.count + 5)
        identity.forEachResponseHeaderField { name, value in headerFields.append(HTTPField(name: name, value: value)) }
        // Appended, not assigned, unless the problem brought its own: assigning searches and
        // rewrites the fields each time, on every problem response.
        let isOverriding = problem.headers.contains { field in
            field.name == .vary || field.name == .contentType || field.name == .contentLanguage
                || field.name == .contentLength
        }
        func set(_ name: HTTPField.Name, _ value: String) {
            if isOverriding {
                headerFields[name] = value
            } else {
                headerFields.append(HTTPField(name: name, value: value))
            }
        }
        set(.vary, Self.vary)
        set(.contentType, renderer.contentType)
        set(.contentLanguage, language)
        // The length GET sends, for HEAD too (RFC 9110 §8.6 and §9.3.2): a framework that counts
        // the empty HEAD body would otherwise announce 0.
        set(.contentLength, String(body.count))
        return ProblemResponse(
            problem: problem,
            status: status,
            headerFields: headerFields,
            body: request.method == .head ? [] : body
        )
    }

    /// The language for an `Accept-Language` field value: the registry's best match, else its
    /// default language.
    ///
    /// - Parameter acceptLanguage: The field value, or `nil` when the request had none.
    public func language(for acceptLanguage: String?) -> String {
        // With one language there is nothing to choose, and browsers send the field with every
        // request: parsing and matching it cost 11 allocations and 1.9 µs (Benchmarks/Responding).
        guard let acceptLanguage, !acceptLanguage.isEmpty, self.registry.languages.count > 1 else {
            return self.registry.defaultLanguage
        }
        return AcceptLanguage(parsing: acceptLanguage).bestMatch(among: self.registry.languages)
            ?? self.registry.defaultLanguage
    }

    /// The response when even rendering failed: a fixed problem+json 500 with the request ID.
    ///
    /// - Parameters:
    ///   - request: The request that failed.
    ///   - identity: The request's identifiers.
    public func fallbackResponse(to request: HTTPRequest, identity: RequestIdentity) -> ProblemResponse {
        var problem = Problem(
            type: self.registry.typeURI(of: .internalError),
            title: ProblemType.internalError.title,
            status: .internalServerError
        )
        problem.requestID = identity.requestID.value
        var headerFields = identity.responseHeaderFields
        headerFields[.contentType] = "application/problem+json"
        headerFields[.contentLanguage] = self.registry.defaultLanguage
        headerFields[.vary] = Self.vary
        let body = ProblemJSONEncoder().encode(problem)
        headerFields[.contentLength] = String(body.count)
        return ProblemResponse(
            problem: problem,
            status: .internalServerError,
            headerFields: headerFields,
            body: request.method == .head ? [] : body
        )
    }

    static func pathWithoutQuery(_ path: String) -> String {
        guard let query = path.utf8.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) else {
            return path
        }
        return String(path[..<query])
    }
}
