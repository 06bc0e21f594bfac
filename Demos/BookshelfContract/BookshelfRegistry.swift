public import ProblemDetails

/// Makes the bookshelf API's problem registry and representations, the same for every server
/// framework that runs the API.
public enum BookshelfRegistry {
    /// The media type old clients ask for the legacy error envelope with.
    public static let legacyMediaType = MediaType(type: "application", subtype: "vnd.bookshelf.legacy+json")

    /// The registry of the API's problem types, whose URIs are `{publicURL}/problems/{slug}`.
    ///
    /// - Parameter publicURL: The absolute URL the API is reached at, such as
    ///   `http://127.0.0.1:8080`; the type URIs dereference to the documentation pages only when
    ///   it is the address clients use.
    /// - Throws: ``ProblemRegistry/RegistrationError`` when the URL is not absolute.
    public static func make(publicURL: String) throws(ProblemRegistry.RegistrationError) -> ProblemRegistry {
        try ProblemRegistry(
            baseURI: publicURL,
            types: BookshelfProblemTypes.all,
            // `all` declares every built-in type, so the index lists exactly what the API uses.
            includingBuiltInTypes: false,
            defaultLanguage: "en",
            localizedStatusTitles: ["de": BookshelfProblemTypes.germanStatusTitles]
        )
    }

    /// problem+json (the default), problem+xml, HTML, and the legacy envelope for
    /// ``legacyMediaType``.
    public static var representations: ProblemRepresentations {
        ProblemRepresentations.standard.adding(LegacyEnvelopeRenderer(mediaType: Self.legacyMediaType))
    }
}
