#if Hummingbird
import BookshelfContract
import Foundation
import ProblemDetails

/// The books, kept in memory: the contract allows the Hummingbird app to keep no database.
///
/// It is an actor, so each change is checked and applied in one step: two requests racing for an
/// ISBN are ordered, the first wins and the others get 409, and a failed request changes nothing.
actor BookStore {
    private var books: [UUID: Book] = [:]
    private var holders: [String: UUID] = [:]

    /// Every book, by title, then by id, as the Vapor app lists them.
    func all() -> [Book] {
        self.books.values.sorted { ($0.title, Book.text(of: $0.id)) < ($1.title, Book.text(of: $1.id)) }
    }

    /// The book with an id.
    ///
    /// - Throws: A 404 `resource-not-found` problem.
    func book(_ id: UUID) throws(Problem) -> Book {
        guard let book = self.books[id] else { throw BookshelfProblems.bookNotFound(id) }
        return book
    }

    /// Adds a new book.
    ///
    /// - Throws: A 409 `conflict` naming the book that holds the ISBN.
    func insert(_ book: Book) throws(Problem) {
        if let holder = self.holders[book.isbn] { throw BookshelfProblems.isbnTaken(book.isbn, by: holder) }
        self.books[book.id] = book
        self.holders[book.isbn] = book.id
    }

    /// Replaces an existing book.
    ///
    /// - Throws: A 404 when there is no such book, a 409 when another book holds the ISBN.
    func replace(_ book: Book) throws(Problem) {
        guard let old = self.books[book.id] else { throw BookshelfProblems.bookNotFound(book.id) }
        if let holder = self.holders[book.isbn], holder != book.id {
            throw BookshelfProblems.isbnTaken(book.isbn, by: holder)
        }
        self.holders[old.isbn] = nil
        self.books[book.id] = book
        self.holders[book.isbn] = book.id
    }

    /// Deletes a book.
    ///
    /// - Throws: A 404 when there is no such book.
    func delete(_ id: UUID) throws(Problem) {
        guard let old = self.books.removeValue(forKey: id) else { throw BookshelfProblems.bookNotFound(id) }
        self.holders[old.isbn] = nil
    }
}
#endif
