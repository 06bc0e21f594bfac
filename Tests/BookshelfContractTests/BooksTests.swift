import BookshelfContract
import Foundation
import Testing
import HTTPTypes
import ProblemDetailsTesting

/// `/books`: the resource's success paths and every problem its routes can answer with.
@Suite struct BooksTests {
    @Test(arguments: Demo.allCases) func listsNoBooksAtFirstAndThenTheBooksCreated(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let empty = try await shelf.send(.GET, "/books")
            #expect(empty.status == .ok)
            #expect(empty.headers.first(name: .contentType) == "application/json; charset=utf-8")
            #expect(try JSON.array(empty).isEmpty)

            let id = try await shelf.create(title: "Zen", isbn: Bookshelf.isbns[0])
            _ = try await shelf.create(title: "Algorithms", isbn: Bookshelf.isbns[1])
            let books = try #require(try JSON.array(try await shelf.send(.GET, "/books")) as? [[String: Any]])
            #expect(books.map { $0["title"] as? String } == ["Algorithms", "Zen"])
            #expect(books.last?["id"] as? String == id)
        }
    }

    @Test(arguments: Demo.allCases) func createsABookWithItsLocation(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let response = try await shelf.send(
                .POST,
                "/books",
                json: #"{"title": "  The Art of Computer Programming ", "isbn": "9780201633610", "year": 1968, "tags": ["classic", "algorithms"]}"#
            )
            #expect(response.status == .created)
            let book = try JSON.object(response)
            let id = try #require(book["id"] as? String)
            #expect(UUID(uuidString: id) != nil)
            #expect(id == id.lowercased())
            #expect(response.headers.first(name: .location) == "/books/\(id)")
            #expect(book["title"] as? String == "The Art of Computer Programming")
            #expect(book["isbn"] as? String == "9780201633610")
            #expect(book["year"] as? Int == 1968)
            #expect(book["tags"] as? [String] == ["classic", "algorithms"])
            #expect(response.headers.first(name: "X-Request-ID") != nil)

            let fetched = try await shelf.send(.GET, "/books/\(id)")
            #expect(fetched.status == .ok)
            #expect(NSDictionary(dictionary: try JSON.object(fetched)) == NSDictionary(dictionary: book))
        }
    }

    @Test(arguments: Demo.allCases) func tagsDefaultToNone(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let response = try await shelf.send(
                .POST,
                "/books",
                json: #"{"title": "Untagged", "isbn": "9780306406157", "year": 2001}"#
            )
            #expect(response.status == .created)
            #expect(try JSON.object(response)["tags"] as? [String] == [])
        }
    }

    @Test(arguments: Demo.allCases) func replacesABook(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let id = try await shelf.create(title: "Draft", isbn: Bookshelf.isbns[0], tags: ["old"])
            let response = try await shelf.send(
                .PUT,
                "/books/\(id)",
                json: #"{"title": "Final", "isbn": "\#(Bookshelf.isbns[1])", "year": 2020}"#
            )
            #expect(response.status == .ok)
            let book = try JSON.object(response)
            #expect(book["id"] as? String == id)
            #expect(book["title"] as? String == "Final")
            #expect(book["isbn"] as? String == Bookshelf.isbns[1])
            #expect(book["tags"] as? [String] == [])
            let fetched = try JSON.object(try await shelf.send(.GET, "/books/\(id)"))
            #expect(fetched["title"] as? String == "Final")
            #expect(fetched["tags"] as? [String] == [])
        }
    }

    @Test(arguments: Demo.allCases) func deletesABook(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let id = try await shelf.create(isbn: Bookshelf.isbns[0])
            let deleted = try await shelf.send(.DELETE, "/books/\(id)")
            #expect(deleted.status == .noContent)
            #expect(deleted.body.readableBytes == 0)
            try ProblemChecks.expectProblem(
                try await shelf.send(.GET, "/books/\(id)"),
                status: .notFound,
                slug: "resource-not-found",
                instance: "/books/\(id)"
            )
            try ProblemChecks.expectProblem(
                try await shelf.send(.DELETE, "/books/\(id)"),
                status: .notFound,
                slug: "resource-not-found",
                instance: "/books/\(id)"
            )
        }
    }

    @Test(arguments: Demo.allCases, [HTTPRequest.Method.GET, .PUT, .DELETE])
    func anIdThatIsNotAUUIDIsAnInvalidParameter(demo: Demo, method: HTTPRequest.Method) async throws {
        try await Bookshelf.run(demo) { shelf in
            let response = try await shelf.send(
                method,
                "/books/not-a-uuid",
                json: method == .PUT ? #"{"title": "T", "isbn": "9780306406157", "year": 2000}"# : nil
            )
            let body = try ProblemChecks.expectProblem(
                response,
                status: .badRequest,
                slug: "invalid-parameter",
                instance: "/books/not-a-uuid"
            )
            let errors = try ProblemChecks.errors(body)
            #expect(errors.count == 1)
            #expect(errors.first?["parameter"] == "id")
            #expect(errors.first?["detail"]?.isEmpty == false)
        }
    }

    @Test(arguments: Demo.allCases, [HTTPRequest.Method.GET, .PUT, .DELETE])
    func aMissingBookIsAResourceNotFound(demo: Demo, method: HTTPRequest.Method) async throws {
        try await Bookshelf.run(demo) { shelf in
            let id = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d"
            let response = try await shelf.send(
                method,
                "/books/\(id)",
                json: method == .PUT ? #"{"title": "T", "isbn": "9780306406157", "year": 2000}"# : nil
            )
            let body = try ProblemChecks.expectProblem(
                response,
                status: .notFound,
                slug: "resource-not-found",
                instance: "/books/\(id)"
            )
            #expect(body["resource"] as? String == "book")
            #expect(body["resource_id"] as? String == id)
            #expect((body["detail"] as? String)?.contains(id) == true)
        }
    }

    @Test(arguments: Demo.allCases) func aDuplicateISBNIsAConflictNamingTheBookThatHasIt(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let first = try await shelf.create(title: "First", isbn: Bookshelf.isbns[0])
            let response = try await shelf.send(
                .POST,
                "/books",
                json: #"{"title": "Second", "isbn": "\#(Bookshelf.isbns[0])", "year": 2000}"#
            )
            let body = try ProblemChecks.expectProblem(response, status: .conflict, slug: "conflict", instance: "/books")
            #expect(body["conflicting_id"] as? String == first)
            #expect(body["detail"] as? String != nil)
            for leak in ["UNIQUE", "constraint", "INSERT", "SQL", "books.isbn"] {
                #expect(!response.body.string.contains(leak))
            }
            #expect(try JSON.array(try await shelf.send(.GET, "/books")).count == 1)
        }
    }

    @Test(arguments: Demo.allCases) func replacingWithAnotherBooksISBNIsAConflict(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let first = try await shelf.create(title: "First", isbn: Bookshelf.isbns[0])
            let second = try await shelf.create(title: "Second", isbn: Bookshelf.isbns[1])
            let response = try await shelf.send(
                .PUT,
                "/books/\(second)",
                json: #"{"title": "Second", "isbn": "\#(Bookshelf.isbns[0])", "year": 2000}"#
            )
            let body = try ProblemChecks.expectProblem(
                response,
                status: .conflict,
                slug: "conflict",
                instance: "/books/\(second)"
            )
            #expect(body["conflicting_id"] as? String == first)
            // Keeping its own ISBN is no conflict.
            let same = try await shelf.send(
                .PUT,
                "/books/\(second)",
                json: #"{"title": "Renamed", "isbn": "\#(Bookshelf.isbns[1])", "year": 2000}"#
            )
            #expect(same.status == .ok)
        }
    }

    @Test(arguments: Demo.allCases) func malformedJSONIsAMalformedBodyNamingLineAndColumn(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let response = try await shelf.send(.POST, "/books", json: "{\n  \"title\": \"x\",\n  \"isbn\": }")
            let body = try ProblemChecks.expectProblem(
                response,
                status: .badRequest,
                slug: "malformed-body",
                instance: "/books"
            )
            let detail = try #require(body["detail"] as? String)
            #expect(detail.contains("line 3"))
            #expect(detail.contains("column"))
        }
    }

    @Test(arguments: Demo.allCases) func anEmptyJSONBodyIsAMalformedBody(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            for method in [HTTPRequest.Method.POST, .PUT] {
                let path = method == .POST ? "/books" : "/books/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d"
                let response = try await shelf.send(method, path, headers: ["Content-Type": "application/json"])
                let body = try ProblemChecks.expectProblem(
                    response,
                    status: .badRequest,
                    slug: "malformed-body",
                    instance: path
                )
                #expect((body["detail"] as? String)?.contains("empty") == true)
            }
        }
    }

    @Test(arguments: Demo.allCases) func aBodyThatIsNotAnObjectPointsAtTheRoot(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let body = try ProblemChecks.expectProblem(
                try await shelf.send(.POST, "/books", json: "[]"),
                status: .unprocessableContent,
                slug: "validation-error",
                instance: "/books"
            )
            #expect(try ProblemChecks.errors(body).compactMap { $0["pointer"] } == ["#"])
        }
    }

    @Test(arguments: Demo.allCases) func everyFailingMemberIsReportedAtOnce(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let response = try await shelf.send(
                .POST,
                "/books",
                json: #"""
                    {"title": "   ", "isbn": "9780306406158", "year": 1200,
                     "tags": ["fine", "", "1234567890123456789012345678901", "fine"], "author": "Knuth"}
                    """#
            )
            let body = try ProblemChecks.expectProblem(
                response,
                status: .unprocessableContent,
                slug: "validation-error",
                instance: "/books"
            )
            let errors = try ProblemChecks.errors(body)
            #expect(
                Set(errors.compactMap { $0["pointer"] })
                    == ["#/title", "#/isbn", "#/year", "#/tags/1", "#/tags/2", "#/author"]
            )
            #expect(errors.allSatisfy { $0["detail"]?.isEmpty == false })
            #expect(errors.count == 6)
            #expect(try JSON.array(try await shelf.send(.GET, "/books")).isEmpty)
        }
    }

    @Test(arguments: Demo.allCases) func wrongTypesMissingMembersAndTooManyTagsAreReportedAtOnce(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let tags = (1...11).map { "\"t\($0)\"" }.joined(separator: ",")
            let response = try await shelf.send(
                .POST,
                "/books",
                json: #"{"title": 42, "year": "1999", "tags": [\#(tags)]}"#
            )
            let body = try ProblemChecks.expectProblem(
                response,
                status: .unprocessableContent,
                slug: "validation-error",
                instance: "/books"
            )
            let errors = try ProblemChecks.errors(body)
            #expect(Set(errors.compactMap { $0["pointer"] }) == ["#/title", "#/isbn", "#/year", "#/tags"])
            // The same, as a user of ProblemDetailsTesting writes it, against the registry.
            let registry = try BookshelfRegistry.make(publicURL: Bookshelf.publicURL)
            try ProblemAssertion.problem(
                HTTPResponse(status: response.status, headerFields: response.headers.fields),
                body: response.body.bytes,
                of: BookshelfProblemTypes.validationError,
                in: registry,
                pointers: ["#/title", "#/isbn", "#/year", "#/tags"]
            )
            for leak in ["CodingKeys", "BookInput", "Swift.", "String.Type"] {
                #expect(!response.body.string.contains(leak))
            }
        }
    }

    @Test(arguments: Demo.allCases) func aTagOfTheWrongTypeIsPointedAtByIndex(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let response = try await shelf.send(
                .POST,
                "/books",
                json: #"{"title": "T", "isbn": "9780306406157", "year": 2000, "tags": ["a", "b", "c", 4]}"#
            )
            let body = try ProblemChecks.expectProblem(
                response,
                status: .unprocessableContent,
                slug: "validation-error",
                instance: "/books"
            )
            #expect(try ProblemChecks.errors(body).compactMap { $0["pointer"] } == ["#/tags/3"])
        }
    }

    @Test(arguments: Demo.allCases) func aYearInTheFutureIsRejectedAndThisYearAccepted(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let year = BookRules.currentYear()
            let future = try await shelf.send(
                .POST,
                "/books",
                json: #"{"title": "T", "isbn": "9780306406157", "year": \#(year + 1)}"#
            )
            let body = try ProblemChecks.expectProblem(
                future,
                status: .unprocessableContent,
                slug: "validation-error",
                instance: "/books"
            )
            #expect(try ProblemChecks.errors(body).compactMap { $0["pointer"] } == ["#/year"])
            _ = try await shelf.create(isbn: "9780306406157", year: year)
        }
    }

    @Test(arguments: Demo.allCases) func aBodyThatIsNotJSONIsAnUnsupportedMediaType(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let post = try await shelf.send(
                .POST,
                "/books",
                headers: ["Content-Type": "text/plain"],
                json: "title=Dune"
            )
            let body = try ProblemChecks.expectProblem(
                post,
                status: .unsupportedMediaType,
                slug: "unsupported-media-type",
                instance: "/books"
            )
            #expect(post.headers.first(name: "Accept-Post") == "application/json")
            #expect((body["detail"] as? String)?.contains("text/plain") == true)

            let id = try await shelf.create(isbn: Bookshelf.isbns[0])
            let put = try await shelf.send(
                .PUT,
                "/books/\(id)",
                headers: ["Content-Type": "application/x-www-form-urlencoded"],
                json: "title=Dune"
            )
            try ProblemChecks.expectProblem(
                put,
                status: .unsupportedMediaType,
                slug: "unsupported-media-type",
                instance: "/books/\(id)"
            )
            #expect(put.headers.first(name: "Accept-Post") == nil)
        }
    }

    @Test(arguments: Demo.allCases) func aBodyOverSixtyFourKiBIsContentTooLarge(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let title = String(repeating: "x", count: BookshelfPolicy.maximumBodySize)
            let response = try await shelf.sendLive(
                .POST,
                "/books",
                headers: ["Content-Type": "application/json"],
                body: #"{"title": "\#(title)", "isbn": "9780306406157", "year": 2000}"#
            )
            let body = try ProblemChecks.expectProblem(
                response,
                status: .contentTooLarge,
                slug: nil,
                instance: "/books"
            )
            #expect(body["title"] as? String == "Content Too Large")
            #expect(try JSON.array(try await shelf.send(.GET, "/books")).isEmpty)

            // Just under the limit is fine, as far as size goes.
            let small = try await shelf.sendLive(
                .POST,
                "/books",
                headers: ["Content-Type": "application/json"],
                body: #"{"title": "Small", "isbn": "9780306406157", "year": 2000}"#
            )
            #expect(small.status == .created)
        }
    }
}
