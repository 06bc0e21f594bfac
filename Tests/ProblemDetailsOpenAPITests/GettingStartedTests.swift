import ArticleCode
import Foundation
import HTTPTypes
import ProblemDetails
import ProblemDetailsOpenAPI
import Testing

#if Hummingbird && AsyncHTTPClient
import Hummingbird
import HummingbirdTesting
import OpenAPIAsyncHTTPClient
import OpenAPIHummingbird
import OpenAPIRuntime
#endif

// The code of GettingStarted.md, verbatim: `articleCodeIsInThisFile` fails when they drift apart.

extension ProblemType {
    static let outOfStock = ProblemType(slug: "out-of-stock", title: "The book is out of stock.", status: .conflict)
}

#if Hummingbird && AsyncHTTPClient
struct OutOfStockError: Decodable, Error {
    var detail: String?
}

/// The sections on generated servers and clients: `handler` is the generated `APIProtocol`.
func articleRoundTrip(handler: some APIProtocol, registry: ProblemRegistry) async throws -> String {
    let router = Router()
    try handler.registerHandlers(on: router, middlewares: [ProblemServerMiddleware(registry)])
    let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    return try await app.test(.live) { testClient in
        var printed = ""
        func print(_ text: String) { printed = text }
        let serverURL = URL(string: "http://127.0.0.1:\(try #require(testClient.port))")!
        var clientProblems = ClientProblemRegistry(registry)
        clientProblems.register(OutOfStockError.self, for: .outOfStock)
        let client = Client(serverURL: serverURL, transport: AsyncHTTPClientTransport(), middlewares: [ProblemClientMiddleware(clientProblems)])
        do {
            _ = try await client.getBook(path: .init(id: "sold-out"))
        } catch let error as ClientError {
            let outOfStock = error.underlyingError as? OutOfStockError
            print(outOfStock?.detail ?? error.problem?.detail ?? "")
        }
        return printed
    }
}

/// A handler whose books are all sold out.
struct SoldOut: APIProtocol {
    func createBook(_ input: Operations.createBook.Input) async throws -> Operations.createBook.Output {
        throw Problem(.outOfStock)
    }

    func getBook(_ input: Operations.getBook.Input) async throws -> Operations.getBook.Output {
        throw Problem(.outOfStock, detail: "No copies of \(input.path.id) are left.")
    }

    func search(_ input: Operations.search.Input) async throws -> Operations.search.Output {
        throw Problem(.outOfStock)
    }
}
#endif

@Suite struct GettingStartedTests {
    #if Hummingbird && AsyncHTTPClient
    @Test func generatedServerAndClientSpeakProblems() async throws {
        let registry = try ProblemRegistry(baseURI: "https://api.example.com", types: [.outOfStock])
        let printed = try await articleRoundTrip(handler: SoldOut(), registry: registry)
        #expect(printed == "No copies of sold-out are left.")
    }
    #endif

    @Test func theArticlesDocumentIsValidJSONWithTheReferencedResponses() throws {
        let registry = try ProblemRegistry(baseURI: "https://api.example.com", types: [.outOfStock])
        let problems = ProblemOpenAPI(registry: registry)
        var document: ExtensionValue.Object = ["openapi": "3.1.0", "info": ["title": "Books", "version": "1.0.0"]]
        document["components"] = .object(problems.components)

        let responses: ExtensionValue.Object = [
            "200": ["description": "The loan."],
            "409": problems.responseReference(for: .conflict),
            "422": problems.responseReference(for: .unprocessableContent),
        ]
        document["paths"] = ["/books/{id}/loan": ["post": ["responses": .object(responses)]]]
        let json = ProblemJSONEncoder().encode(.object(document))

        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        let components = try #require(parsed["components"] as? [String: Any])
        let conflict = try #require((components["responses"] as? [String: Any])?["Problem409"] as? [String: Any])
        let schema = (conflict["content"] as? [String: [String: Any]])?["application/problem+json"]?["schema"]
        let refs = ((schema as? [String: Any])?["anyOf"] as? [[String: String]])?.compactMap { $0["$ref"] }
        #expect(Set(refs ?? []) == ["#/components/schemas/ConflictProblem", "#/components/schemas/OutOfStockProblem"])
    }

    @Test func articleCodeIsInThisFile() throws {
        let report = try ArticleCode.check("Sources/ProblemDetailsOpenAPI/Documentation.docc/GettingStarted.md", against: #filePath)
        #expect(report.blockCount == 4)
        #expect(report.missingLines == [], "GettingStarted.md has code this test file does not run")
    }
}
