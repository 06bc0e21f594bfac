public import Foundation
public import ProblemDetails

/// The problems the contract spells out member by member, made once for both demo apps.
public enum BookshelfProblems {
    /// The 409 for a write refused because another book holds the ISBN, naming that book in
    /// `conflicting_id`.
    ///
    /// - Parameters:
    ///   - isbn: The ISBN sent.
    ///   - holder: The id of the book that holds it, or `nil` when it was deleted in the meantime:
    ///     the write may then succeed if sent again, but this one changed nothing.
    public static func isbnTaken(_ isbn: String, by holder: UUID?) -> Problem {
        var problem = Problem(BookshelfProblemTypes.conflict)
        if let holder {
            problem.detail = "Another book already has the ISBN \(isbn)."
            problem.extensions["conflicting_id"] = .string(Book.text(of: holder))
        } else {
            problem.detail = "Another book had the ISBN \(isbn) a moment ago; send the request again."
        }
        return problem
    }

    /// The 404 for a book id no book has.
    ///
    /// - Parameter id: The id requested.
    public static func bookNotFound(_ id: UUID) -> Problem {
        Problem.notFound(resource: "book", id: Book.text(of: id))
    }

    /// The 404 for a documentation page of a problem type the API does not have.
    ///
    /// - Parameter slug: The slug requested.
    public static func problemTypeNotFound(_ slug: String) -> Problem {
        Problem.notFound(resource: "problem type", id: slug)
    }

    /// The 503 `/maintenance` answers with: `Retry-After: 120` and `retry_after: 120`.
    public static var maintenance: Problem {
        Problem.serviceUnavailable(
            retryAfter: BookshelfPolicy.maintenanceRetryAfter,
            detail: "The bookshelf is down for maintenance."
        )
    }

    /// The `id` path parameter as a UUID.
    ///
    /// - Parameter text: The parameter, or `nil` when the route had none.
    /// - Throws: A 400 `invalid-parameter` problem naming `id` when it is not a UUID.
    public static func bookID(_ text: String?) throws(Problem) -> UUID {
        guard let text, let id = UUID(uuidString: text) else {
            throw Problem.invalidParameter(
                "id",
                detail: "The id must be a UUID, such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301."
            )
        }
        return id
    }

    /// The longest sleep `/slow` accepts: enough to pass the route's time limit, short enough that
    /// a handler outliving its 504 ends soon.
    public static let maximumSleep = 60.0

    /// The `seconds` query parameter of `/slow`.
    ///
    /// - Parameter text: The parameter, or `nil` when the query had none.
    /// - Throws: A 400 `invalid-parameter` problem naming `seconds` unless it is a number from 0
    ///   to ``maximumSleep``.
    public static func sleepSeconds(_ text: String?) throws(Problem) -> Double {
        guard let text, let seconds = Double(text), seconds.isFinite, (0...Self.maximumSleep).contains(seconds) else {
            throw Problem.invalidParameter(
                "seconds",
                detail: "seconds must be a number from 0 to \(Int(Self.maximumSleep))."
            )
        }
        return seconds
    }
}
