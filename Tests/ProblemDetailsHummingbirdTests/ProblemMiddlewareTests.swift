#if Hummingbird
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InMemoryLogging
import Logging
import ProblemDetails
import ProblemDetailsHummingbird
import Testing

/// The integration against a real Hummingbird application: every kind of error becomes a problem.
@Suite struct ProblemMiddlewareTests {
    struct Secret: Error, CustomStringConvertible {
        var description: String { "SECRET-7f3a: INSERT INTO books failed at /srv/app/Sources/App/db.swift:42" }
    }

    struct BookInput: Decodable, InputValidating {
        var title: String
        var year: Int
        var tags: [String]?

        func violations() -> [Violation] {
            year < 1450 ? [Violation(detail: "must be 1450 or later", pointer: ["year"])] : []
        }
    }

    /// An `HTTPResponseError` that is not Hummingbird's `HTTPError`, as an authentication library
    /// would throw.
    struct ChallengeError: HTTPResponseError {
        var status: HTTPResponse.Status { .unauthorized }

        func response(from request: Request, context: some RequestContext) throws -> Response {
            Response(status: .unauthorized, headers: [.wwwAuthenticate: "Bearer realm=\"test\"", .contentType: "text/plain"])
        }
    }

    /// A response error that also says which problem it is, as an application's own error type
    /// might.
    struct ConvertibleChallengeError: HTTPResponseError, ProblemConvertible {
        var status: HTTPResponse.Status { .unauthorized }
        var problem: Problem { Problem(ProblemMiddlewareTests.outOfStock, detail: "Its own problem.") }

        func response(from request: Request, context: some RequestContext) throws -> Response {
            Response(status: .unauthorized)
        }
    }

    struct SmallContext: RequestContext {
        var coreContext: CoreRequestContextStorage
        var requestDecoder: ProblemRequestDecoder { ProblemRequestDecoder() }
        var maxUploadSize: Int { 1024 }

        init(source: ApplicationRequestContextSource) {
            self.coreContext = .init(source: source)
        }
    }

    static let outOfStock = ProblemType(
        slug: "out-of-stock",
        title: "The book is out of stock.",
        status: .conflict,
        localizedTitles: ["de": "Das Buch ist vergriffen."]
    )

    static func application(logs: InMemoryLogHandler = InMemoryLogHandler(), debug: Bool = false) throws
        -> some ApplicationProtocol
    {
        let registry = try ProblemRegistry(baseURI: "https://api.example.com", types: [Self.outOfStock])
        let router = Router(context: SmallContext.self, options: .autoGenerateHeadEndpoints)
        router.addProblemDetails(registry, includingDebugInformation: debug)
        router.get("ok") { _, _ in "fine" }
        router.get("id") { _, context in context.id }
        router.get("query") { request, context -> String in
            struct Page: Decodable { var limit: Int }
            return String(try request.uri.decodeQuery(as: Page.self, context: context).limit)
        }
        router.get("items/:id") { _, context -> String in String(try context.parameters.require("id", as: Int.self)) }
        router.get("current-identity") { _, _ in RequestIdentity.current?.requestID.value ?? "none" }
        router.get("current-logger-id") { _, _ in Logger.current[metadataKey: "hb.request.id"]?.description ?? "none" }
        router.get("problem") { _, _ -> String in throw Problem(Self.outOfStock, detail: "None left.") }
        router.get("boom") { _, _ -> String in throw Secret() }
        router.get("http-error") { _, _ -> String in throw HTTPError(.badRequest, message: "The id is not a UUID.") }
        router.get("http-error-server") { _, _ -> String in
            throw HTTPError(.badGateway, message: "upstream 10.0.0.3 refused")
        }
        router.get("unauthorized") { _, _ -> String in throw ChallengeError() }
        router.get("convertible-challenge") { _, _ -> String in throw ConvertibleChallengeError() }
        router.get("limited") { _, _ -> String in throw Problem.rateLimitExceeded(retryAfter: 30) }
        router.post("books") { request, context -> String in
            try await request.decodeStrictly(as: BookInput.self, context: context).title
        }
        router.post("lenient") { request, context -> String in
            try await request.decode(as: BookInput.self, context: context).title
        }
        router.get("books/:id") { _, _ in "a book" }
        router.delete("books/:id") { _, _ in HTTPResponse.Status.noContent }
        router.get("files/**") { _, _ in "a file" }
        var logger = Logger(label: "test") { _ in logs }
        logger.logLevel = .debug
        return Application(router: router, logger: logger)
    }

