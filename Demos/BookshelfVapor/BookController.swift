#if Vapor
import BookshelfContract
import Fluent
import Foundation
import ProblemDetailsVapor
import Vapor

/// `/books` and `/books/{id}`: list, create, read, replace and delete books.
///
/// Every failure changes nothing: bodies are decoded and checked before the database is touched,
/// and each change is one SQL statement. Two books never share an ISBN because the table's unique
/// constraint says so; the handlers turn that constraint's failure into a 409 instead of checking
/// first, so concurrent requests racing for one ISBN get exactly one success.
struct BookController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let books = routes.grouped("books")
        books.get { try await self.list($0) }
        books.post { try await self.create($0) }
        books.get(":id") { try await self.show($0) }
        books.put(":id") { try await self.replace($0) }
        books.delete(":id") { try await self.delete($0) }
    }

    /// `GET /books`: every book, by title.
    func list(_ request: Request) async throws -> Response {
        let models = try await BookModel.query(on: request.db).sort(\.$title).sort(\.$id).all()
        return try Response.json(try models.map { try $0.book() })
    }

    /// `POST /books`: 201 with the new book and its `Location`.
    func create(_ request: Request) async throws -> Response {
        let input = try request.decodeBookInput()
        let book = input.book(id: UUID())
        do {
            try await BookModel(book).create(on: request.db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw try await self.conflict(isbn: book.isbn, on: request.db, error: String(reflecting: error), logger: request.logger)
        }
        return try Response.json(book, status: .created, headers: ["Location": book.path])
    }

    /// `GET /books/{id}`.
    func show(_ request: Request) async throws -> Response {
        let id = try request.bookID()
        return try Response.json(try await self.find(id, on: request.db).book())
    }

    /// `PUT /books/{id}`: replaces every member of the book.
    func replace(_ request: Request) async throws -> Response {
        let id = try request.bookID()
        let input = try request.decodeBookInput()
        let model = try await self.find(id, on: request.db)
        let book = input.book(id: id)
        model.replace(with: book)
        do {
            try await model.update(on: request.db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw try await self.conflict(isbn: book.isbn, on: request.db, error: String(reflecting: error), logger: request.logger)
        }
        return try Response.json(book)
    }

    /// `DELETE /books/{id}`: 204.
    func delete(_ request: Request) async throws -> Response {
        let id = try request.bookID()
        try await self.find(id, on: request.db).delete(on: request.db)
        return Response(status: .noContent)
    }

    private func find(_ id: UUID, on database: any Database) async throws -> BookModel {
        guard let model = try await BookModel.find(id, on: database) else {
            throw BookshelfProblems.bookNotFound(id)
        }
        return model
    }

    /// The 409 for a write the unique constraint refused, naming the book that holds the ISBN.
    ///
    /// The database error's text (SQL, constraint names) goes to the log, never to the client.
    private func conflict(isbn: String, on database: any Database, error: String, logger: Logger) async throws
        -> Problem
    {
        logger.debug("constraint failure", metadata: ["error": .string(error)])
        let holder = try await BookModel.query(on: database).filter(\.$isbn == isbn).first()
        return BookshelfProblems.isbnTaken(isbn, by: holder?.id)
    }
}
#endif
