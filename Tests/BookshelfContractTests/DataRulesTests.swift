import Foundation
import Testing
import HTTPTypes

/// The contract's data rules: a failed request changes nothing, and a race for one ISBN has one
/// winner and no 500.
@Suite struct DataRulesTests {
    @Test(arguments: Demo.allCases) func aFailedPutChangesNothing(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let first = try await shelf.create(title: "First", isbn: Bookshelf.isbns[0], year: 1990, tags: ["a"])
            let second = try await shelf.create(title: "Second", isbn: Bookshelf.isbns[1], year: 1991, tags: ["b"])
            let before = try JSON.object(try await shelf.send(.GET, "/books/\(second)"))

            // 422: a valid title next to a bad year must not be half applied.
            let invalid = try await shelf.send(
                .PUT,
                "/books/\(second)",
                json: #"{"title": "Changed", "isbn": "\#(Bookshelf.isbns[1])", "year": 99999}"#
            )
            #expect(invalid.status == .unprocessableContent)
            // 409: another book's ISBN.
            let conflict = try await shelf.send(
                .PUT,
                "/books/\(second)",
                json: #"{"title": "Changed", "isbn": "\#(Bookshelf.isbns[0])", "year": 1991}"#
            )
            #expect(conflict.status == .conflict)
            // 400: malformed; 415: not JSON.
            #expect(try await shelf.send(.PUT, "/books/\(second)", json: #"{"title": "Changed""#).status == .badRequest)
            #expect(
                try await shelf.send(.PUT, "/books/\(second)", headers: ["Content-Type": "text/plain"], json: "x").status
                    == .unsupportedMediaType
            )

            let after = try JSON.object(try await shelf.send(.GET, "/books/\(second)"))
            #expect(NSDictionary(dictionary: after) == NSDictionary(dictionary: before))
            let untouched = try JSON.object(try await shelf.send(.GET, "/books/\(first)"))
            #expect(untouched["title"] as? String == "First")
            #expect(try JSON.array(try await shelf.send(.GET, "/books")).count == 2)
        }
    }

    @Test(arguments: Demo.allCases) func failedPostsLeaveNoRow(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            _ = try await shelf.create(isbn: Bookshelf.isbns[0])
            #expect(
                try await shelf.send(.POST, "/books", json: #"{"title": "T", "isbn": "\#(Bookshelf.isbns[0])", "year": 2000}"#)
                    .status == .conflict
            )
            #expect(
                try await shelf.send(.POST, "/books", json: #"{"title": "", "isbn": "\#(Bookshelf.isbns[1])", "year": 2000}"#)
                    .status == .unprocessableContent
            )
            #expect(try JSON.array(try await shelf.send(.GET, "/books")).count == 1)
        }
    }

    @Test(arguments: Demo.allCases) func fiftyConcurrentPostsOfOneISBNGiveOneCreatedAndFortyNineConflicts(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let responses = try await withThrowingTaskGroup(of: ShelfResponse.self) { group in
                for index in 0..<50 {
                    group.addTask {
                        try await shelf.send(
                            .POST,
                            "/books",
                            json: #"{"title": "Racer \#(index)", "isbn": "9780306406157", "year": 2000}"#
                        )
                    }
                }
                var responses: [ShelfResponse] = []
                for try await response in group { responses.append(response) }
                return responses
            }
            let created = responses.filter { $0.status == .created }
            let conflicts = responses.filter { $0.status == .conflict }
            #expect(created.count == 1)
            #expect(conflicts.count == 49)
            #expect(!responses.contains { $0.status == .internalServerError })
            let winner = try #require(try created.first.map { try JSON.object($0)["id"] as? String })
            for conflict in conflicts {
                let body = try ProblemChecks.expectProblem(conflict, status: .conflict, slug: "conflict", instance: "/books")
                #expect(body["conflicting_id"] as? String == winner)
            }
            let books = try #require(try JSON.array(try await shelf.send(.GET, "/books")) as? [[String: Any]])
            #expect(books.count == 1)
            #expect(books.first?["id"] as? String == winner)
        }
    }
}