    func send(
        _ method: HTTPRequest.Method,
        _ path: String,
        headers: HTTPFields = [:],
        body: String? = nil,
        logs: InMemoryLogHandler = InMemoryLogHandler(),
        debug: Bool = false
    ) async throws -> TestResponse {
        let app = try Self.application(logs: logs, debug: debug)
        return try await app.test(.router) { client in
            try await client.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        }
    }

    /// The body read as a problem; a body that is not one gives a problem no expectation matches.
    func problem(_ response: TestResponse) -> Problem {
        (try? ProblemJSONDecoder().decode(Array(response.body.readableBytesView)).problem)
            ?? Problem(type: "urn:test:not-a-problem-document", title: String(buffer: response.body))
    }

    static let json: HTTPFields = [.contentType: "application/json"]

    @Test func successesPassThroughWithTheRequestID() async throws {
        let response = try await send(.get, "/ok", headers: [RequestIdentity.requestIDField: "abc-123"])
        #expect(response.status == .ok)
        #expect(String(buffer: response.body) == "fine")
        #expect(response.headers[RequestIdentity.requestIDField] == "abc-123")
    }

    @Test func hummingbirdsRequestIDIsTheEchoedOneAndUnguessable() async throws {
        let app = try Self.application()
        let (first, second) = try await app.test(.router) { client in
            (try await client.execute(uri: "/id", method: .get), try await client.execute(uri: "/id", method: .get))
        }
        let echoed = try #require(first.headers[RequestIdentity.requestIDField])
        // `context.id` reads Hummingbird's logger metadata, which now holds the echoed ID.
        #expect(String(buffer: first.body) == echoed)
        #expect(RequestID(validating: echoed) != nil)
        // Not Hummingbird's prefix-and-counter: consecutive requests share no long prefix.
        let next = try #require(second.headers[RequestIdentity.requestIDField])
        #expect(echoed.commonPrefix(with: next).count < 16)
        let given = try await send(.get, "/id", headers: [RequestIdentity.requestIDField: "given-7"])
        #expect(String(buffer: given.body) == "given-7")
    }

    @Test(arguments: ["/current-logger-id", "/current-identity"])
    func theTaskLocalLoggerAndIdentityCarryTheEchoedRequestID(path: String) async throws {
        let response = try await send(.get, path)
        let echoed = try #require(response.headers[RequestIdentity.requestIDField])
        #expect(String(buffer: response.body) == echoed)
        let given = try await send(.get, path, headers: [RequestIdentity.requestIDField: "given-8"])
        #expect(String(buffer: given.body) == "given-8")
    }

    /// Hummingbird's own 400s for a query or path parameter that does not decode name the Swift
    /// type expected; the problem keeps the key and drops the type.
    @Test(arguments: [
        // Hummingbird's wording, keys and all: a top-level key's path is empty, and the
        // parameter is named by its value.
        ("/query?limit=ten", "Type mismatch for `` key."),
        ("/items/ten", "Parameter 'ten' can not be converted to the expected type."),
    ])
    func frameworkDecodingReasonsNameNoSwiftType(path: String, detail: String) async throws {
        let response = try await send(.get, path)
        #expect(response.status == .badRequest)
        #expect(problem(response).detail == detail)
        #expect(!String(buffer: response.body).contains("Int"))
    }

