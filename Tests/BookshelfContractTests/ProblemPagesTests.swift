import BookshelfContract
import Foundation
import HTTPTypes
import ProblemDetails
import Testing

/// `/problems` and `/problems/{slug}`: the documentation the type URIs dereference to.
@Suite struct ProblemPagesTests {
    static let slugs = BookshelfProblemTypes.all.compactMap(\.slug)

    @Test(arguments: Demo.allCases) func theIndexListsEveryTypeTheAPIUses(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let response = try await shelf.send(.GET, "/problems")
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentType) == "text/html; charset=utf-8")
            let page = response.body.string
            #expect(Self.slugs.count == 12)
            for slug in Self.slugs {
                #expect(page.contains("href=\"/problems/\(slug)\""), "\(slug)")
            }
        }
    }

    @Test(arguments: Demo.allCases) func theIndexShowsGermanTitlesWhenAsked(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let page = try await shelf.send(.GET, "/problems", headers: ["Accept-Language": "de"]).body.string
            #expect(page.contains("Die Ressource existiert nicht."))
            #expect(page.contains("Zu viele Anfragen."))
        }
    }

    @Test(arguments: Demo.allCases, BookshelfProblemTypes.all)
    func eachTypeHasADocumentationPage(demo: Demo, type: ProblemType) async throws {
        try await Bookshelf.run(demo) { shelf in
            let slug = try #require(type.slug)
            let response = try await shelf.send(.GET, "/problems/\(slug)")
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentType) == "text/html; charset=utf-8")
            let page = response.body.string
            #expect(page.contains("\(Bookshelf.publicURL)/problems/\(slug)"))
            #expect(page.contains(String(type.status.code)))
            #expect(page.contains(HTMLEscaping.escaped(type.title)))
        }
    }

    @Test(arguments: Demo.allCases) func theConflictPageDocumentsConflictingID(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let page = try await shelf.send(.GET, "/problems/conflict").body.string
            #expect(page.contains("conflicting_id"))
        }
    }

    @Test(arguments: Demo.allCases) func typeURIsInProblemsDereferenceToTheirPages(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let paths = ["/books/nope", "/admin", "/maintenance", "/boom", "/books/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d"]
            for path in paths {
                let type = try #require(try JSON.object(try await shelf.send(.GET, path))["type"] as? String)
                #expect(type.hasPrefix(Bookshelf.publicURL + "/problems/"))
                let documentation = try await shelf.send(.GET, String(type.dropFirst(Bookshelf.publicURL.count)))
                #expect(documentation.status == .ok, "\(type)")
                #expect(documentation.body.string.contains(type))
            }
        }
    }

    @Test(arguments: Demo.allCases) func anUnknownSlugIsNotFound(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let response = try await shelf.send(.GET, "/problems/no-such-type")
            let body = try ProblemChecks.expectProblem(
                response,
                status: .notFound,
                slug: "resource-not-found",
                instance: "/problems/no-such-type"
            )
            #expect(body["resource_id"] as? String == "no-such-type")
        }
    }

    @Test(arguments: Demo.allCases) func problemPagesAnswerHead(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            // In memory Vapor keeps a success's body for HEAD; the server drops it on the wire.
            let response = try await shelf.sendLive(.HEAD, "/problems/timeout")
            #expect(response.status == .ok)
            #expect(response.body.readableBytes == 0)
        }
    }
}

/// The HTML escaping of the pages, to find titles such as "The request body's media type" in them.
enum HTMLEscaping {
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
