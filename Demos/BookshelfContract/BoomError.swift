/// The error `GET /boom` throws: its description holds a secret that no response may show.
///
/// It stands for the errors a real application meets, whose descriptions carry SQL, file paths
/// or credentials: the server log gets it in full, the client a bare `internal-error`.
public struct BoomError: Error, CustomStringConvertible {
    /// The marker tests look for in responses, where it must never appear.
    public static let secret = "SECRET-7f3a"

    /// Creates the error.
    public init() {}

    /// The secret, with the kind of detail a database error would have.
    public var description: String {
        "\(Self.secret): connection to postgres://bookshelf:hunter2@db.internal:5432/books refused"
    }
}