    @Test func thrownProblemsAreAnsweredAsProblems() async throws {
        let response = try await send(.get, "/problem")
        #expect(response.status == .conflict)
        #expect(response.headers[.contentType] == "application/problem+json")
        #expect(response.headers[.vary] == "Accept, Accept-Language")
        #expect(response.headers[.contentLanguage] == "en")
        let problem = problem(response)
        #expect(problem.type == "https://api.example.com/problems/out-of-stock")
        #expect(problem.detail == "None left.")
        #expect(problem.instance == "/problem")
        #expect(problem.requestID == response.headers[RequestIdentity.requestIDField])
    }

    @Test func unknownErrorsAre500sThatLeakNothingInAnyFormatAndAreLoggedAtError() async throws {
        for accept in ["application/problem+json", "application/problem+xml", "text/html", "*/*"] {
            let logs = InMemoryLogHandler()
            let response = try await send(.get, "/boom", headers: [.accept: accept], logs: logs)
            #expect(response.status == .internalServerError)
            let text = String(buffer: response.body)
            #expect(!text.contains("SECRET"), "\(accept)")
            #expect(!text.contains("db.swift"), "\(accept)")
            #expect(!text.contains("Secret"), "\(accept)")
            let requestID = try #require(response.headers[RequestIdentity.requestIDField])
            let entry = try #require(logs.entries.first { $0.level == .error })
            #expect(entry.metadata["hb.request.id"]?.description == requestID)
            #expect(entry.metadata["error"]?.description.contains("SECRET-7f3a") == true)
        }
    }

    @Test func debugInformationIsOptIn() async throws {
        let plain = try await send(.get, "/boom")
        #expect(problem(plain).extensions["debug"] == nil)
        let debug = try await send(.get, "/boom", debug: true)
        #expect(String(buffer: debug.body).contains("SECRET-7f3a"))
    }

    @Test func httpErrorsKeepStatusAndTheMessageOfClientErrorsOnly() async throws {
        let client = try await send(.get, "/http-error")
        #expect(client.status == .badRequest)
        #expect(problem(client).type == "about:blank")
        #expect(problem(client).title == "Bad Request")
        #expect(problem(client).detail == "The id is not a UUID.")
        let server = try await send(.get, "/http-error-server")
        #expect(server.status == .badGateway)
        #expect(problem(server).detail == nil)
        #expect(!String(buffer: server.body).contains("10.0.0.3"))
    }

    @Test func otherResponseErrorsKeepTheirStatusAndHeaders() async throws {
        let response = try await send(.get, "/unauthorized")
        #expect(response.status == .unauthorized)
        #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"test\"")
        #expect(response.headers[.contentType] == "application/problem+json")
        #expect(problem(response).type == "https://api.example.com/problems/unauthorized")
    }

    @Test func aResponseErrorThatIsProblemConvertibleIsAnsweredWithItsOwnProblem() async throws {
        let response = try await send(.get, "/convertible-challenge")
        #expect(response.status == .conflict)
        #expect(problem(response).type == "https://api.example.com/problems/out-of-stock")
        #expect(problem(response).detail == "Its own problem.")
    }

    @Test func retryAfterHeaderAndMemberAgree() async throws {
        let response = try await send(.get, "/limited")
        #expect(response.status == .tooManyRequests)
        #expect(response.headers[.retryAfter] == "30")
        #expect(problem(response).extensions["retry_after"] == .integer(30))
    }

    @Test func unknownRoutesAreAboutBlank404sLoggedAtDebug() async throws {
        let logs = InMemoryLogHandler()
        let response = try await send(.get, "/nowhere?x=1", logs: logs)
        #expect(response.status == .notFound)
        #expect(problem(response).type == "about:blank")
        #expect(problem(response).title == "Not Found")
        #expect(problem(response).instance == "/nowhere")
        #expect(logs.entries.contains { $0.level == .debug && $0.message.description.contains("404") })
        #expect(!logs.entries.contains { $0.level >= .info && $0.message.description.contains("404") })
    }

