#if Vapor
import Foundation
import HTTPTypes
import ProblemDetails
import ProblemDetailsVapor
import Testing
import Vapor
import VaporTesting

/// The integration against a real Vapor application: every kind of error becomes a problem.
@Suite struct ProblemMiddlewareTests {
    struct Secret: Error, CustomStringConvertible {
        var description: String { "SECRET-7f3a: INSERT INTO books failed at /srv/app/Sources/App/db.swift:42" }
    }

    /// One of Vapor's errors that also says which problem it is, as an application's own error
    /// type might.
    struct ConvertibleAbort: AbortError, ProblemConvertible {
        var status: HTTPResponseStatus { .unauthorized }
        var reason: String { "Vapor's reason." }
        var problem: Problem { Problem(ProblemMiddlewareTests.outOfStock, detail: "Its own problem.") }
    }

    struct BookInput: Content, InputValidating {
        var title: String
        var year: Int
        var tags: [String]?

        func violations() -> [Violation] {
            year < 1450 ? [Violation(detail: "must be 1450 or later", pointer: ["year"])] : []
        }
    }

    struct Credits: Content, Validatable {
        var name: String
        var age: Int

        static func validations(_ validations: inout Validations) {
            validations.add("name", as: String.self, is: !.empty)
            validations.add("age", as: Int.self, is: .range(0...150))
        }
    }

    static let outOfStock = ProblemType(
        slug: "out-of-stock",
        title: "The book is out of stock.",
        status: .conflict,
        localizedTitles: ["de": "Das Buch ist vergriffen."]
    )

