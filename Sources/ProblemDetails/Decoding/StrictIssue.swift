/// A failure found while decoding one value, in words for the API's client.
///
/// The strict decoder's single-value container throws it as the underlying error of a
/// `DecodingError`, so the detail survives the trip up through the type's own `init(from:)`.
struct StrictIssue: Error, Sendable, Hashable {
    /// Which `DecodingError` case the issue becomes when thrown.
    enum Kind: Sendable, Hashable {
        case typeMismatch
        case valueNotFound
        case dataCorrupted
    }

    let kind: Kind
    /// What is wrong, such as "must be an integer".
    let detail: String

    /// A member the type needs is absent.
    static let required = StrictIssue(kind: .valueNotFound, detail: "is required")
    /// A member the type needs is `null`.
    static let null = StrictIssue(kind: .valueNotFound, detail: "must not be null")
    /// A member has the right kind but a value the type refuses.
    static let invalid = StrictIssue(kind: .dataCorrupted, detail: "is not valid")
    /// A number beyond what the type holds.
    static let outOfRange = StrictIssue(kind: .dataCorrupted, detail: "is out of range")

    /// A member of the wrong kind.
    ///
    /// - Parameter kind: The kind it must have.
    static func expected(_ kind: JSONValueKind) -> StrictIssue {
        StrictIssue(kind: .typeMismatch, detail: kind.expectation)
    }

    /// The `DecodingError` a type's `init(from:)` sees, carrying this issue as its underlying error.
    ///
    /// - Parameters:
    ///   - type: The type that was asked for, named in the debug description for developers.
    ///   - codingPath: Where the value is.
    func decodingError(for type: Any.Type, codingPath: [any CodingKey]) -> DecodingError {
        let context = DecodingError.Context(
            codingPath: codingPath,
            debugDescription: "Cannot decode \(type): the value \(self.detail).",
            underlyingError: self
        )
        return switch self.kind {
        case .typeMismatch: .typeMismatch(type, context)
        case .valueNotFound: .valueNotFound(type, context)
        case .dataCorrupted: .dataCorrupted(context)
        }
    }
}
