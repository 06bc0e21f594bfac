#if Hummingbird
import BookshelfContract
import Foundation
import HTTPTypes
import Hummingbird
import ProblemDetailsHummingbird

/// `/books` and `/books/{id}`: list, create, read, replace and delete books.
///
/// Every failure changes nothing: the id and the body are checked before the store is touched,
/// and the store checks and applies each change in one step.
struct BookRoutes {
    let store: BookStore

    func add(to router: Router<BookshelfRequestContext>) {
        router.get("books") { _, _ in try Response.json(await self.store.all()) }
        router.post("books") { request, context in try await self.create(request, context: context) }
        router.get("books/:id") { _, context in
            try Response.json(try await self.store.book(try Self.bookID(context)))
        }
        router.put("books/:id") { request, context in try await self.replace(request, context: context) }
        router.delete("books/:id") { _, context in
            try await self.store.delete(try Self.bookID(context))
            return Response(status: .noContent)
        }
    }

    /// `POST /books`: 201 with the new book and its `Location`.
    func create(_ request: Request, context: BookshelfRequestContext) async throws -> Response {
        let input = try await request.decode(as: BookInput.self, context: context)
        let book = input.book(id: UUID())
        try await self.store.insert(book)
        return try Response.json(book, status: .created, headers: [.location: book.path])
    }

    /// `PUT /books/{id}`: replaces every member of the book.
    func replace(_ request: Request, context: BookshelfRequestContext) async throws -> Response {
        let id = try Self.bookID(context)
        let input = try await request.decode(as: BookInput.self, context: context)
        let book = input.book(id: id)
        try await self.store.replace(book)
        return try Response.json(book)
    }

    static func bookID(_ context: BookshelfRequestContext) throws(Problem) -> UUID {
        try BookshelfProblems.bookID(context.parameters.get("id"))
    }
}
#endif
