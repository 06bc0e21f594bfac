#if Vapor
import ArticleCode
import ProblemDetailsVapor
import ProblemDetailsVaporTesting
import Testing
import VaporTesting

// The code of ProblemDetailsVaporTesting's GettingStarted.md, verbatim, run against the app of this
// target's own GettingStarted.md; `articleCodeIsInThisFile` fails when they drift apart.

@Test func aBookWithNoCopiesLeftCannotBeLent() async throws {
    let registry = try ProblemRegistry(baseURI: "https://api.example.com", types: [.outOfStock])
    try await withApp(configure: configure) { app in
        try await app.testing().test(.GET, "books/1/loan") { response in
            try ProblemAssertion.problem(response, of: .outOfStock, in: registry)
        }
    }
}

@Test func anEarlyYearIsPointedAt() async throws {
    try await withApp(configure: configure) { app in
        try await app.testing().test(.POST, "books", beforeRequest: { request in
            try request.content.encode(NewBook(title: "Dune", year: 1000))
        }, afterResponse: { response in
            try ProblemAssertion.problem(response, status: .unprocessableEntity, pointers: ["#/year"])
            try ProblemAssertion.noLeak(in: response)
        })
    }
}

@Suite struct VaporTestingArticleTests {
    @Test func aWrongExpectationFailsWithWhatWasSeen() async throws {
        try await withApp(configure: configure) { app in
            try await app.testing().test(.GET, "books/1/loan") { response in
                let failure = #expect(throws: ProblemAssertionFailure.self) {
                    try ProblemAssertion.problem(response, status: .notFound, pointers: ["#/year"])
                }
                #expect(failure?.mismatches.contains("status is 409, expected 404") == true)
                #expect(failure?.mismatches.contains { $0.hasPrefix("errors point at []") } == true)
            }
        }
    }

    @Test func articleCodeIsInThisFile() throws {
        let report = try ArticleCode.check(
            "Sources/ProblemDetailsVaporTesting/Documentation.docc/GettingStarted.md",
            against: #filePath
        )
        #expect(report.blockCount == 3)
        #expect(report.missingLines == [], "GettingStarted.md has code this test file does not run")
    }
}
#endif
