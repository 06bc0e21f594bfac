/// The representations an API offers for problems, in its order of preference, and the choice
/// among them for a request's `Accept` field.
///
/// A problem response is never 406: a client that accepts none of the representations gets the
/// first, which is problem+json unless you reorder them (RFC 9110 §12.5.1 allows ignoring `Accept`).
/// ```swift
/// let representations = ProblemRepresentations.standard
/// let renderer = representations.renderer(forAccept: request.headerFields[.accept])
/// ```
/// https://www.rfc-editor.org/rfc/rfc9457#section-3
public struct ProblemRepresentations: Sendable {
    /// The renderers, the default first.
    public var renderers: [any ProblemRenderer]

    /// Creates a set of representations.
    ///
    /// - Parameter renderers: The renderers in order of preference; the first is the default.
    /// - Precondition: There is at least one renderer.
    public init(_ renderers: [any ProblemRenderer]) {
        precondition(!renderers.isEmpty, "problem responses need at least one representation")
        self.renderers = renderers
    }

    /// problem+json (the default), problem+xml when the `XML` trait is on, and HTML.
    public static var standard: ProblemRepresentations {
        #if XML
        ProblemRepresentations([ProblemJSONEncoder(), ProblemXMLEncoder(), ProblemHTMLRenderer()])
        #else
        ProblemRepresentations([ProblemJSONEncoder(), ProblemHTMLRenderer()])
        #endif
    }

    /// The same representations with one more, preferred after the others on a tie.
    ///
    /// - Parameter renderer: The renderer to add.
    public func adding(_ renderer: any ProblemRenderer) -> ProblemRepresentations {
        ProblemRepresentations(self.renderers + [renderer])
    }

    /// The renderer for a request's `Accept` field value; the default when the field is absent or
    /// names nothing on offer.
    ///
    /// A renderer whose own media type the field refuses (weight 0) is not chosen, even when the
    /// field accepts one of its aliases.
    ///
    /// - Parameter accept: The `Accept` field value, or `nil` when the request had none.
    public func renderer(forAccept accept: String?) -> any ProblemRenderer {
        // `*/*`, what curl and most HTTP libraries send, ranks every renderer alike: the first wins.
        guard let field = accept, !field.isEmpty, field != "*/*" else { return self.renderers[0] }
        let accept = Accept(parsing: field)
        // A renderer labels everything it writes with its first media type, so one the client
        // refuses (`application/problem+json;q=0, application/json`) must not win through an
        // alias it does accept.
        return accept.preferred(among: self.renderers) { renderer in
            let mediaTypes = renderer.mediaTypes
            guard let label = mediaTypes.first, !accept.refuses(label) else { return [] }
            return mediaTypes
        } ?? self.renderers[0]
    }
}
