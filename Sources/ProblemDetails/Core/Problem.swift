public import HTTPTypes

/// An RFC 9457 problem detail: a machine-readable description of an error in an HTTP response.
///
/// A problem is a value you can build, inspect, compare and throw:
/// ```swift
/// throw Problem(.notFound, detail: "No book has the id \(id).", extensions: ["resource": "book"])
/// throw Problem(status: .methodNotAllowed)
/// ```
/// It has the five standard members, extension members in the order they were added, and the
/// header fields that must travel with it (``headers``), which no format writes into the body.
///
/// With the type `about:blank` and no explicit title, ``title`` is the HTTP status phrase, as
/// RFC 9457 §4.2.1 recommends.
/// https://www.rfc-editor.org/rfc/rfc9457#section-3
public struct Problem: Sendable {
    /// The type a problem has when no other is given.
    ///
    /// It says the problem has no semantics beyond its HTTP status code.
    /// https://www.rfc-editor.org/rfc/rfc9457#section-4.2.1
    public static let aboutBlank = "about:blank"

    /// A URI reference that identifies the problem type; `about:blank` by default.
    ///
    /// A problem built from a ``ProblemType`` declared by slug carries the full-path reference
    /// `/problems/{slug}` until a ``ProblemRegistry`` resolves it against the API's base URI.
    public var type: String

    @usableFromInline
    var explicitTitle: String?

    /// The HTTP status code for this occurrence; the response's status must equal it.
    public var status: HTTPResponse.Status?

    /// A human-readable explanation of this occurrence, written to help the client correct it.
    ///
    /// Never put debugging information here (RFC 9457 §3.1.4, §5).
    public var detail: String?

    /// A URI reference that identifies this occurrence, such as the request path.
    public var instance: String?

    /// The extension members, in insertion order.
    public var extensions: Extensions

    /// Header fields to send with the problem, such as `Retry-After` or `WWW-Authenticate`.
    ///
    /// They are not part of the problem document: encoders ignore them and decoders leave them empty.
    public var headers: HTTPFields

    /// Creates a problem with every member given.
    ///
    /// - Parameters:
    ///   - type: A URI reference identifying the problem type.
    ///   - title: A short summary of the problem type; for `about:blank`, `nil` means the status phrase.
    ///   - status: The HTTP status code.
    ///   - detail: An explanation of this occurrence.
    ///   - instance: A URI reference identifying this occurrence.
    ///   - extensions: Extension members.
    ///   - headers: Header fields to send with the problem.
    public init(
        type: String = Problem.aboutBlank,
        title: String? = nil,
        status: HTTPResponse.Status? = nil,
        detail: String? = nil,
        instance: String? = nil,
        extensions: Extensions = [:],
        headers: HTTPFields = [:]
    ) {
        self.type = type
        self.explicitTitle = title
        self.status = status
        self.detail = detail
        self.instance = instance
        self.extensions = extensions
        self.headers = headers
    }

    /// Creates a problem of a declared type, with its title and status.
    ///
    /// - Parameters:
    ///   - type: The problem type.
    ///   - detail: An explanation of this occurrence.
    ///   - instance: A URI reference identifying this occurrence.
    ///   - extensions: Extension members.
    ///   - headers: Header fields to send with the problem.
    public init(
        _ type: ProblemType,
        detail: String? = nil,
        instance: String? = nil,
        extensions: Extensions = [:],
        headers: HTTPFields = [:]
    ) {
        self.init(
            type: type.reference,
            title: type.title,
            status: type.status,
            detail: detail,
            instance: instance,
            extensions: extensions,
            headers: headers
        )
    }

    /// Creates an `about:blank` problem: one that means no more than its HTTP status.
    ///
    /// - Parameters:
    ///   - status: The HTTP status code; the title is its phrase.
    ///   - detail: An explanation of this occurrence.
    ///   - instance: A URI reference identifying this occurrence.
    ///   - extensions: Extension members.
    ///   - headers: Header fields to send with the problem.
    public init(
        status: HTTPResponse.Status,
        detail: String? = nil,
        instance: String? = nil,
        extensions: Extensions = [:],
        headers: HTTPFields = [:]
    ) {
        self.init(
            type: Problem.aboutBlank,
            status: status,
            detail: detail,
            instance: instance,
            extensions: extensions,
            headers: headers
        )
    }

    /// A short, human-readable summary of the problem type.
    ///
    /// When none was given and the type is `about:blank`, this is the status phrase (422 gives
    /// "Unprocessable Content"), as RFC 9457 §4.2.1 recommends.
    public var title: String? {
        get {
            if let explicitTitle { return explicitTitle }
            guard self.type == Problem.aboutBlank, let status else { return nil }
            return StatusTitle.phrase(for: status.code)
        }
        set { self.explicitTitle = newValue }
    }

    /// Whether the type is `about:blank`.
    public var isAboutBlank: Bool { self.type == Problem.aboutBlank }
}

extension Problem: Hashable {
    /// Whether two problems have the same members and header fields; titles compare as read
    /// through ``title``.
    public static func == (lhs: Problem, rhs: Problem) -> Bool {
        lhs.type == rhs.type && lhs.status?.code == rhs.status?.code && lhs.title == rhs.title
            && lhs.detail == rhs.detail && lhs.instance == rhs.instance && lhs.extensions == rhs.extensions
            && lhs.headers == rhs.headers
    }

    /// Hashes the members compared by `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.type)
        hasher.combine(self.status?.code)
        hasher.combine(self.title)
        hasher.combine(self.detail)
        hasher.combine(self.instance)
        hasher.combine(self.extensions)
        hasher.combine(self.headers)
    }
}

extension Problem: CustomStringConvertible {
    /// The status, type, title and detail on one line, for logs.
    public var description: String {
        var text = self.status.map { "\($0.code) " } ?? ""
        text += self.type
        if let title { text += " \"\(title)\"" }
        if let detail { text += ": \(detail)" }
        return text
    }
}
