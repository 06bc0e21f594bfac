import HTTPTypes

/// The problem types an API uses, under the API's base URI.
///
/// The registry is the one source for everything derived from the declarations: it turns any error
/// into a resolved, safe ``Problem``, gives each slug-declared type its absolute URI
/// `{base}/problems/{slug}`, serves the documentation pages those URIs resolve to, localises titles,
/// and (in later modules) writes OpenAPI components and decodes problems on clients.
/// ```swift
/// let registry = try ProblemRegistry(baseURI: "https://api.example.com", types: [.outOfCredit])
/// let problem = registry.problem(for: error)   // never leaks an unknown error's description
/// ```
/// Declarations are checked when the registry is made, so a clash is a startup error rather than a
/// malformed response.
public struct ProblemRegistry: Sendable {
    /// The absolute URI the API's own types live under, without a trailing `/`.
    public let baseURI: String
    /// The registered types, built-in ones first unless replaced.
    public let types: [ProblemType]
    /// The language of the declarations' own titles.
    public let defaultLanguage: String
    /// Titles of `about:blank` problems in other languages: language tag → status code → title.
    public let localizedStatusTitles: [String: [Int: String]]

    /// Every language the registry has titles in, the default first, then by tag.
    ///
    /// Worked out once, since every request with `Accept-Language` is matched against it.
    public let languages: [String]

    private let indexBySlug: [String: Int]
    private let indexByURI: [String: Int]
    /// The problem every error that is not a problem becomes, resolved once: it is the answer to
    /// every crash, so to the floods of them too. A `var` only because resolving it takes the
    /// finished registry; nothing changes it after `init`.
    private var internalError: Problem

    /// Creates a registry, checking every declaration.
    ///
    /// A type declared with a built-in type's slug replaces the built-in one, so an API can add
    /// localised titles or members to `validation-error` and friends.
    /// - Parameters:
    ///   - baseURI: The absolute URI the API is served from, such as `https://api.example.com`.
    ///   - types: The API's own problem types.
    ///   - includingBuiltInTypes: Whether to register ``ProblemType/builtIn`` too.
    ///   - defaultLanguage: The language of the declarations' titles.
    ///   - localizedStatusTitles: `about:blank` titles by language tag and status code.
    /// - Throws: ``RegistrationError`` for a base URI that is not absolute, a malformed slug, a
    ///   type declared twice, a status outside 400–599, or a member that takes a reserved name.
    public init(
        baseURI: String,
        types: [ProblemType] = [],
        includingBuiltInTypes: Bool = true,
        defaultLanguage: String = "en",
        localizedStatusTitles: [String: [Int: String]] = [:]
    ) throws(RegistrationError) {
        var base = baseURI
        while base.hasSuffix("/") { base.removeLast() }
        guard let parsed = URIReference(parsing: base), parsed.isAbsolute, parsed.query == nil,
            parsed.fragment == nil, !(parsed.authority ?? "").isEmpty || !parsed.path.isEmpty
        else {
            throw RegistrationError("the base URI '\(baseURI)' is not an absolute URI without query or fragment")
        }
        self.baseURI = base
        self.defaultLanguage = defaultLanguage
        self.localizedStatusTitles = localizedStatusTitles

        var declared: [ProblemType] = []
        var seen: Set<String> = []
        for type in types {
            try Self.check(type, baseURI: base)
            let key = Self.absoluteURI(of: type, baseURI: base)
            guard seen.insert(key).inserted else {
                throw RegistrationError("the problem type '\(key)' is declared twice")
            }
            declared.append(type)
        }
        if includingBuiltInTypes {
            // A built-in is replaced by a declaration of the same slug, and clashes with one that
            // declares its URI some other way.
            let own = Set(declared.compactMap(\.slug))
            let builtIn = ProblemType.builtIn.filter { !own.contains($0.slug ?? "") }
            for type in builtIn where seen.contains(Self.absoluteURI(of: type, baseURI: base)) {
                throw RegistrationError("the problem type '\(Self.absoluteURI(of: type, baseURI: base))' is declared twice")
            }
            declared = builtIn + declared
        }
        self.types = declared
        var bySlug: [String: Int] = [:]
        var byURI: [String: Int] = [:]
        for (index, type) in declared.enumerated() {
            if let slug = type.slug { bySlug[slug] = index }
            byURI[Self.absoluteURI(of: type, baseURI: base)] = index
        }
        self.indexBySlug = bySlug
        self.indexByURI = byURI

        var tags: Set<String> = []
        for type in declared { tags.formUnion(type.localizedTitles.keys) }
        tags.formUnion(localizedStatusTitles.keys)
        tags.remove(defaultLanguage)
        self.languages = [defaultLanguage] + tags.sorted()
        // From the registered declaration, so that one replacing the built-in type's title is used.
        self.internalError = Problem(.internalError)
        let declaredInternalError = bySlug["internal-error"].map { declared[$0] } ?? .internalError
        self.internalError = self.resolve(Problem(declaredInternalError))
    }

