import HTTPTypes

/// Writes problems in the error envelope an API used before problem details, for old clients.
///
/// An API that moves to RFC 9457 can keep answering clients that ask for its old media type,
/// as §4 suggests, from the same problems:
/// ```json
/// {"error":{"code":"validation_error","message":"2 values in the request are not valid.",
///  "details":[{"detail":"must be 13 digits","pointer":"#/isbn"}],
///  "type":"/errors/validation-error","request_id":"req-42"}}
/// ```
/// - `code` is the type's slug, the last path segment of the type URI (or its fragment, as in
///   `https://iana.org/assignments/http-problem-types#quota-exceeded`), with `-` written `_`.
///   An `about:blank` problem, or one whose type URI has no segment, uses the status phrase in
///   lowercase with `_` for spaces: `not_found`, `content_too_large`.
/// - `message` is `detail`, else `title`, else the status phrase, else `null`.
/// - `details` is the `errors` member when it is an array; else an object of the other extension
///   members except `request_id`; `null` when there are none.
/// - `type` is the prefix followed by `code` with `_` written `-`: `/errors/validation-error`.
/// - `request_id` is the `request_id` member when it is a string, else `null`.
///
/// ```swift
/// let legacy = LegacyEnvelopeRenderer(mediaType: MediaType(type: "application", subtype: "vnd.acme.error+json"))
/// let representations = ProblemRepresentations.standard.adding(legacy)
/// ```
/// https://www.rfc-editor.org/rfc/rfc9457#section-4
public struct LegacyEnvelopeRenderer: ProblemRenderer {
    /// The media type clients ask for the envelope with, sent as its `Content-Type`.
    public let mediaType: MediaType
    /// The text the envelope's `type` starts with, such as `/errors/`.
    public let typePrefix: String

    /// Creates a renderer for a legacy media type.
    ///
    /// - Parameters:
    ///   - mediaType: The media type that selects the envelope, such as
    ///     `application/vnd.bookshelf.legacy+json`; it is also the `Content-Type`.
    ///   - typePrefix: The text the envelope's `type` starts with.
    public init(mediaType: MediaType, typePrefix: String = "/errors/") {
        self.mediaType = mediaType
        self.typePrefix = typePrefix
    }

    /// The media type, as field text.
    public var contentType: String { self.mediaType.description }

    /// The one media type that selects the envelope.
    public var mediaTypes: [MediaType] { [self.mediaType] }

    /// The problem as the envelope, compact UTF-8 JSON.
    ///
    /// - Parameters:
    ///   - problem: A resolved, localised problem.
    ///   - context: Unused: the envelope's text is the problem's.
    public func render(_ problem: Problem, in context: RenderingContext) -> [UInt8] {
        ProblemJSONEncoder().encode(self.envelope(of: problem))
    }

    /// The envelope as a JSON value, members in the order old clients saw them.
    func envelope(of problem: Problem) -> ExtensionValue {
        let code = Self.code(of: problem)
        var error = ExtensionValue.Object()
        error["code"] = code.map(ExtensionValue.string) ?? .null
        error["message"] = Self.message(of: problem).map(ExtensionValue.string) ?? .null
        error["details"] = Self.details(of: problem)
        error["type"] = code.map { .string(self.typePrefix + Self.replacing($0, "_", with: "-")) } ?? .null
        error["request_id"] = problem.requestID.map(ExtensionValue.string) ?? .null
        return ["error": .object(error)]
    }

    // MARK: Members

    /// The slug with underscores; from the status phrase for `about:blank` and for type URIs
    /// without a segment to take it from.
    static func code(of problem: Problem) -> String? {
        if !problem.isAboutBlank, let slug = Self.slug(ofTypeURI: problem.type) {
            return Self.replacing(slug, "-", with: "_")
        }
        guard let code = problem.status?.code else { return nil }
        guard let phrase = StatusTitle.phrase(for: code) else { return "http_\(code)" }
        return Self.snakeCase(phrase)
    }

    /// Lowercase letters and digits joined by single underscores: "Not Extended (OBSOLETED)"
    /// gives `not_extended_obsoleted`, "Non-Authoritative Information" gives
    /// `non_authoritative_information`.
    static func snakeCase(_ phrase: String) -> String {
        var words: [String] = []
        var word = ""
        for character in phrase.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                word.append(character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: "_")
    }

    /// The fragment when there is one, else the last non-empty path segment.
    ///
    /// Types in the IANA registry may be written as fragments of one page,
    /// `https://iana.org/assignments/http-problem-types#…`, where the last segment would give
    /// every such type the same code.
    static func slug(ofTypeURI type: String) -> String? {
        var reference = Substring(type)
        if let hash = reference.firstIndex(of: "#") {
            let fragment = reference[reference.index(after: hash)...]
            if !fragment.isEmpty { return String(fragment) }
            reference = reference[..<hash]
        }
        if let question = reference.firstIndex(of: "?") {
            reference = reference[..<question]
        }
        // The part after the scheme and authority, or after `scheme:` for URNs and tags.
        if let parsed = URIReference(parsing: String(reference)) {
            reference = Substring(parsed.path)
        }
        return reference.split(separator: "/").last.map(String.init)
    }

    private static func message(of problem: Problem) -> String? {
        problem.detail ?? problem.title ?? problem.status.flatMap { StatusTitle.phrase(for: $0.code) }
    }

    private static func details(of problem: Problem) -> ExtensionValue {
        if let errors = problem.extensions["errors"], case .array = errors {
            return errors
        }
        var others = ExtensionValue.Object()
        for member in problem.extensions where member.name != "request_id" {
            others[member.name] = member.value
        }
        return others.isEmpty ? .null : .object(others)
    }

    private static func replacing(_ text: String, _ old: Character, with new: Character) -> String {
        String(text.map { $0 == old ? new : $0 })
    }
}
