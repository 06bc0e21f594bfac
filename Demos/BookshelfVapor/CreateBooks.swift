#if Vapor
import Fluent

/// Creates the `books` table, with a unique constraint on `isbn` that keeps two books from ever
/// sharing an ISBN, however requests race.
struct CreateBooks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(BookModel.schema)
            .id()
            .field("title", .string, .required)
            .field("isbn", .string, .required)
            .field("year", .int, .required)
            .field("tags", .array(of: .string), .required)
            .unique(on: "isbn", name: "books_isbn_unique")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BookModel.schema).delete()
    }
}
#endif
