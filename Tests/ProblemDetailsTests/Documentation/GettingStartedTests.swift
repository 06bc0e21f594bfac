import ArticleCode
import Foundation
import HTTPTypes
import ProblemDetails
import Testing

// The code of GettingStarted.md, verbatim: `articleCodeIsInThisFile` fails when they drift apart.

extension ProblemType {
    static let outOfCredit = ProblemType(
        slug: "out-of-credit",
        title: "You do not have enough credit.",
        status: .forbidden,
        summary: "The account's balance does not cover the price of the request.",
        members: [.init(name: "balance", kind: .integer, summary: "The balance, in cents.")],
        localizedTitles: ["de": "Ihr Guthaben reicht nicht aus."]
    )
}

struct InsufficientBalance: ProblemConvertible {
    var balance: Int
    var price: Int

    var problem: Problem {
        Problem(
            .outOfCredit,
            detail: "Your current balance is \(balance), but that costs \(price).",
            extensions: ["balance": .integer(balance)]
        )
    }
}

@Suite struct GettingStartedTests {
    @Test func articleCodeRuns() throws {
        let registry = try ProblemRegistry(baseURI: "https://api.example.com", types: [.outOfCredit])

        let invalid = Problem.validationFailed([
            Violation(detail: "must be a positive integer", pointer: ["age"]),
            Violation(detail: "must be a UUID", parameter: "id"),
        ])
        #expect(invalid.errors.count == 2)

        let problem = registry.problem(for: InsufficientBalance(balance: 30, price: 50))
        let body: [UInt8] = ProblemJSONEncoder().encode(problem)
        #expect(
            String(decoding: body, as: UTF8.self)
                == #"{"type":"https://api.example.com/problems/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is 30, but that costs 50.","balance":30}"#
        )

        let renderer = ProblemRepresentations.standard.renderer(forAccept: "text/html")
        let language = AcceptLanguage(parsing: "de-CH, en;q=0.5").bestMatch(among: registry.languages)
        let page = try renderer.render(
            registry.localized(problem, language: language),
            in: RenderingContext(language: language ?? registry.defaultLanguage)
        )
        #expect(renderer.contentType.hasPrefix("text/html"))
        #expect(String(decoding: page, as: UTF8.self).contains("Ihr Guthaben reicht nicht aus."))

        let decoded = try ProblemJSONDecoder().decode(
            #"{"type": "/problems/out-of-credit", "status": "403", "balance": 30}"#,
            baseURI: "https://api.example.com/orders/7"
        )
        #expect(decoded.problem.type == "https://api.example.com/problems/out-of-credit")
        #expect(decoded.diagnostics.map(\.member) == ["status"])
    }

    @Test func readmeQuickStartRuns() throws {
        let registry = try ProblemRegistry(baseURI: "https://api.example.com", types: [.outOfCredit])
        let problem = registry.problem(for: Problem(.outOfCredit, extensions: ["balance": 30]))
        let body = ProblemJSONEncoder().encode(problem)
        #expect(
            String(decoding: body, as: UTF8.self)
                == #"{"type":"https://api.example.com/problems/out-of-credit","title":"You do not have enough credit.","status":403,"balance":30}"#
        )
        let decoded = try ProblemJSONDecoder().decode(body)
        #expect(decoded.problem == problem)
    }

    @Test func readmeClientExampleThrowsTheTypedError() throws {
        let response = HTTPResponse(status: .forbidden, headerFields: [.contentType: "application/problem+json"])
        let body = Array(#"{"type": "/problems/out-of-credit", "balance": 30, "accounts": []}"#.utf8)
        let url = "https://api.example.com/account/1"
        var problems = ClientProblemRegistry(baseURI: "https://api.example.com")
        problems.register(OutOfCredit.self, for: "/problems/out-of-credit")
        #expect(throws: OutOfCredit.self) {
            try problems.throwIfProblem(response, body: body, url: url)
        }
    }

    @Test(arguments: ["Sources/ProblemDetails/Documentation.docc/GettingStarted.md", "README.md"])
    func articleCodeIsInThisFile(document: String) throws {
        let report = try ArticleCode.check(document, against: #filePath)
        #expect(report.blockCount > 0)
        #expect(report.missingLines == [], "\(document) has code this test file does not run")
    }
}
