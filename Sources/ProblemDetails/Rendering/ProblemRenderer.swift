/// A representation of problems that content negotiation can choose.
///
/// The package ships JSON (``ProblemJSONEncoder``), XML (``ProblemXMLEncoder``), HTML
/// (``ProblemHTMLRenderer``) and the legacy envelope (``LegacyEnvelopeRenderer``). Conform your
/// own type to answer with another format, then list it in ``ProblemRepresentations``.
public protocol ProblemRenderer: Sendable {
    /// The `Content-Type` field value of what ``render(_:in:)`` returns.
    var contentType: String { get }

    /// The media types an `Accept` field can name to choose this renderer, the most specific first;
    /// the first is the one ``contentType`` names.
    ///
    /// The JSON renderer answers for `application/problem+json` and for `application/json`, as
    /// RFC 9457 §3 allows.
    var mediaTypes: [MediaType] { get }

    /// The problem's representation.
    ///
    /// - Parameters:
    ///   - problem: A resolved, localised problem.
    ///   - context: What the renderer may need to know about the response.
    /// - Throws: Any error; responders then answer with a static 500 problem.
    func render(_ problem: Problem, in context: RenderingContext) throws -> [UInt8]
}

/// What a renderer may need to know about the response beyond the problem.
public struct RenderingContext: Sendable, Hashable {
    /// The language of the problem's text (the `Content-Language`), such as `en` or `de`.
    public var language: String

    /// Creates a context.
    ///
    /// - Parameter language: The language of the problem's text.
    public init(language: String = "en") {
        self.language = language
    }
}

extension ProblemJSONEncoder: ProblemRenderer {
    /// `application/problem+json`.
    public var contentType: String { "application/problem+json" }

    /// `application/problem+json` and `application/json`.
    public var mediaTypes: [MediaType] { Self.offeredMediaTypes }

    // Stored once: negotiation asks every renderer for its media types on each response.
    private static let offeredMediaTypes: [MediaType] = [.problemJSON, .json]

    /// The problem as JSON; the context is not needed.
    ///
    /// - Parameters:
    ///   - problem: A resolved problem.
    ///   - context: Unused.
    public func render(_ problem: Problem, in context: RenderingContext) -> [UInt8] {
        self.encode(problem)
    }
}
