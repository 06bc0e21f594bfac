public import HTTPTypes

/// One declaration of a problem type: everything an API says about a kind of problem.
///
/// A declaration drives the problems built from it, the HTML page its type URI resolves to, the
/// OpenAPI schema that documents it and the typed decoding of it on clients. RFC 9457 §4 asks that
/// a type's definition document its URI, title and status code, and lets it define extension
/// members and header fields such as `Retry-After`; each of those is a property here.
/// ```swift
/// extension ProblemType {
///     static let outOfCredit = ProblemType(
///         slug: "out-of-credit",
///         title: "You do not have enough credit.",
///         status: .forbidden,
///         summary: "The account's balance does not cover the price of the request.",
///         members: [.init(name: "balance", kind: .integer, summary: "The balance, in cents.")],
///         localizedTitles: ["de": "Ihr Guthaben reicht nicht aus."]
///     )
/// }
/// ```
/// https://www.rfc-editor.org/rfc/rfc9457#section-4
public struct ProblemType: Sendable, Hashable {
    enum Identifier: Hashable {
        case slug(String)
        case uri(String)
    }

    let identifier: Identifier

    // Stored, not derived: every problem made from a type starts from it, and joining the path
    // and the slug allocated a string on every error response.
    /// The URI reference problems of this type carry before a registry resolves them:
    /// `/problems/{slug}` for a type declared by slug, else its own URI.
    public let reference: String

    /// A short summary of the type, the same for every occurrence except for localisation.
    public var title: String
    /// The status code every problem of this type has.
    public var status: HTTPResponse.Status
    /// What the problem means and what a client can do about it, for the documentation page.
    public var summary: String
    /// The extension members problems of this type carry.
    public var members: [Member]
    /// Header fields sent with problems of this type, documented alongside them.
    public var headers: [HTTPField.Name]
    /// Titles in other languages, by language tag (`"de"`, `"pt-BR"`).
    public var localizedTitles: [String: String]

    /// Declares a type that lives under the registry's base URI, at `{base}/problems/{slug}`.
    ///
    /// - Parameters:
    ///   - slug: The type's name in its URI: lowercase letters, digits and hyphens.
    ///   - title: A short summary of the type.
    ///   - status: The status code problems of this type have.
    ///   - summary: What the problem means, for the documentation page.
    ///   - members: The extension members the type carries.
    ///   - headers: Header fields sent with problems of this type.
    ///   - localizedTitles: Titles in other languages, by language tag.
    public init(
        slug: String,
        title: String,
        status: HTTPResponse.Status,
        summary: String = "",
        members: [Member] = [],
        headers: [HTTPField.Name] = [],
        localizedTitles: [String: String] = [:]
    ) {
        self.identifier = .slug(slug)
        self.reference = ProblemType.documentationPath + slug
        self.title = title
        self.status = status
        self.summary = summary
        self.members = members
        self.headers = headers
        self.localizedTitles = localizedTitles
    }

    /// Declares a type identified by a URI of its own, such as one from the IANA registry or
    /// another API's documentation.
    ///
    /// - Parameters:
    ///   - uri: The type URI, ideally absolute.
    ///   - title: A short summary of the type.
    ///   - status: The status code problems of this type have.
    ///   - summary: What the problem means, for the documentation page.
    ///   - members: The extension members the type carries.
    ///   - headers: Header fields sent with problems of this type.
    ///   - localizedTitles: Titles in other languages, by language tag.
    public init(
        uri: String,
        title: String,
        status: HTTPResponse.Status,
        summary: String = "",
        members: [Member] = [],
        headers: [HTTPField.Name] = [],
        localizedTitles: [String: String] = [:]
    ) {
        self.identifier = .uri(uri)
        self.reference = uri
        self.title = title
        self.status = status
        self.summary = summary
        self.members = members
        self.headers = headers
        self.localizedTitles = localizedTitles
    }

    /// The slug, for a type declared by slug.
    public var slug: String? {
        if case .slug(let slug) = self.identifier { return slug }
        return nil
    }


    /// The title in a language, falling back to ``title``.
    ///
    /// - Parameter language: A language tag from ``localizedTitles``, or `nil` for the default.
    public func title(in language: String?) -> String {
        language.flatMap(self.localizedTitle(in:)) ?? self.title
    }

    /// The title in a language, compared without regard to case, or `nil` when there is none.
    ///
    /// - Parameter language: A language tag.
    public func localizedTitle(in language: String) -> String? {
        if let title = self.localizedTitles[language] { return title }
        for (tag, title) in self.localizedTitles where tag.lowercased() == language.lowercased() {
            return title
        }
        return nil
    }

    /// A copy with more localised titles.
    ///
    /// - Parameter titles: Titles by language tag; they replace existing ones of the same tag.
    public func localized(_ titles: [String: String]) -> ProblemType {
        var copy = self
        copy.localizedTitles.merge(titles) { _, new in new }
        return copy
    }

    /// The path under a registry's base URI where slug-declared types live.
    static let documentationPath = "/problems/"
}

extension ProblemType {
    /// An extension member a problem type carries, documented for clients.
    public struct Member: Sendable, Hashable {
        /// The member's name.
        public var name: String
        /// The JSON kind of its value.
        public var kind: Kind
        /// What the member means.
        public var summary: String

        /// Declares a member.
        ///
        /// - Parameters:
        ///   - name: The member's name.
        ///   - kind: The JSON kind of its value.
        ///   - summary: What the member means.
        public init(name: String, kind: Kind, summary: String) {
            self.name = name
            self.kind = kind
            self.summary = summary
        }

        /// The JSON kind of a member's value, as documentation and schemas state it.
        public struct Kind: Sendable, Hashable, CustomStringConvertible {
            /// The JSON Schema type name.
            public let name: String

            /// A string.
            public static let string = Kind(name: "string")
            /// An integer.
            public static let integer = Kind(name: "integer")
            /// Any number.
            public static let number = Kind(name: "number")
            /// `true` or `false`.
            public static let boolean = Kind(name: "boolean")
            /// An array.
            public static let array = Kind(name: "array")
            /// An object.
            public static let object = Kind(name: "object")
            /// An array of ``Violation`` items, `[{detail, pointer|parameter|header}]`.
            public static let violations = Kind(name: "array of violations")

            /// The kind's name.
            public var description: String { self.name }
        }
    }
}
