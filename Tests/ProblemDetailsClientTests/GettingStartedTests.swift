#if Hummingbird && AsyncHTTPClient
import ArticleCode
import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ProblemDetails
import ProblemDetailsClient
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

// The code of GettingStarted.md, verbatim: `articleCodeIsInThisFile` fails when they drift apart.

enum Article {
    struct OutOfCredit: Decodable, Error {
        var balance: Int
        var accounts: [String]
    }

    static func registry() -> ClientProblemRegistry {
        var problems = ClientProblemRegistry(baseURI: "https://api.example.com")
        problems.register(OutOfCredit.self, for: "/problems/out-of-credit")
        return problems
    }

    /// The URLSession section; returns what it printed.
    static func urlSession(_ request: URLRequest, problems: ClientProblemRegistry) async -> String {
        var printed = ""
        func print(_ items: Any...) { printed += items.map { "\($0)" }.joined(separator: " ") }
        do {
            let (body, _) = try await URLSession.shared.data(for: request, throwingProblems: problems)
            print(String(decoding: body, as: UTF8.self))
        } catch let credit as OutOfCredit {
            print("Balance: \(credit.balance)")
        } catch let problem as Problem {
            print(problem.status?.code ?? 0, problem.detail ?? "")
        } catch {
            print("other: \(error)")
        }
        return printed
    }

    /// The AsyncHTTPClient section.
    static func asyncHTTPClient(_ url: String, problems: ClientProblemRegistry) async throws -> ByteBuffer {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(30))
        try await response.throwIfProblem(using: problems)
        let book = try await response.body.collect(upTo: 1 << 20)
        return book
    }

    /// The retry section; returns the delay it waited.
    static func retry(_ problem: Problem) async throws -> Int? {
        if let retryAfter = problem.retryAfter {
            try await Task.sleep(for: .seconds(retryAfter.delay()))
            return retryAfter.delay()
        }
        return nil
    }
}

@Suite struct GettingStartedTests {
    static func application() -> some ApplicationProtocol {
        let router = Router()
        router.get("/credit") { _, _ in
            Response(
                status: .forbidden,
                headers: [.contentType: "application/problem+json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"type": "https://api.example.com/problems/out-of-credit", "balance": 30, "accounts": []}"#))
            )
        }
        router.get("/book") { _, _ in "Dune" }
        router.get("/gone") { _, _ -> String in throw HTTPError(.gone) }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    @Test func theArticlesCodeReadsProblemsOverBothTransports() async throws {
        try await Self.application().test(.live) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            let problems = Article.registry()
            func request(_ path: String) -> URLRequest { URLRequest(url: URL(string: base + path)!) }
            #expect(await Article.urlSession(request("/credit"), problems: problems) == "Balance: 30")
            #expect(await Article.urlSession(request("/book"), problems: problems) == "Dune")
            await #expect(throws: Article.OutOfCredit.self) {
                _ = try await Article.asyncHTTPClient(base + "/credit", problems: problems)
            }
            let book = try await Article.asyncHTTPClient(base + "/book", problems: problems)
            #expect(String(buffer: book) == "Dune")
        }
        #expect(try await Article.retry(Problem.rateLimitExceeded(retryAfter: 0)) == 0)
        #expect(try await Article.retry(Problem()) == nil)
    }

    @Test func articleCodeIsInThisFile() throws {
        let report = try ArticleCode.check("Sources/ProblemDetailsClient/Documentation.docc/GettingStarted.md", against: #filePath)
        #expect(report.blockCount == 4)
        #expect(report.missingLines == [], "GettingStarted.md has code this test file does not run")
    }
}
#endif
