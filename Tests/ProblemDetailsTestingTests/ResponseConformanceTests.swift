import ArticleCode
import HTTPTypes
import ProblemDetails
import ProblemDetailsTesting
import Testing

@Suite struct ResponseConformanceTests {
    static let request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/books/x", headerFields: [.accept: "application/problem+json"])

    static func exchange(
        _ status: HTTPResponse.Status,
        _ body: String,
        contentType: String = "application/problem+json",
        fields: HTTPFields = [:],
        accept: String = "application/problem+json"
    ) -> Exchange {
        var headers = fields
        headers[.contentType] = contentType
        var request = Self.request
        request.headerFields[.accept] = accept
        return Exchange(request: request, response: HTTPResponse(status: status, headerFields: headers), body: Array(body.utf8))
    }

    static func outcome(_ id: String, _ exchange: Exchange) -> ConformanceCheck.Outcome? {
        ResponseConformance(exchange).checks.first { $0.id == id }?.outcome
    }

    @Test func aConformingProblemPassesEveryRule() {
        let checks = ResponseConformance(Self.exchange(.notFound, #"{"type":"about:blank","title":"Not Found","status":404}"#)).checks
        #expect(checks.filter { $0.outcome == .failed } == [])
        #expect(checks.count { $0.outcome == .passed } >= 7)
    }

    @Test func eachBrokenRuleFailsItsCheck() {
        #expect(Self.outcome("error-status", Self.exchange(.notAcceptable, "{}")) == .failed)
        #expect(Self.outcome("problem-content-type", Self.exchange(.notFound, "{}", contentType: "application/json")) == .failed)
        #expect(Self.outcome("problem-document", Self.exchange(.notFound, "[1]")) == .failed)
        #expect(Self.outcome("member-types", Self.exchange(.notFound, #"{"status":"404","title":7}"#)) == .failed)
        #expect(Self.outcome("status-member-matches", Self.exchange(.notFound, #"{"status":400}"#)) == .failed)
        #expect(Self.outcome("about-blank-title", Self.exchange(.notFound, #"{"title":"Oops"}"#)) == .failed)
        #expect(Self.outcome("type-uri", Self.exchange(.notFound, #"{"type":"problems/x"}"#)) == .failed)
        #expect(Self.outcome("retry-after", Self.exchange(.tooManyRequests, #"{"status":429}"#)) == .failed)
        #expect(
            Self.outcome("retry-after", Self.exchange(.tooManyRequests, #"{"retry_after":5}"#, fields: [.retryAfter: "6"]))
                == .failed
        )
        #expect(Self.outcome("no-leak", Self.exchange(.internalServerError, #"{"detail":"SQLITE_CONSTRAINT at /app/Sources/Db.swift:12"}"#)) == .failed)
    }

    @Test func whatTheRFCAllowsPasses() {
        // A translated about:blank title, said so with Content-Language.
        let german = Self.exchange(.notFound, #"{"title":"Nicht gefunden"}"#, fields: [.contentLanguage: "de"])
        #expect(Self.outcome("about-blank-title", german) == .passed)
        // HTML for a client that asks for it first.
        let html = Self.exchange(.notFound, "<h1>Not Found</h1>", contentType: "text/html", accept: "text/html,*/*;q=0.8")
        #expect(Self.outcome("problem-content-type", html) == .passed)
        #expect(Self.outcome("problem-content-type", Self.exchange(.notFound, "<h1/>", contentType: "text/html")) == .failed)
        let retry = Self.exchange(.serviceUnavailable, #"{"retry_after":120}"#, fields: [.retryAfter: "120"])
        #expect(Self.outcome("retry-after", retry) == .passed)
        #expect(Self.outcome("type-uri", Self.exchange(.conflict, #"{"type":"/problems/conflict"}"#)) == .passed)
    }

    @Test(arguments: [
        "Traceback (most recent call last):\n  File \"app.py\", line 3",
        "java.lang.NullPointerException\n\tat com.example.Db.query(Db.java:42)",
        "Fatal error: Index out of range",
        "DecodingError.keyNotFound",
        "SELECT * FROM books WHERE id = 3",
        "error in /home/deploy/app/Sources/App/routes.swift",
        "duplicate key value violates unique constraint",
    ])
    func leaksAreFound(text: String) {
        #expect(!LeakScan.findings(in: text).isEmpty, "\(text)")
    }

    @Test(arguments: [
        "The request body is not valid JSON.", "There is no book with the id 'x'.", "Internal Server Error",
        "Your current balance is 30, but that costs 50.", "Select a shelf, then update the title.",
        "The id must be a UUID, such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301.", "See /problems/validation-error.",
    ])
    func ordinaryTextIsQuiet(text: String) {
        #expect(LeakScan.findings(in: text) == [], "\(text)")
    }
}

// The code of GettingStarted.md, verbatim: `articleCodeIsInThisFile` fails when they drift apart.

@Suite struct GettingStartedTests {
    @Test func theArticlesChecksPassOnAConformingResponse() {
        let request = ResponseConformanceTests.request
        let response = HTTPResponse(status: .conflict, headerFields: [.contentType: "application/problem+json"])
        let body = Array(#"{"type":"https://api.example.com/problems/out-of-stock","title":"Out of stock","status":409}"#.utf8)
        let exchange = Exchange(request: request, response: response, body: body)
        let failures = ResponseConformance(exchange).checks.filter { $0.outcome == .failed }
        #expect(failures.isEmpty, "\(failures)")
        #expect(LeakScan.findings(in: String(decoding: body, as: UTF8.self)).isEmpty)
    }

    @Test func theArticlesAssertionPassesOnAValidationProblem() throws {
        let registry = try ProblemRegistry(baseURI: "https://api.example.com")
        let response = HTTPResponse(status: .unprocessableContent, headerFields: [.contentType: "application/problem+json"])
        let body = Array(##"{"type":"https://api.example.com/problems/validation-error","status":422,"errors":[{"detail":"is required","pointer":"#/title"}]}"##.utf8)
        try ProblemAssertion.problem(response, body: body, of: .validationError, in: registry, pointers: ["#/title"])
    }

    @Test func articleCodeIsInThisFile() throws {
        let report = try ArticleCode.check("Sources/ProblemDetailsTesting/Documentation.docc/GettingStarted.md", against: #filePath)
        #expect(report.blockCount == 3)
        #expect(report.missingLines == [], "GettingStarted.md has code this test file does not run")
    }
}

@Suite struct ProblemAssertionTests {
    static let validation = ##"{"type":"https://api.example.com/problems/validation-error","title":"Invalid","status":422,"errors":[{"detail":"is required","pointer":"#/title"},{"detail":"must be a number","parameter":"limit"}]}"##
    static let response = HTTPResponse(status: .unprocessableContent, headerFields: [.contentType: "application/problem+json"])

    @Test func passesAndReturnsTheProblemWhenEverythingMatches() throws {
        let problem = try ProblemAssertion.problem(
            Self.response, body: Array(Self.validation.utf8), status: .unprocessableContent,
            type: "https://api.example.com/problems/validation-error", pointers: ["#/title"], parameters: ["limit"]
        )
        #expect(problem.errors.count == 2)
        let registry = try ProblemRegistry(baseURI: "https://api.example.com")
        try ProblemAssertion.problem(Self.response, body: Array(Self.validation.utf8), of: .validationError, in: registry)
    }

    @Test func listsEveryMismatchAtOnce() {
        let failure = #expect(throws: ProblemAssertionFailure.self) {
            try ProblemAssertion.problem(
                Self.response, body: Array(Self.validation.utf8), status: .badRequest,
                type: "about:blank", pointers: ["#/year"], parameters: []
            )
        }
        #expect(failure?.mismatches.count == 4)
        #expect(failure?.description.contains("expected 400") == true)
    }

    @Test func holdsTheResponseToTheRFCRules() {
        let mismatch = HTTPResponse(status: .notFound, headerFields: [.contentType: "application/problem+json"])
        let failure = #expect(throws: ProblemAssertionFailure.self) {
            try ProblemAssertion.problem(mismatch, body: Array(#"{"status":500,"detail":"at Db.query(Db.java:4)"}"#.utf8))
        }
        let text = failure?.description ?? ""
        #expect(text.contains("status-member-matches"))
        #expect(text.contains("no-leak"))
        #expect(throws: ProblemAssertionFailure.self) {
            try ProblemAssertion.problem(HTTPResponse(status: .notFound), body: Array("nope".utf8))
        }
        #expect(throws: ProblemAssertionFailure.self) { try ProblemAssertion.noLeak(in: "SELECT * FROM users") }
        #expect(throws: Never.self) { try ProblemAssertion.noLeak(in: "There is no such book.") }
    }
}
