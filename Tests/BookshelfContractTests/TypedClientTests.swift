import BookshelfContract
import HTTPTypes
import ProblemDetails
import Testing

/// A client's own error for the contract's 409: the book that holds the ISBN.
struct ISBNConflict: Decodable, Error {
    var detail: String
    var conflictingID: String

    enum CodingKeys: String, CodingKey {
        case detail
        case conflictingID = "conflicting_id"
    }
}

/// A client's own error for the contract's 422: where each failure is.
struct ValidationFailure: Decodable, Error {
    struct Failure: Decodable {
        var detail: String
        var pointer: String?
    }
    var errors: [Failure]
}

/// The registry the servers answer from also reads their answers on the client: one declaration
/// drives both sides.
@Suite struct TypedClientTests {
    static func problems() throws -> ClientProblemRegistry {
        var problems = ClientProblemRegistry(try BookshelfRegistry.make(publicURL: Bookshelf.publicURL))
        problems.register(ISBNConflict.self, for: BookshelfProblemTypes.conflict)
        problems.register(ValidationFailure.self, for: BookshelfProblemTypes.validationError)
        return problems
    }

    static func received(_ response: ShelfResponse, path: String) throws -> ReceivedProblem {
        let head = HTTPResponse(status: response.status, headerFields: response.headers.fields)
        return try #require(try Self.problems().received(head, body: response.body.bytes, url: Bookshelf.publicURL + path))
    }

    @Test(arguments: Demo.allCases) func theAppsProblemsAreReadAsTheClientsTypes(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let first = try await shelf.create(isbn: Bookshelf.isbns[0])
            let duplicate = try await shelf.send(
                .POST, "/books", json: #"{"title": "Again", "isbn": "\#(Bookshelf.isbns[0])", "year": 2000}"#
            )
            let conflict = try Self.received(duplicate, path: "/books")
            #expect(conflict.problemType == BookshelfProblemTypes.conflict)
            #expect((conflict.typedError as? ISBNConflict)?.conflictingID == first)
            #expect(conflict.diagnostics.isEmpty)

            for accept in ["application/problem+json", "application/problem+xml"] {
                let invalid = try await shelf.send(
                    .POST, "/books", headers: ["Accept": accept], json: #"{"title": "", "isbn": "12", "year": 1999}"#
                )
                let failure = try #require(try Self.received(invalid, path: "/books").typedError as? ValidationFailure)
                #expect(Set(failure.errors.compactMap(\.pointer)) == ["#/title", "#/isbn"], "\(accept)")
            }

            let maintenance = try Self.received(try await shelf.send(.GET, "/maintenance"), path: "/maintenance")
            #expect(maintenance.error is Problem)
            #expect(maintenance.problemType == BookshelfProblemTypes.serviceUnavailable)
            #expect(maintenance.problem.retryAfter == 120)
        }
    }
}
