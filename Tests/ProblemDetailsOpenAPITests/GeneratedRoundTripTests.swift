#if Hummingbird && AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InMemoryLogging
import Logging
import OpenAPIAsyncHTTPClient
import OpenAPIHummingbird
import OpenAPIRuntime
import ProblemDetails
import ProblemDetailsOpenAPI
import ProblemDetailsHummingbird
import ProblemDetailsServer
import Testing

/// The application's own error, declared once and thrown by the handler.
struct ISBNTaken: ProblemConvertible, Decodable, Equatable {
    static let type = ProblemType(
        slug: "isbn-taken",
        title: "A book with this ISBN exists.",
        status: .conflict,
        members: [.init(name: "isbn", kind: .string, summary: "The ISBN.")]
    )
    var isbn: String
    var problem: Problem { Problem(Self.type, detail: "The ISBN \(self.isbn) is taken.", extensions: ["isbn": .string(self.isbn)]) }
}

/// An error that is not a problem, whose description must reach neither the client nor, through
/// `ServerError`, the request's credentials the log.
struct StorageFailure: Error, CustomStringConvertible {
    var description: String { "SQLITE_CORRUPT at /var/db/shelf.sqlite (SECRET-91b2)" }
}

struct StorageKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// The handler behind the generated server.
struct Shelf: APIProtocol {
    func createBook(_ input: Operations.createBook.Input) async throws -> Operations.createBook.Output {
        guard case .json(let book) = input.body else { throw Problem(status: .unsupportedMediaType) }
        if book.isbn == "978-0" { throw ISBNTaken(isbn: book.isbn) }
        return .created(.init(body: .json(book)))
    }

    func getBook(_ input: Operations.getBook.Input) async throws -> Operations.getBook.Output {
        switch input.path.id {
        case "crash": throw StorageFailure()
        case "busy": throw Problem.rateLimitExceeded(retryAfter: 7)
        case "gone": throw Problem.notFound(resource: "book", id: "gone")
        case "decode":
            // The handler's own decoding (of a stored record, say) failing is not the client's fault.
            throw DecodingError.keyNotFound(
                StorageKey(stringValue: "isbn"),
                .init(codingPath: [], debugDescription: "stored record lacks isbn (SECRET-91b2)")
            )
        case "upstream":
            // A generated client's error escaping a handler describes the request it sent.
            var upstream = HTTPRequest(method: .get, scheme: "https", authority: "upstream.example", path: "/stock")
            upstream.headerFields[.authorization] = "Bearer UPSTREAM-TOKEN-77aa"
            throw ClientError(
                operationID: "getStock",
                operationInput: "input",
                request: upstream,
                requestBody: nil,
                baseURL: nil,
                response: nil,
                responseBody: nil,
                causeDescription: "Transport threw an error.",
                underlyingError: StorageFailure()
            )
        default: return .ok(.init(body: .json(.init(isbn: "978-1", title: "Dune", year: 1965))))
        }
    }

    func search(_ input: Operations.search.Input) async throws -> Operations.search.Output {
        .ok(.init(body: .json([])))
    }
}

@Suite struct GeneratedRoundTripTests {
    static func registry() throws -> ProblemRegistry {
        try ProblemRegistry(baseURI: "https://shelf.example", types: [ISBNTaken.type])
    }

    static func application(logs: InMemoryLogHandler) throws -> some ApplicationProtocol {
        let router = Router()
        let logger = Logger(label: "shelf") { _ in logs }
        try Shelf().registerHandlers(on: router, middlewares: [ProblemServerMiddleware(try Self.registry(), logger: logger)])
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    /// Runs the generated server on a real port and hands the test a generated client for it.
    static func withServer(
        logs: InMemoryLogHandler = InMemoryLogHandler(),
        _ body: @Sendable (Client, any TestClientProtocol) async throws -> Void
    ) async throws {
        try await Self.application(logs: logs).test(.live) { testClient in
            let port = try #require(testClient.port)
            var problems = ClientProblemRegistry(try Self.registry())
            problems.register(ISBNTaken.self, for: ISBNTaken.type)
            let client = Client(
                serverURL: URL(string: "http://127.0.0.1:\(port)")!,
                transport: AsyncHTTPClientTransport(),
                middlewares: [ProblemClientMiddleware(problems)]
            )
            try await body(client, testClient)
        }
    }

    static func problem(_ response: TestResponse) throws -> Problem {
        try ProblemJSONDecoder().decode(Array(response.body.readableBytesView)).problem
    }

    // MARK: The generated client

    @Test func successesPassThroughTheClientMiddleware() async throws {
        try await Self.withServer { client, _ in
            let book = try await client.getBook(path: .init(id: "1")).ok.body.json
            #expect(book.title == "Dune")
            let created = try await client.createBook(body: .json(.init(isbn: "978-2", title: "Emma", year: 1815)))
            #expect(try created.created.body.json.title == "Emma")
        }
    }

    @Test func aRegisteredProblemIsThrownAsTheApplicationsType() async throws {
        try await Self.withServer { client, _ in
            // 409 is documented in openapi.yaml: the middleware throws it all the same, typed.
            let error = await #expect(throws: ClientError.self) {
                _ = try await client.createBook(body: .json(.init(isbn: "978-0", title: "Taken", year: 2000)))
            }
            #expect(error?.underlyingError as? ISBNTaken == ISBNTaken(isbn: "978-0"))
            #expect(error?.problem == nil)
        }
    }