    static func configure(_ app: Application) async throws {
        let registry = try ProblemRegistry(baseURI: "https://api.example.com", types: [Self.outOfStock])
        app.useProblemDetails(registry)
        app.routes.defaultMaxBodySize = 1024
        app.get("ok") { _ in "fine" }
        app.get("id") { req in req.id }
        app.get("own-headers") { _ in
            Response(status: .ok, headers: ["Cache-Control": "no-store", "X-Request-ID": "set-by-the-handler"], body: "fine")
        }
        app.get("identity") { req in req.problemIdentity?.requestID.value ?? "none" }
        app.get("current-logger-id") { _ async -> String in
            Logger.current[metadataKey: "request-id"]?.description ?? "none"
        }
        app.get("current-identity") { _ async -> String in RequestIdentity.current?.requestID.value ?? "none" }
        app.get("convertible-abort") { _ -> String in throw ConvertibleAbort() }
        app.get("problem") { _ -> String in throw Problem(Self.outOfStock, detail: "None left.") }
        app.get("boom") { _ -> String in throw Secret() }
        app.get("abort") { _ -> String in throw Abort(.badRequest, reason: "The id is not a UUID.") }
        app.get("abort-server") { _ -> String in throw Abort(.badGateway, reason: "upstream 10.0.0.3 refused") }
        app.get("unauthorized") { _ -> String in
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer realm=\"test\""])
        }
        app.get("limited") { _ -> String in throw Problem.rateLimitExceeded(retryAfter: 30) }
        app.post("books") { req -> String in
            let book = try req.content.decodeStrictly(BookInput.self)
            return book.title
        }
        app.post("lenient") { req -> String in
            let book = try req.content.decode(BookInput.self)
            return book.title
        }
        app.post("credits") { req -> String in
            try Credits.validate(content: req)
            return "ok"
        }
        app.get("books", ":id") { _ in "a book" }
        app.delete("books", ":id") { _ in HTTPStatus.noContent }
        app.get("books", "search") { _ in "results" }
        app.get("upstream") { _ -> String in
            struct Row: Decodable { var createdAt: Date }
            return try JSONDecoder().decode(Row.self, from: Data(#"{"createdAt": "SECRET-row"}"#.utf8)).createdAt.description
        }
    }

    func test(
        _ method: Vapor.HTTPMethod,
        _ path: String,
        headers: HTTPHeaders = [:],
        body: String? = nil,
        _ check: @escaping (TestingHTTPResponse) async throws -> Void
    ) async throws {
        try await withApp(configure: Self.configure) { app in
            try await app.testing().test(method, path, headers: headers, beforeRequest: { request in
                if let body { request.body = ByteBuffer(string: body) }
            }, afterResponse: check)
        }
    }

    /// The body read as a problem; a body that is not one gives a problem no expectation matches.
    func problem(_ response: TestingHTTPResponse) -> Problem {
        (try? ProblemJSONDecoder().decode(Array(response.body.readableBytesView)).problem)
            ?? Problem(type: "urn:test:not-a-problem-document", title: response.body.string)
    }

    @Test func successesPassThroughWithTheRequestID() async throws {
        try await test(.GET, "ok", headers: ["X-Request-ID": "abc-1"]) { response in
            #expect(response.status == .ok)
            #expect(response.body.string == "fine")
            #expect(response.headers.first(name: "X-Request-ID") == "abc-1")
        }
    }

    @Test(arguments: [
        HTTPHeaders(),
        ["X-Request-ID": "abc-1"],
        ["X-Correlation-ID": "corr-1"],
        // Vapor takes this as its own id; the middleware generates one, the only case it stores.
        ["X-Request-ID": "not valid!"],
    ])
    func theProblemIdentityIsTheOneEchoed(headers: HTTPHeaders) async throws {
        try await test(.GET, "identity", headers: headers) { response in
            let echoed = try #require(response.headers.first(name: "X-Request-ID"))
            #expect(response.body.string == echoed)
            #expect(RequestID(validating: echoed) != nil)
        }
    }

    /// In memory the route runs within the test's task; over HTTP, from an event loop thread with
    /// no task at all: both must see the bindings of `Logger.current` and `RequestIdentity.current`.
    @Test(arguments: [false, true])
    func theTaskLocalLoggerAndIdentityCarryTheEchoedRequestID(overHTTP: Bool) async throws {
        try await withApp(configure: Self.configure) { app in
            let tester = try overHTTP ? app.testing(method: .running(hostname: "127.0.0.1", port: 0)) : app.testing()
            for path in ["current-logger-id", "current-identity"] {
                for headers: HTTPHeaders in [[:], ["X-Request-ID": "given-8"], ["X-Request-ID": "not valid!"]] {
                    try await tester.test(.GET, path, headers: headers) { response in
                        let echoed = try #require(response.headers.first(name: "X-Request-ID"))
                        #expect(response.body.string == echoed, "\(headers)")
                        switch headers.first(name: "X-Request-ID") {
                        case "given-8": #expect(echoed == "given-8")
                        case let given?: #expect(echoed != given)
                        case nil: break
                        }
                    }
                }
            }
        }
    }

    @Test func anAbortErrorThatIsProblemConvertibleIsAnsweredWithItsOwnProblem() async throws {
        try await test(.GET, "convertible-abort") { response in
            #expect(response.status == .conflict)
            #expect(problem(response).type == "https://api.example.com/problems/out-of-stock")
            #expect(problem(response).detail == "Its own problem.")
        }
    }

    @Test func withoutTheMiddlewareThereIsNoProblemIdentity() async throws {
        try await withApp { app in
            app.get("identity") { req in req.problemIdentity?.requestID.value ?? "none" }
            try await app.testing().test(.GET, "identity") { response in
                #expect(response.body.string == "none")
            }
        }
    }

    @Test func withoutAnIDHeaderVaporsOwnRequestIDIsUsed() async throws {
        try await test(.GET, "id") { response in
            #expect(response.headers.first(name: "X-Request-ID") == response.body.string)
            #expect(UUID(uuidString: response.body.string) != nil)
        }
        try await test(.GET, "id", headers: ["X-Request-ID": "not valid!"]) { response in
            let echoed = response.headers.first(name: "X-Request-ID") ?? ""
            #expect(echoed != "not valid!")
            #expect(RequestID(validating: echoed) != nil)
        }
    }

    /// The middleware takes Vapor's id unchecked when the request has no `X-Request-ID`: that
    /// rests on Vapor making it a UUID then, which this holds Vapor to.
    @Test func aRequestWithoutAnIDGetsVaporsUUID() async throws {
        try await withApp { app in
            for headers: HTTPHeaders in [[:], ["Content-Type": "text/plain", "Accept": "*/*"]] {
                let request = Request(application: app, headers: headers, on: app.eventLoopGroup.next())
                #expect(UUID(uuidString: request.id) != nil)
            }
        }
        try await test(.GET, "id", headers: ["Content-Type": "text/plain", "X-Correlation-ID": "not valid!"]) { response in
            #expect(response.headers.first(name: "X-Request-ID") == response.body.string)
            #expect(UUID(uuidString: response.body.string) != nil)
        }
    }

    /// NIO matches header names more loosely than the core: it takes this name, whose `\r` folds
    /// to `-` under its 0xDF mask, for `X-Request-Id`, so Vapor's id is the raw line, which must
    /// not be echoed.
    @Test func aLineVaporTakesForTheIDButTheCoreDoesNotIsNeverTrusted() async throws {
        var headers = HTTPHeaders()
        headers.add(name: "X\rRequest\rID", value: "not valid!")
        try await test(.GET, "id", headers: headers) { response in
            #expect(response.body.string == "not valid!")
            let echoed = try #require(response.headers.first(name: "X-Request-ID"))
            #expect(echoed != "not valid!")
            #expect(RequestID(validating: echoed) != nil)
        }
    }

    @Test func aSuccessKeepsItsOwnHeaderFieldsAndGetsOneRequestID() async throws {
        try await test(.GET, "own-headers", headers: ["X-Request-ID": "abc-3", "X-Correlation-ID": "corr-3"]) { response in
            #expect(response.status == .ok)
            #expect(response.body.string == "fine")
            #expect(response.headers[canonicalForm: "Cache-Control"] == ["no-store"])
            #expect(response.headers["X-Request-ID"] == ["abc-3"])
            #expect(response.headers["X-Correlation-ID"] == ["corr-3"])
        }
    }

    /// Vapor takes the first `X-Request-ID` line as its id; the client sent a list, which is no
    /// valid ID, so one is generated rather than Vapor's pick echoed.
    @Test func severalRequestIDFieldsAreNotReducedToVaporsFirst() async throws {
        var headers = HTTPHeaders()
        headers.add(name: "X-Request-ID", value: "first-id")
        headers.add(name: "X-Request-ID", value: "second-id")
        try await test(.GET, "id", headers: headers) { response in
            #expect(response.body.string == "first-id")
            let echoed = try #require(response.headers.first(name: "X-Request-ID"))
            #expect(echoed != "first-id")
            #expect(echoed.utf8.count == 32)
            #expect(RequestID(validating: echoed) != nil)
        }
    }

    @Test func thrownProblemsAreAnsweredAsProblems() async throws {
        try await test(.GET, "problem", headers: ["X-Request-ID": "abc-2"]) { response in
            #expect(response.status == .conflict)
            #expect(response.headers.contentType?.serialize() == "application/problem+json")
            #expect(response.headers.first(name: "Vary") == "Accept, Accept-Language")
            let problem = problem(response)
            #expect(problem.type == "https://api.example.com/problems/out-of-stock")
            #expect(problem.status == .conflict)
            #expect(problem.detail == "None left.")
            #expect(problem.instance == "/problem")
            #expect(problem.requestID == "abc-2")
        }
    }

    @Test func unknownErrorsAre500sThatLeakNothingInAnyFormat() async throws {
        for accept in ["application/problem+json", "application/problem+xml", "text/html"] {
            try await test(.GET, "boom", headers: ["Accept": accept]) { response in
                #expect(response.status == .internalServerError)
                #expect(response.headers.contentType?.serialize().hasPrefix(accept.components(separatedBy: ";")[0]) == true)
                #expect(!response.body.string.contains("SECRET"))
                #expect(!response.body.string.contains("/srv/app"))
                #expect(!response.body.string.contains("Secret"))
                #expect(!response.body.string.isEmpty)
            }
        }
    }

    @Test func abortErrorsKeepStatusReasonForClientErrorsAndHeaders() async throws {
        try await test(.GET, "abort") { response in
            #expect(response.status == .badRequest)
            let problem = problem(response)
            #expect(problem.isAboutBlank)
            #expect(problem.detail == "The id is not a UUID.")
        }
        try await test(.GET, "abort-server") { response in
            #expect(response.status == .badGateway)
            #expect(problem(response).detail == nil)
            #expect(!response.body.string.contains("10.0.0.3"))
        }
        try await test(.GET, "unauthorized") { response in
            #expect(response.status == .unauthorized)
            #expect(response.headers.first(name: "WWW-Authenticate") == "Bearer realm=\"test\"")
            #expect(response.headers.contentType?.serialize() == "application/problem+json")
            #expect(problem(response).type == "https://api.example.com/problems/unauthorized")
        }
    }

    @Test func retryAfterHeaderAndMemberAgree() async throws {
        try await test(.GET, "limited") { response in
            #expect(response.status == .tooManyRequests)
            #expect(response.headers.first(name: "Retry-After") == "30")
            #expect(problem(response).extensions["retry_after"] == 30)
        }
    }

    @Test func unknownRoutesAreAboutBlank404s() async throws {
        try await test(.GET, "nowhere") { response in
            #expect(response.status == .notFound)
            let problem = problem(response)
            #expect(problem.isAboutBlank)
            #expect(problem.title == "Not Found")
            #expect(problem.instance == "/nowhere")
        }
    }

    @Test func aKnownPathWithTheWrongMethodIs405WithAllow() async throws {
        try await test(.PATCH, "books/7") { response in
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers.first(name: "Allow") == "GET, HEAD, DELETE")
            #expect(problem(response).title == "Method Not Allowed")
        }
    }

    /// With `caseInsensitive` set, set after the middleware as an application may, Vapor serves
    /// `BOOKS/7` as `books/7`: a wrong method there is a 405 too, not an unknown route.
    @Test func aRouterThatIgnoresCaseGets405InAnyCase() async throws {
        try await withApp(configure: { app in
            try await Self.configure(app)
            app.routes.caseInsensitive = true
        }) { app in
            try await app.testing().test(.GET, "BOOKS/7") { response in #expect(response.status == .ok) }
            try await app.testing().test(.PATCH, "BOOKS/7") { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers.first(name: "Allow") == "GET, HEAD, DELETE")
            }
            try await app.testing().test(.PATCH, "NOWHERE/7") { response in #expect(response.status == .notFound) }
        }
        try await test(.PATCH, "BOOKS/7") { response in #expect(response.status == .notFound) }
    }

    /// Vapor keeps one route tree per method, so `DELETE /books/search` reaches `books/:id`:
    /// `Allow` must list it, not only the methods of the more specific `books/search`.
    @Test func allowListsEveryMethodVaporServesThePathWith() async throws {
        try await test(.DELETE, "books/search") { response in #expect(response.status == .noContent) }
        try await test(.PATCH, "books/search") { response in
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers.first(name: "Allow") == "GET, HEAD, DELETE")
        }
    }

    /// A request with no body or query cannot have caused a `DecodingError`: one thrown while
    /// serving it came from decoding the server's own data, so it is a 500 that names nothing.
    @Test func aDecodingErrorThatNoRequestInputCausedIsASafe500() async throws {
        try await test(.GET, "upstream") { response in
            #expect(response.status == .internalServerError)
            #expect(problem(response).type == "https://api.example.com/problems/internal-error")
            #expect(!response.body.string.contains("createdAt"))
            #expect(!response.body.string.contains("SECRET"))
        }
        try await test(.GET, "upstream?page=2") { response in #expect(response.status == .unprocessableEntity) }
    }

    @Test func headGetsHeadersWithoutABody() async throws {
        var length: String?
        try await test(.GET, "problem") { response in length = response.headers.first(name: .contentLength) }
        let getLength = try #require(length)
        #expect(getLength != "0")
        try await test(.HEAD, "problem") { response in
            #expect(response.status == .conflict)
            #expect(response.body.readableBytes == 0)
            #expect(response.headers.contentType?.serialize() == "application/problem+json")
            // GET's length, not the empty body's (RFC 9110 §8.6).
            #expect(response.headers[.contentLength] == [getLength])
        }
    }

    @Test func strictDecodingReportsEveryFailureAtOnce() async throws {
        let body = #"{"title": "Dune", "year": "1965", "tags": ["sf", 3], "colour": "blue"}"#
        try await test(.POST, "books", headers: ["Content-Type": "application/json"], body: body) { response in
            #expect(response.status == .unprocessableEntity)
            let problem = problem(response)
            #expect(problem.type == "https://api.example.com/problems/validation-error")
            let pointers = Set(problem.errors.compactMap { $0.location?.pointer?.fragment })
            #expect(pointers == ["#/year", "#/tags/1", "#/colour"])
            #expect(!response.body.string.contains("Swift."))
            #expect(!response.body.string.contains("CodingKeys"))
        }
    }

    @Test func strictDecodingAddsTheTypesOwnValidations() async throws {
        let body = #"{"title": "Old", "year": 1200}"#
        try await test(.POST, "books", headers: ["Content-Type": "application/json"], body: body) { response in
            #expect(response.status == .unprocessableEntity)
            #expect(problem(response).errors == [Violation(detail: "must be 1450 or later", pointer: ["year"])])
        }
    }

    @Test func malformedJSONIs400NamingLineAndColumn() async throws {
        try await test(.POST, "books", headers: ["Content-Type": "application/json"], body: "{\n  \"title\": ?\n}") { response in
            #expect(response.status == .badRequest)
            let problem = problem(response)
            #expect(problem.type == "https://api.example.com/problems/malformed-body")
            #expect(problem.detail?.contains("line 2") == true)
            #expect(problem.detail?.contains("column") == true)
        }
    }

    @Test func ordinaryDecodingErrorsAre422WithPointers() async throws {
        try await test(.POST, "lenient", headers: ["Content-Type": "application/json"], body: #"{"title": "Dune"}"#) { response in
            #expect(response.status == .unprocessableEntity)
            let problem = problem(response)
            #expect(problem.errors.first?.location?.pointer == ["year"])
            #expect(!response.body.string.contains("CodingKeys"))
        }
    }

    @Test func vaporValidationsBecomeOneEntryPerField() async throws {
        try await test(.POST, "credits", headers: ["Content-Type": "application/json"], body: #"{"name": "", "age": 200}"#) { response in
            #expect(response.status == .unprocessableEntity)
            let problem = problem(response)
            #expect(problem.errors.map { $0.location?.pointer } == [["name"], ["age"]])
        }
    }

    @Test func anEmptyJSONBodyIsAMalformedBody() async throws {
        try await test(.POST, "books", headers: ["Content-Type": "application/json"]) { response in
            #expect(response.status == .badRequest)
            let problem = problem(response)
            #expect(problem.type == "https://api.example.com/problems/malformed-body")
            #expect(problem.detail?.contains("empty") == true)
        }
    }

    @Test func unsupportedMediaTypeIs415NamingTheType() async throws {
        try await test(.POST, "books", headers: ["Content-Type": "text/plain"], body: "hello") { response in
            #expect(response.status == .unsupportedMediaType)
            let problem = problem(response)
            #expect(problem.type == "https://api.example.com/problems/unsupported-media-type")
            #expect(problem.detail?.contains("text/plain") == true)
            #expect(response.headers.first(name: "Accept-Post") == "application/json")
        }
    }

    /// Over real HTTP: the in-memory tester hands routes bodies already collected.
    @Test func oversizedBodiesAre413() async throws {
        try await withApp(configure: Self.configure) { app in
            try await app.testing(method: .running(hostname: "127.0.0.1", port: 0)).test(
                .POST,
                "lenient",
                headers: ["Content-Type": "application/json"],
                body: ByteBuffer(string: #"{"title": ""# + String(repeating: "x", count: 4096) + #"", "year": 2000}"#)
            ) { response in
                #expect(response.status == .payloadTooLarge)
                let problem = problem(response)
                #expect(problem.isAboutBlank)
                #expect(problem.title == "Content Too Large")
            }
        }
    }

    struct FailingRenderer: ProblemRenderer {
        struct Failure: Error {}
        var contentType: String { "application/vnd.broken" }
        var mediaTypes: [MediaType] { [MediaType(type: "application", subtype: "vnd.broken")] }
        func render(_ problem: Problem, in context: RenderingContext) throws -> [UInt8] { throw Failure() }
    }

    @Test func aRendererThatFailsGivesTheStaticFallbackNotAnEmptyBody() async throws {
        try await withApp(configure: { app in
            try await Self.configure(app)
            app.useProblemDetails(
                try ProblemRegistry(baseURI: "https://api.example.com"),
                representations: ProblemRepresentations([FailingRenderer()])
            )
        }) { app in
            try await app.testing().test(.GET, "abort", headers: ["X-Request-ID": "r-7"]) { response in
                #expect(response.status == .internalServerError)
                #expect(response.headers.contentType?.serialize() == "application/problem+json")
                #expect(response.headers.first(name: "X-Request-ID") == "r-7")
                #expect(problem(response).type == "https://api.example.com/problems/internal-error")
                #expect(problem(response).requestID == "r-7")
            }
        }
    }

    @Test func debugInformationIsOptInAndNeverInProduction() async throws {
        try await withApp(configure: { app in
            try await Self.configure(app)
            app.useProblemDetails(try ProblemRegistry(baseURI: "https://api.example.com"), includingDebugInformation: true)
        }) { app in
            try await app.testing().test(.GET, "boom") { response in
                #expect(response.status == .internalServerError)
                #expect(problem(response).extensions["debug"]?.objectValue?["description"]?.stringValue?.contains("SECRET-7f3a") == true)
            }
        }
        let production = try await Application.make(.production)
        production.useProblemDetails(try ProblemRegistry(baseURI: "https://api.example.com"), includingDebugInformation: true)
        #expect(production.problemDetails?.responder.includesDebugInformation == false)
        try await production.asyncShutdown()
    }

    @Test func negotiationAndLanguage() async throws {
        try await test(.GET, "problem", headers: ["Accept": "application/xml", "Accept-Language": "de"]) { response in
            #expect(response.headers.contentType?.serialize() == "application/problem+xml")
            #expect(response.headers.first(name: "Content-Language") == "de")
            #expect(response.body.string.contains("Das Buch ist vergriffen."))
        }
        try await test(.GET, "problem", headers: ["Accept": "text/html"]) { response in
            #expect(response.status == .conflict)
            #expect(response.headers.contentType?.serialize().hasPrefix("text/html") == true)
        }
        try await test(.GET, "problem", headers: ["Accept": "image/png"]) { response in
            #expect(response.status == .conflict)
            #expect(response.headers.contentType?.serialize() == "application/problem+json")
        }
    }

    @Test func requestIDs() async throws {
        try await test(.GET, "problem", headers: ["X-Correlation-ID": "corr-9"]) { response in
            #expect(response.headers.first(name: "X-Request-ID") == "corr-9")
            #expect(response.headers.first(name: "X-Correlation-ID") == "corr-9")
            #expect(problem(response).requestID == "corr-9")
        }
        try await test(.GET, "problem", headers: ["X-Request-ID": "bad id\u{7F}"]) { response in
            let echoed = response.headers.first(name: "X-Request-ID") ?? ""
            #expect(echoed.count == 32)
            #expect(problem(response).requestID == echoed)
        }
        try await test(.GET, "problem", headers: ["traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"]) { response in
            #expect(problem(response).traceID == "0af7651916cd43dd8448eb211c80319c")
        }
    }
}
#endif
