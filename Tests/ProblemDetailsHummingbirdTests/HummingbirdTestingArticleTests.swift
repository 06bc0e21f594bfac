#if Hummingbird
import ArticleCode
import Hummingbird
import HummingbirdTesting
import ProblemDetailsHummingbird
import ProblemDetailsHummingbirdTesting
import Testing

// The code of ProblemDetailsHummingbirdTesting's GettingStarted.md, verbatim, run against the app
// of this target's own GettingStarted.md; `articleCodeIsInThisFile` fails when they drift apart.

@Test func aBookWithNoCopiesLeftCannotBeLent() async throws {
    let registry = try ProblemRegistry(baseURI: "https://api.example.com", types: [.outOfStock])
    let app = Application(router: try buildRouter())
    try await app.test(.router) { client in
        let response = try await client.execute(uri: "/books/1/loan", method: .get)
        try ProblemAssertion.problem(response, of: .outOfStock, in: registry)
    }
}

@Test func anEarlyYearIsPointedAt() async throws {
    let app = Application(router: try buildRouter())
    try await app.test(.router) { client in
        let response = try await client.execute(
            uri: "/books",
            method: .post,
            headers: [.contentType: "application/json"],
            body: ByteBuffer(string: #"{"title": "Dune", "year": 1000}"#)
        )
        try ProblemAssertion.problem(response, status: .unprocessableContent, pointers: ["#/year"])
        try ProblemAssertion.noLeak(in: response)
    }
}

@Suite struct HummingbirdTestingArticleTests {
    @Test func aWrongExpectationFailsWithWhatWasSeen() async throws {
        let app = Application(router: try buildRouter())
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/books/1/loan", method: .get)
            let failure = #expect(throws: ProblemAssertionFailure.self) {
                try ProblemAssertion.problem(response, status: .notFound, pointers: ["#/year"])
            }
            #expect(failure?.mismatches.contains("status is 409, expected 404") == true)
            #expect(failure?.mismatches.contains { $0.hasPrefix("errors point at []") } == true)
        }
    }

    @Test func articleCodeIsInThisFile() throws {
        let report = try ArticleCode.check(
            "Sources/ProblemDetailsHummingbirdTesting/Documentation.docc/GettingStarted.md",
            against: #filePath
        )
        #expect(report.blockCount == 3)
        #expect(report.missingLines == [], "GettingStarted.md has code this test file does not run")
    }
}
#endif