    @Test func anUndocumentedProblemIsThrownAsTheGenericProblem() async throws {
        try await Self.withServer { client, _ in
            let error = await #expect(throws: ClientError.self) {
                _ = try await client.getBook(path: .init(id: "gone"))
            }
            let problem = try #require(error?.problem)
            #expect(problem.status == .notFound)
            #expect(problem.type == "https://shelf.example/problems/resource-not-found")
            #expect(problem.detail == "There is no book with the id 'gone'.")
            #expect(problem.requestID != nil)

            let busy = await #expect(throws: ClientError.self) {
                _ = try await client.getBook(path: .init(id: "busy"))
            }
            #expect(busy?.problem?.retryAfter == 7)
            #expect(busy?.problem?.retryAfter?.delay() == 7)
        }
    }

    @Test func aCrashIsASafe500ForTheClient() async throws {
        try await Self.withServer { client, _ in
            let error = await #expect(throws: ClientError.self) {
                _ = try await client.getBook(path: .init(id: "crash"))
            }
            let problem = try #require(error?.problem)
            #expect(problem.status == .internalServerError)
            #expect(problem.type == "https://shelf.example/problems/internal-error")
            #expect(!(problem.detail ?? "").contains("SECRET"))
        }
    }

    // MARK: The generated server, over raw HTTP

    @Test func handlerErrorsAreUnwrappedFromServerError() async throws {
        try await Self.withServer { _, http in
            let response = try await http.execute(
                uri: "/books", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"isbn": "978-0", "title": "Taken", "year": 2000}"#)
            )
            #expect(response.status == .conflict)
            #expect(response.headers[.contentType] == "application/problem+json")
            let problem = try Self.problem(response)
            #expect(problem.type == "https://shelf.example/problems/isbn-taken")
            #expect(problem.extensions["isbn"] == "978-0")
            #expect(problem.requestID == response.headers[RequestIdentity.requestIDField])
        }
    }

    /// Behind the Hummingbird integration, which echoes its own generated ID on every response,
    /// the problem must carry that ID, not one the OpenAPI middleware generates for itself.
    @Test func behindTheIntegrationTheProblemCarriesTheIDTheResponseEchoes() async throws {
        let logs = InMemoryLogHandler()
        let router = Router(context: BasicProblemRequestContext.self)
        router.addProblemDetails(try Self.registry())
        let logger = Logger(label: "shelf") { _ in logs }
        try Shelf().registerHandlers(on: router, middlewares: [ProblemServerMiddleware(try Self.registry(), logger: logger)])
        try await Application(router: router).test(.router) { client in
            for (uri, status) in [("/books/crash", HTTPResponse.Status.internalServerError), ("/books/gone", .notFound)] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == status)
                let echoed = try #require(response.headers[RequestIdentity.requestIDField])
                #expect(try Self.problem(response).requestID == echoed, "\(uri)")
            }
            let echoed = try await client.execute(uri: "/books/crash", method: .get).headers[RequestIdentity.requestIDField]
            #expect(logs.entries.last?.metadata["request_id"]?.description == echoed)
        }
    }

    @Test func aBodyThatDoesNotMatchTheSchemaIsA422WithAPointer() async throws {
        try await Self.withServer { _, http in
            let response = try await http.execute(
                uri: "/books", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"isbn": "978-3", "title": "Emma", "year": "eighteen-fifteen"}"#)
            )
            #expect(response.status == .unprocessableContent)
            let problem = try Self.problem(response)
            #expect(problem.type == "https://shelf.example/problems/validation-error")
            #expect(problem.errors.map(\.location?.pointer?.description) == ["/year"])

            let missing = try await http.execute(
                uri: "/books", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"isbn": "978-3", "year": 1815}"#)
            )
            #expect(missing.status == .unprocessableContent)
            #expect(try Self.problem(missing).errors.map(\.location?.pointer?.description) == ["/title"])
        }
    }

    @Test func aBodyThatIsNotJSONIsAMalformedBody() async throws {
        try await Self.withServer { _, http in
            let response = try await http.execute(
                uri: "/books", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"isbn": "#)
            )
            #expect(response.status == .badRequest)
            #expect(try Self.problem(response).type == "https://shelf.example/problems/malformed-body")
        }
    }

    @Test func theRuntimesOwnClientErrorsKeepTheirStatus() async throws {
        try await Self.withServer { _, http in
            let missingQuery = try await http.execute(uri: "/search", method: .get)
            #expect(missingQuery.status == .badRequest)
            #expect(missingQuery.headers[.contentType] == "application/problem+json")
            #expect(try Self.problem(missingQuery).detail?.contains("q") == true)

            let wrongType = try await http.execute(
                uri: "/books", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "Emma")
            )
            #expect(wrongType.status == .unsupportedMediaType)
            let problem = try Self.problem(wrongType)
            #expect(problem.type == "https://shelf.example/problems/unsupported-media-type")
            #expect(wrongType.headers[HTTPField.Name("Accept-Post")!] == "application/json")
        }
    }

    @Test func aMalformedParameterIsAnInvalidParameterNotABodyPointer() async throws {
        try await Self.withServer { _, http in
            let response = try await http.execute(uri: "/search?q=dune&limit=many", method: .get)
            #expect(response.status == .badRequest)
            let problem = try Self.problem(response)
            #expect(problem.type == "https://shelf.example/problems/invalid-parameter")
            #expect(problem.detail == "A parameter of the request is not valid: it must be an integer.")
        }
    }

    @Test func aHandlersOwnDecodingFailureIsA500NotTheClientsFault() async throws {
        let logs = InMemoryLogHandler()
        try await Self.withServer(logs: logs) { _, http in
            let response = try await http.execute(uri: "/books/decode", method: .get)
            #expect(response.status == .internalServerError)
            let text = String(buffer: response.body)
            #expect(!text.contains("isbn"))
            #expect(!text.contains("SECRET"))
        }
        #expect(logs.entries.contains { $0.level == .error && "\($0.metadata)".contains("SECRET-91b2") })
    }

    @Test func anUpstreamClientErrorIsLoggedWithoutItsRequestsCredentials() async throws {
        let logs = InMemoryLogHandler()
        try await Self.withServer(logs: logs) { _, http in
            let response = try await http.execute(uri: "/books/upstream", method: .get)
            #expect(response.status == .internalServerError)
            #expect(!String(buffer: response.body).contains("UPSTREAM"))
        }
        let entry = try #require(logs.entries.first { $0.level == .error })
        let everything = "\(entry.message) \(entry.metadata)"
        #expect(everything.contains("getStock"))
        #expect(everything.contains("SECRET-91b2"))
        #expect(!everything.contains("UPSTREAM-TOKEN-77aa"))
    }

    @Test func unknownErrorsLeakNeitherTheErrorNorTheRequestsCredentials() async throws {
        let logs = InMemoryLogHandler()
        try await Self.withServer(logs: logs) { _, http in
            for accept in ["application/problem+json", "application/problem+xml", "text/html"] {
                let response = try await http.execute(
                    uri: "/books/crash", method: .get,
                    headers: [.accept: accept, .authorization: "Bearer TOKEN-5c1d", RequestIdentity.requestIDField: "req-\(accept.count)"]
                )
                #expect(response.status == .internalServerError)
                let text = String(buffer: response.body)
                #expect(!text.contains("SECRET"))
                #expect(!text.contains("sqlite"))
                #expect(!text.contains("TOKEN"))
                #expect(!text.contains("StorageFailure"))
            }
        }
        let errors = logs.entries.filter { $0.level == .error }
        #expect(errors.count == 3)
        for entry in errors {
            #expect(entry.metadata["error"]?.description.contains("SECRET-91b2") == true)
            #expect(entry.metadata["operation_id"]?.description == "getBook")
            #expect(entry.metadata["request_id"]?.description.hasPrefix("req-") == true)
            let everything = "\(entry.message) \(entry.metadata)"
            #expect(!everything.contains("TOKEN-5c1d"))
        }
    }
}
#endif