    @Test func aKnownPathWithTheWrongMethodIs405WithAllow() async throws {
        let response = try await send(.put, "/books/42")
        #expect(response.status == .methodNotAllowed)
        // The router generates HEAD for GET routes, and the table reads the routes it built; the
        // methods come in the canonical order, whatever order Hummingbird lists them in.
        #expect(response.headers[.allow] == "GET, HEAD, DELETE")
        #expect(problem(response).type == "about:blank")
        #expect(problem(response).title == "Method Not Allowed")
        let wildcard = try await send(.post, "/files/a/b")
        #expect(wildcard.status == .methodNotAllowed)
        #expect(wildcard.headers[.allow] == "GET, HEAD")
        let deeper = try await send(.get, "/books/42/pages")
        #expect(deeper.status == .notFound)
    }

    @Test func headGetsHeadersWithoutABody() async throws {
        let response = try await send(.head, "/problem")
        #expect(response.status == .conflict)
        #expect(response.headers[.contentType] == "application/problem+json")
        #expect(response.body.readableBytes == 0)
        // GET's length, not the empty body's (RFC 9110 §8.6).
        let get = try await send(.get, "/problem")
        #expect(response.headers[values: .contentLength] == [String(get.body.readableBytes)])
        #expect(get.body.readableBytes > 0)
    }

    @Test func strictDecodingReportsEveryFailureAtOnce() async throws {
        let response = try await send(
            .post,
            "/books",
            headers: Self.json,
            body: #"{"title": 5, "colour": "red", "tags": ["a", 7]}"#
        )
        #expect(response.status == .unprocessableContent)
        let problem = problem(response)
        #expect(problem.type == "https://api.example.com/problems/validation-error")
        let pointers = Set(problem.errors.compactMap(\.location?.pointer?.fragment))
        #expect(pointers == ["#/title", "#/year", "#/colour", "#/tags/1"])
    }