    private static func check(_ type: ProblemType, baseURI: String) throws(RegistrationError) {
        switch type.identifier {
        case .slug(let slug):
            guard Self.isValidSlug(slug) else {
                throw RegistrationError(
                    "the slug '\(slug)' must be lowercase letters and digits separated by single hyphens"
                )
            }
        case .uri(let uri):
            guard !uri.isEmpty, URIReference(parsing: uri) != nil else {
                throw RegistrationError("the type URI '\(uri)' is not a URI reference")
            }
        }
        guard (400...599).contains(type.status.code) else {
            throw RegistrationError("the problem type '\(type.reference)' has status \(type.status.code), not 4xx or 5xx")
        }
        var names: Set<String> = []
        for member in type.members {
            guard !Problem.Extensions.isReserved(member.name) else {
                throw RegistrationError(
                    "the problem type '\(type.reference)' declares the member '\(member.name)', a standard member's name"
                )
            }
            guard names.insert(member.name).inserted else {
                throw RegistrationError("the problem type '\(type.reference)' declares '\(member.name)' twice")
            }
        }
    }

    static func isValidSlug(_ slug: String) -> Bool {
        var previous: UInt8 = UInt8(ascii: "-")
        for byte in slug.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "-") where previous != UInt8(ascii: "-"): break
            default: return false
            }
            previous = byte
        }
        return !slug.isEmpty && previous != UInt8(ascii: "-")
    }

    private static func absoluteURI(of type: ProblemType, baseURI: String) -> String {
        switch type.identifier {
        case .slug: baseURI + type.reference
        case .uri(let uri): uri
        }
    }

    // MARK: Looking up types

    /// The absolute type URI of a declared type: `{base}/problems/{slug}`, or its own URI.
    ///
    /// - Parameter type: A problem type.
    public func typeURI(of type: ProblemType) -> String {
        Self.absoluteURI(of: type, baseURI: self.baseURI)
    }

    /// The URL of the documentation page of a slug: `{base}/problems/{slug}`.
    ///
    /// - Parameter slug: A slug.
    public func documentationURI(forSlug slug: String) -> String {
        self.baseURI + ProblemType.documentationPath + slug
    }

    /// The URL of the index page of all types: `{base}/problems`.
    public var indexURI: String { self.baseURI + "/problems" }

    /// The registered type with this slug.
    ///
    /// - Parameter slug: A slug, such as `validation-error`.
    public func type(forSlug slug: String) -> ProblemType? {
        self.indexBySlug[slug].map { self.types[$0] }
    }

    /// The registered type a problem's `type` member identifies, absolute or as `/problems/{slug}`.
    ///
    /// - Parameter uri: A type URI.
    public func type(forURI uri: String) -> ProblemType? {
        if let index = self.indexByURI[uri] { return self.types[index] }
        if uri.hasPrefix(ProblemType.documentationPath) {
            return self.type(forSlug: String(uri.dropFirst(ProblemType.documentationPath.count)))
        }
        return nil
    }

    // MARK: Making problems

    /// The problem an error is answered with: resolved, complete and safe to send.
    ///
    /// A ``ProblemConvertible`` error (``Problem`` included) gives its own problem. Any other error
    /// becomes an `internal-error` (500) that carries nothing from it: its description may hold
    /// SQL, paths or secrets, so it belongs in the server log. With `includingDebugInformation` (for
    /// development only) a `debug` member adds the error's type and description.
    /// - Parameters:
    ///   - error: Any error.
    ///   - includingDebugInformation: Whether to add the `debug` member to problems made from
    ///     errors that are not problems. Never in production.
    public func problem(for error: any Error, includingDebugInformation: Bool = false) -> Problem {
        // Most errors answered are problems already (every framework error is translated into
        // one); a cast to the concrete type is a metadata comparison, to the protocol a lookup.
        if let problem = error as? Problem {
            return self.resolve(problem)
        }
        if let convertible = error as? any ProblemConvertible {
            return self.resolve(convertible.problem)
        }
        guard includingDebugInformation else { return self.internalError }
        var problem = self.internalError
        problem.extensions["debug"] = [
            "error_type": .string(String(reflecting: Swift.type(of: error))),
            "description": .string(String(describing: error)),
        ]
        return problem
    }

    /// Completes a problem for sending.
    ///
    /// A `/problems/{slug}` type becomes `{base}/problems/{slug}`; a missing title or status comes
    /// from the registered type; a status that is missing with no registered type, or is not 4xx
    /// or 5xx, becomes 500; and `retry_after` and `Retry-After` are made equal.
    /// - Parameter problem: A problem, as thrown.
    public func resolve(_ problem: consuming Problem) -> Problem {
        var problem = problem
        if problem.type.hasPrefix(ProblemType.documentationPath) {
            problem.type = self.baseURI + problem.type
        } else if problem.type.isEmpty {
            problem.type = Problem.aboutBlank
        }
        if problem.explicitTitle == nil || problem.status == nil, let type = self.type(forURI: problem.type) {
            if problem.explicitTitle == nil { problem.explicitTitle = type.title }
            if problem.status == nil { problem.status = type.status }
        }
        // A problem response is an error response: a thrown `Problem(status: .ok)` is a bug, and
        // sending it as a success would hide the failure from every client and proxy.
        if problem.status.map({ !(400...599).contains($0.code) }) ?? true { problem.status = .internalServerError }
        problem.synchronizeRetryAfter()
        return problem
    }

    /// The problem with its title in a language, when the registry has one.
    ///
    /// Only a title that is the declared one (or the `about:blank` status phrase) is replaced, so a
    /// title an application wrote for one occurrence is kept.
    /// - Parameters:
    ///   - problem: A resolved problem.
    ///   - language: A language tag from ``languages``; `nil` or the default leaves the problem as is.
    public func localized(_ problem: Problem, language: String?) -> Problem {
        self.localization(of: problem, in: language).problem
    }

    /// The problem with its title in a language, and the language its title is then in: the one
    /// asked for when the registry has a title in it, else ``defaultLanguage``.
    ///
    /// Responses send that language as `Content-Language`, so a problem whose type has no title in
    /// the language asked for is not labelled with it.
    /// - Parameters:
    ///   - problem: A resolved problem.
    ///   - language: A language tag from ``languages``, or `nil` for the default.
    public func localization(of problem: Problem, in language: String?) -> (problem: Problem, language: String) {
        var problem = problem
        let language = self.localize(&problem, in: language)
        return (problem, language)
    }

    // In place: every problem response is localized, and passing the problem in and out copied it.
    /// Puts a problem's title in a language, and returns the language its title is then in; see
    /// ``localization(of:in:)``.
    func localize(_ problem: inout Problem, in language: String?) -> String {
        guard let language, language != self.defaultLanguage else { return self.defaultLanguage }
        if problem.isAboutBlank {
            guard problem.explicitTitle == nil, let code = problem.status?.code,
                let title = self.localizedStatusTitles[language]?[code]
            else { return self.defaultLanguage }
            problem.explicitTitle = title
            return language
        }
        guard let type = self.type(forURI: problem.type),
            problem.explicitTitle == nil || problem.explicitTitle == type.title,
            let title = type.localizedTitle(in: language)
        else { return self.defaultLanguage }
        problem.explicitTitle = title
        return language
    }

    /// Every member name of every registered type that goes against RFC 9457's naming advice.
    public func nameIssues() -> [ExtensionNameIssue] {
        self.types.flatMap { $0.members.flatMap { ExtensionNameIssue.issues(forName: $0.name) } }
    }
}

extension ProblemRegistry {
    /// The error thrown when problem type declarations cannot be registered.
    public struct RegistrationError: Error, Hashable, CustomStringConvertible {
        /// What is wrong.
        public let description: String

        init(_ description: String) {
            self.description = description
        }
    }
}
