#if Vapor
import ArticleCode
import Foundation
import HTTPTypes
import ProblemDetailsVapor
import Testing
import Vapor
import VaporTesting

// The code of GettingStarted.md, verbatim: `articleCodeIsInThisFile` fails when they drift apart.

extension ProblemType {
    static let outOfStock = ProblemType(
        slug: "out-of-stock",
        title: "The book is out of stock.",
        status: .conflict,
        localizedTitles: ["de": "Das Buch ist vergriffen."]
    )
}

func configure(_ app: Application) throws {
    let registry = try ProblemRegistry(baseURI: "https://api.example.com", types: [.outOfStock])
    app.useProblemDetails(registry)
    try routes(app)
}

func routes(_ app: Application) throws {
    app.get("books", ":id", "loan") { req -> String in
        throw Problem(.outOfStock, detail: "No copies are left.")
    }
    app.post("books") { req -> HTTPStatus in
        let book = try req.content.decodeStrictly(NewBook.self)
        _ = book
        return .created
    }
}

struct NewBook: Content, InputValidating {
    var title: String
    var year: Int

    func violations() -> [Violation] {
        year < 1450 ? [Violation(detail: "must be 1450 or later", pointer: ["year"])] : []
    }
}

@Suite struct GettingStartedTests {
    @Test func theArticlesAppWorks() async throws {
        try await withApp(configure: { try configure($0) }) { app in
            try await app.testing().test(.GET, "books/1/loan") { response in
                #expect(response.status == .conflict)
                #expect(response.body.string.contains("https://api.example.com/problems/out-of-stock"))
            }
            try await app.testing().test(.POST, "books", beforeRequest: { request in
                request.headers.contentType = .json
                request.body = ByteBuffer(string: #"{"title": 7, "colour": "red"}"#)
            }) { response in
                #expect(response.status == .unprocessableEntity)
                let problem = try ProblemJSONDecoder().decode(Array(response.body.readableBytesView)).problem
                #expect(Set(problem.errors.compactMap { $0.location?.pointer?.fragment }) == ["#/title", "#/year", "#/colour"])
            }
        }
    }

    @Test func articleCodeIsInThisFile() throws {
        let report = try ArticleCode.check("Sources/ProblemDetailsVapor/Documentation.docc/GettingStarted.md", against: #filePath)
        #expect(report.blockCount == 3)
        #expect(report.missingLines == [], "GettingStarted.md has code this test file does not run")
    }
}
#endif
