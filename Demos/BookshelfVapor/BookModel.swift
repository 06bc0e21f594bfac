#if Vapor
import BookshelfContract
import Fluent
import Foundation

/// The `books` table: one row per book, its ISBN unique.
///
/// `@unchecked Sendable` because Fluent requires models to be `Sendable` while its property
/// wrappers are mutable classes. It is sound here because every instance is made, changed and
/// saved inside one request handler's task and never shared with another task.
final class BookModel: Model, @unchecked Sendable {
    static let schema = "books"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "isbn") var isbn: String
    @Field(key: "year") var year: Int
    @Field(key: "tags") var tags: [String]

    init() {}

    /// A row for a book.
    init(_ book: Book) {
        self.id = book.id
        self.replace(with: book)
    }

    /// Sets every column but the id from a book.
    func replace(with book: Book) {
        self.title = book.title
        self.isbn = book.isbn
        self.year = book.year
        self.tags = book.tags
    }

    /// The book as the API sends it.
    func book() throws -> Book {
        Book(id: try self.requireID(), title: self.title, isbn: self.isbn, year: self.year, tags: self.tags)
    }
}
#endif