    @Test func strictDecodingAddsTheTypesOwnValidations() async throws {
        let response = try await send(.post, "/books", headers: Self.json, body: #"{"title": "T", "year": 1200}"#)
        #expect(response.status == .unprocessableContent)
        #expect(problem(response).errors.compactMap(\.location?.pointer?.fragment) == ["#/year"])
    }

    @Test func malformedJSONIs400NamingLineAndColumn() async throws {
        for path in ["/books", "/lenient"] {
            let response = try await send(.post, path, headers: Self.json, body: "{\n  \"title\": \"T\",,\n}")
            #expect(response.status == .badRequest, "\(path)")
            let problem = problem(response)
            #expect(problem.type == "https://api.example.com/problems/malformed-body", "\(path)")
            #expect(problem.detail?.contains("line 2") == true, "\(path)")
            #expect(problem.detail?.contains("column") == true, "\(path)")
        }
    }

    @Test func requestDecodeErrorsAre422WithPointersNotHummingbirds400() async throws {
        let response = try await send(.post, "/lenient", headers: Self.json, body: #"{"title": "T", "year": "1999"}"#)
        #expect(response.status == .unprocessableContent)
        #expect(problem(response).errors.compactMap(\.location?.pointer?.fragment) == ["#/year"])
        #expect(!String(buffer: response.body).contains("Int"))
    }

    @Test func anEmptyJSONBodyIsAMalformedBody() async throws {
        let response = try await send(.post, "/books", headers: Self.json, body: "")
        #expect(response.status == .badRequest)
        #expect(problem(response).type == "https://api.example.com/problems/malformed-body")
    }

    @Test func unsupportedMediaTypeIs415NamingTheTypeWithAcceptPost() async throws {
        for path in ["/books", "/lenient"] {
            let response = try await send(.post, path, headers: [.contentType: "text/plain"], body: "title=T")
            #expect(response.status == .unsupportedMediaType)
            #expect(response.headers[HTTPField.Name("Accept-Post")!] == "application/json")
            #expect(problem(response).detail?.contains("text/plain") == true)
        }
        let none = try await send(.post, "/books", body: "{}")
        #expect(none.status == .unsupportedMediaType)
    }

    @Test func oversizedBodiesAre413() async throws {
        let big = #"{"title": ""# + String(repeating: "x", count: 2000) + #"", "year": 2000}"#
        for path in ["/books", "/lenient"] {
            let response = try await send(.post, path, headers: Self.json, body: big)
            #expect(response.status == .contentTooLarge)
            #expect(problem(response).type == "about:blank")
            #expect(problem(response).title == "Content Too Large")
        }
    }

    struct FailingRenderer: ProblemRenderer {
        struct Failure: Error {}
        var contentType: String { "application/vnd.broken" }
        var mediaTypes: [ProblemDetails.MediaType] { [ProblemDetails.MediaType(type: "application", subtype: "vnd.broken")] }
        func render(_ problem: Problem, in context: RenderingContext) throws -> [UInt8] { throw Failure() }
    }

    @Test func aRendererThatFailsGivesTheStaticFallbackNotAnEmptyBody() async throws {
        let router = Router()
        router.addProblemDetails(
            try ProblemRegistry(baseURI: "https://api.example.com"),
            representations: ProblemRepresentations([FailingRenderer()])
        )
        router.get("fails") { _, _ -> String in throw HTTPError(.badRequest) }
        let response = try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/fails", method: .get, headers: [RequestIdentity.requestIDField: "r-7"])
        }
        #expect(response.status == .internalServerError)
        #expect(response.headers[.contentType] == "application/problem+json")
        #expect(response.headers[RequestIdentity.requestIDField] == "r-7")
        #expect(problem(response).type == "https://api.example.com/problems/internal-error")
        #expect(problem(response).requestID == "r-7")
    }

    @Test func negotiationAndLanguage() async throws {
        let xml = try await send(.get, "/problem", headers: [.accept: "application/xml;q=0.9, text/html;q=0.1"])
        #expect(xml.headers[.contentType] == "application/problem+xml")
        let html = try await send(.get, "/problem", headers: [.accept: "text/html"])
        #expect(html.status == .conflict)
        #expect(html.headers[.contentType]?.hasPrefix("text/html") == true)
        let unknown = try await send(.get, "/problem", headers: [.accept: "image/png"])
        #expect(unknown.status == .conflict)
        #expect(unknown.headers[.contentType] == "application/problem+json")
        let german = try await send(.get, "/problem", headers: [.acceptLanguage: "fr;q=0.5, de"])
        #expect(german.headers[.contentLanguage] == "de")
        #expect(problem(german).title == "Das Buch ist vergriffen.")
    }

    @Test func requestIDs() async throws {
        let correlated = try await send(.get, "/problem", headers: [RequestIdentity.correlationIDField: "corr-9"])
        #expect(correlated.headers[RequestIdentity.requestIDField] == "corr-9")
        #expect(correlated.headers[RequestIdentity.correlationIDField] == "corr-9")
        #expect(problem(correlated).requestID == "corr-9")
        let invalid = try await send(.get, "/problem", headers: [RequestIdentity.requestIDField: "bad id\u{7F}"])
        let echoed = try #require(invalid.headers[RequestIdentity.requestIDField])
        #expect(!echoed.contains("bad"))
        #expect(problem(invalid).requestID == echoed)
        let traced = try await send(
            .get,
            "/problem",
            headers: [RequestIdentity.traceParentField: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"]
        )
        #expect(problem(traced).traceID == "0af7651916cd43dd8448eb211c80319c")
    }
}
#endif
