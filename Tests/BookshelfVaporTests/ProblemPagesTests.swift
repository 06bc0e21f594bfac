#if Vapor
import BookshelfContract
import Foundation
import HTTPTypes
import ProblemDetailsVapor
import Testing
import Vapor
import VaporTesting

/// `/problems` and `/problems/{slug}`: the documentation the type URIs dereference to.
@Suite struct ProblemPagesTests {
    static let slugs = BookshelfProblemTypes.all.compactMap(\.slug)

    @Test func theIndexListsEveryTypeTheAPIUses() async throws {
        try await Bookshelf.run { shelf in
            let response = try await shelf.send(.GET, "/problems")
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.type == "text")
            #expect(response.headers.contentType?.subType == "html")
            let page = response.body.string
            #expect(Self.slugs.count == 12)
            for slug in Self.slugs {
                #expect(page.contains("href=\"/problems/\(slug)\""), "\(slug)")
            }
        }
    }

    @Test func theIndexShowsGermanTitlesWhenAsked() async throws {
        try await Bookshelf.run { shelf in
            let page = try await shelf.send(.GET, "/problems", headers: ["Accept-Language": "de"]).body.string
            #expect(page.contains("Die Ressource existiert nicht."))
            #expect(page.contains("Zu viele Anfragen."))
        }
    }

    @Test(arguments: BookshelfProblemTypes.all)
    func eachTypeHasADocumentationPage(type: ProblemType) async throws {
        try await Bookshelf.run { shelf in
            let slug = try #require(type.slug)
            let response = try await shelf.send(.GET, "/problems/\(slug)")
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.subType == "html")
            let page = response.body.string
            #expect(page.contains("\(Bookshelf.publicURL)/problems/\(slug)"))
            #expect(page.contains(String(type.status.code)))
            #expect(page.contains(HTMLEscaping.escaped(type.title)))
        }
    }

    @Test func theConflictPageDocumentsConflictingID() async throws {
        try await Bookshelf.run { shelf in
            let page = try await shelf.send(.GET, "/problems/conflict").body.string
            #expect(page.contains("conflicting_id"))
        }
    }

    @Test func typeURIsInProblemsDereferenceToTheirPages() async throws {
        try await Bookshelf.run { shelf in
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

    @Test func anUnknownSlugIsNotFound() async throws {
        try await Bookshelf.run { shelf in
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

    @Test func problemPagesAnswerHead() async throws {
        try await Bookshelf.run { shelf in
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
#endif
