public import Foundation
public import ProblemDetails

/// The body of `POST /books` and `PUT /books/{id}`: a book without its id.
///
/// Decode it strictly, so unknown members are reported with the rest; ``violations()`` adds
/// ``BookRules``' failures to the same 422.
public struct BookInput: Decodable, Sendable, Hashable, InputValidating {
    /// The title, as sent.
    public var title: String
    /// The ISBN-13, as 13 digits.
    public var isbn: String
    /// The year of publication.
    public var year: Int
    /// The tags; absent means none.
    public var tags: [String]?

    /// Creates an input.
    ///
    /// - Parameters:
    ///   - title: The title.
    ///   - isbn: The ISBN-13.
    ///   - year: The year of publication.
    ///   - tags: The tags.
    public init(title: String, isbn: String, year: Int, tags: [String]? = nil) {
        self.title = title
        self.isbn = isbn
        self.year = year
        self.tags = tags
    }

    /// Every rule of ``BookRules`` the input breaks.
    public func violations() -> [Violation] {
        BookRules.violations(title: self.title, isbn: self.isbn, year: self.year, tags: self.tags ?? [])
    }

    /// The book this input describes, under an id, with its title trimmed.
    ///
    /// - Parameter id: The book's id.
    public func book(id: UUID) -> Book {
        Book(id: id, title: BookRules.normalizedTitle(self.title), isbn: self.isbn, year: self.year, tags: self.tags ?? [])
    }
}
