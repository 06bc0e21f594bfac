import Foundation
public import ProblemDetails

/// Who may open `/admin`: the bearer token `admin`; `reader` is known but not allowed.
///
/// The tokens are fixed because this is a demo of the 401 and 403 problems, not of
/// authentication.
public enum AdminAccess {
    /// The realm of the `WWW-Authenticate` challenge.
    public static let realm = "bookshelf"

    /// The challenge sent when the request has no credentials: `Bearer realm="bookshelf"`.
    public static let challenge = "Bearer realm=\"\(realm)\""

    /// The roles the API knows, by bearer token.
    public static let roles: [String: String] = ["admin": "admin", "reader": "reader"]

    /// The role of an administrator, the one that may open `/admin`.
    public static let adminRole = "admin"

    /// Checks an `Authorization` field value and returns the caller's role.
    ///
    /// - Parameter authorization: The `Authorization` field value, or `nil` when there is none.
    /// - Throws: A 401 `unauthorized` problem with the `WWW-Authenticate` challenge when there
    ///   are no bearer credentials or the token is unknown (RFC 6750 §3.1 `invalid_token`), a 403
    ///   `forbidden` when the role is not ``adminRole``.
    public static func authorize(_ authorization: String?) throws(Problem) -> String {
        guard let authorization, let token = bearerToken(in: authorization) else {
            throw Problem.unauthorized(
                challenge: challenge,
                detail: "Send an administrator's bearer token in the Authorization header field."
            )
        }
        guard let role = roles[token] else {
            throw Problem.unauthorized(
                challenge: challenge + ", error=\"invalid_token\"",
                detail: "The bearer token is not valid."
            )
        }
        guard role == adminRole else {
            throw Problem(BookshelfProblemTypes.forbidden, detail: "The \(role) role may not open the admin area.")
        }
        return role
    }

    /// The token of a `Bearer` credential; the scheme is case-insensitive (RFC 9110 §11.1).
    static func bearerToken(in authorization: String) -> String? {
        let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
