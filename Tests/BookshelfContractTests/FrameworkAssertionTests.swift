import BookshelfContract
import HTTPTypes
import ProblemDetails
import ProblemDetailsTesting
import Testing

#if Vapor
import BookshelfVapor
import ProblemDetailsVaporTesting
import VaporTesting
#endif
#if Hummingbird
import BookshelfHummingbird
import Hummingbird
import HummingbirdTesting
import ProblemDetailsHummingbirdTesting
#endif

/// The demos driven through their own framework's tester and checked with the one-call assertions
/// ProblemDetailsVaporTesting and ProblemDetailsHummingbirdTesting give users.
@Suite struct FrameworkAssertionTests {
    static let invalidBook = #"{"title": "", "isbn": "123", "year": 1000}"#
    static let book = #"{"title": "Dune", "isbn": "9780306406157", "year": 1965}"#

    #if Vapor
    @Test func vaporResponsesAreCheckedInOneCall() async throws {
        let registry = try BookshelfRegistry.make(publicURL: Bookshelf.publicURL)
        try await withApp(configure: { app in try await configure(app, options: Bookshelf.options) }) { app in
            let json: HTTPHeaders = ["Content-Type": "application/json"]
            try await app.testing().test(.POST, "books", headers: json, body: ByteBuffer(string: Self.invalidBook)) {
                response in
                let problem = try ProblemAssertion.problem(
                    response,
                    of: BookshelfProblemTypes.validationError,
                    in: registry,
                    pointers: ["#/title", "#/isbn", "#/year"]
                )
                #expect(problem.status == 422)
            }
            try await app.testing().test(.POST, "books", headers: json, body: ByteBuffer(string: Self.book))
            try await app.testing().test(.POST, "books", headers: json, body: ByteBuffer(string: Self.book)) {
                response in
                try ProblemAssertion.problem(response, of: BookshelfProblemTypes.conflict, in: registry)
            }
            try await app.testing().test(.GET, "boom") { response in
                try ProblemAssertion.problem(response, status: .internalServerError)
                try ProblemAssertion.noLeak(in: response)
            }
            // A mismatch is reported, with what was seen.
            try await app.testing().test(.GET, "books/not-a-uuid") { response in
                #expect(throws: ProblemAssertionFailure.self) {
                    try ProblemAssertion.problem(response, status: .notFound)
                }
                let failure = #expect(throws: ProblemAssertionFailure.self) {
                    try ProblemAssertion.problem(response, type: "https://bookshelf.test/problems/conflict")
                }
                #expect(failure?.mismatches.contains { $0.contains("expected https://bookshelf.test/problems/conflict") } == true)
            }
        }
    }
    #endif

    #if Hummingbird
    @Test func hummingbirdResponsesAreCheckedInOneCall() async throws {
        let registry = try BookshelfRegistry.make(publicURL: Bookshelf.publicURL)
        let app = try BookshelfApplication.make(options: Bookshelf.options)
        try await app.test(.router) { client in
            let json: HTTPFields = [.contentType: "application/json"]
            let invalid = try await client.execute(
                uri: "/books",
                method: .post,
                headers: json,
                body: ByteBuffer(string: Self.invalidBook)
            )
            let problem = try ProblemAssertion.problem(
                invalid,
                of: BookshelfProblemTypes.validationError,
                in: registry,
                pointers: ["#/title", "#/isbn", "#/year"]
            )
            #expect(problem.status == 422)
            _ = try await client.execute(uri: "/books", method: .post, headers: json, body: ByteBuffer(string: Self.book))
            let duplicate = try await client.execute(
                uri: "/books",
                method: .post,
                headers: json,
                body: ByteBuffer(string: Self.book)
            )
            try ProblemAssertion.problem(duplicate, of: BookshelfProblemTypes.conflict, in: registry)
            let boom = try await client.execute(uri: "/boom", method: .get)
            try ProblemAssertion.problem(boom, status: .internalServerError)
            try ProblemAssertion.noLeak(in: boom)
            let malformed = try await client.execute(uri: "/books/not-a-uuid", method: .get)
            #expect(throws: ProblemAssertionFailure.self) {
                try ProblemAssertion.problem(malformed, status: .notFound)
            }
        }
    }
    #endif
}
