#if Hummingbird
import ArticleCode
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ProblemDetailsHummingbird
import Testing

// The code of GettingStarted.md, verbatim: `articleCodeIsInThisFile` fails when they drift apart.

extension ProblemType {
    static let outOfStock = ProblemType(
        slug: "out-of-stock",
        title: "The book is out of stock.",
        status: .conflict,
        localizedTitles: ["de": "Das Buch ist vergriffen."]
    )
}

func buildRouter() throws -> Router<BasicProblemRequestContext> {
    let registry = try ProblemRegistry(baseURI: "https://api.example.com", types: [.outOfStock])
    let router = Router(context: BasicProblemRequestContext.self)
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: TracingMiddleware())
    router.addProblemDetails(registry)
    addRoutes(to: router)
    return router
}

func addRoutes(to router: Router<BasicProblemRequestContext>) {
    router.get("books/:id/loan") { request, context -> String in
        throw Problem(.outOfStock, detail: "No copies are left.")
    }
    router.post("books") { request, context -> HTTPResponse.Status in
        let book = try await request.decodeStrictly(as: NewBook.self, context: context)
        _ = book
        return .created
    }
}

struct NewBook: Decodable, InputValidating {
    var title: String
    var year: Int

    func violations() -> [Violation] {
        year < 1450 ? [Violation(detail: "must be 1450 or later", pointer: ["year"])] : []
    }
}

@Suite struct GettingStartedTests {
    @Test func theArticlesAppWorks() async throws {
        let app = Application(router: try buildRouter())
        let (loan, invalid) = try await app.test(.router) { client in
            (
                try await client.execute(uri: "/books/1/loan", method: .get),
                try await client.execute(
                    uri: "/books",
                    method: .post,
                    headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: #"{"title": 7, "colour": "red"}"#)
                )
            )
        }
        #expect(loan.status == .conflict)
        #expect(String(buffer: loan.body).contains("https://api.example.com/problems/out-of-stock"))
        #expect(invalid.status == .unprocessableContent)
        let problem = try ProblemJSONDecoder().decode(Array(invalid.body.readableBytesView)).problem
        #expect(Set(problem.errors.compactMap { $0.location?.pointer?.fragment }) == ["#/title", "#/year", "#/colour"])
    }

    @Test func articleCodeIsInThisFile() throws {
        let report = try ArticleCode.check("Sources/ProblemDetailsHummingbird/Documentation.docc/GettingStarted.md", against: #filePath)
        #expect(report.blockCount == 3)
        #expect(report.missingLines == [], "GettingStarted.md has code this test file does not run")
    }
}
#endif
