/// An error that knows the problem it becomes in an HTTP response.
///
/// Conform an application's own errors so that throwing them anywhere in a handler gives a precise,
/// documented problem response instead of a generic 500:
/// ```swift
/// struct OutOfStock: ProblemConvertible {
///     var isbn: String
///     var problem: Problem {
///         Problem(.conflict, detail: "No copies of \(isbn) are left.", extensions: ["isbn": .string(isbn)])
///     }
/// }
/// ```
/// The problem carries everything the response needs: type, status, detail, extension members and
/// extra header fields such as `Retry-After`, `WWW-Authenticate` or `Allow` (``Problem/headers``).
/// Errors that do not conform become an `internal-error` problem that says nothing about them.
public protocol ProblemConvertible: Error {
    /// The problem this error is answered with.
    var problem: Problem { get }
}

extension Problem: ProblemConvertible {
    /// The problem itself.
    public var problem: Problem { self }
}
