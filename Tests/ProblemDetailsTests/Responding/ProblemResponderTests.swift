import HTTPTypes
import ProblemDetails
import Testing

@Suite struct ProblemResponderTests {
    struct Secret: Error, CustomStringConvertible {
        var description: String { "SECRET-7f3a in /srv/app/Sources/App/db.swift" }
    }

    struct FailingRenderer: ProblemRenderer {
        struct Failure: Error {}
        var contentType: String { "application/vnd.broken" }
        var mediaTypes: [MediaType] { [MediaType(type: "application", subtype: "vnd.broken")] }
        func render(_ problem: Problem, in context: RenderingContext) throws -> [UInt8] { throw Failure() }
    }

    static let type = ProblemType(
        slug: "out-of-credit",
        title: "You do not have enough credit.",
        status: .forbidden,
        localizedTitles: ["de": "Ihr Guthaben reicht nicht aus."]
    )

    let responder: ProblemResponder

    init() throws {
        self.responder = ProblemResponder(registry: try ProblemRegistry(baseURI: "https://api.example.com", types: [Self.type]))
    }

    func request(_ fields: HTTPFields = [:], method: HTTPRequest.Method = .get, path: String = "/books/7?x=1") -> HTTPRequest {
        HTTPRequest(method: method, scheme: "http", authority: "localhost", path: path, headerFields: fields)
    }

    func decode(_ response: ProblemResponse) throws -> Problem {
        try ProblemJSONDecoder().decode(response.body).problem
    }

    @Test func buildsACompleteJSONResponse() throws {
        let response = responder.response(
            for: Problem(Self.type, detail: "Balance 30."),
            to: request([RequestIdentity.requestIDField: "r-1"])
        )
        #expect(response.status == .forbidden)
        #expect(response.headerFields[.contentType] == "application/problem+json")
        #expect(response.headerFields[.contentLanguage] == "en")
        #expect(response.headerFields[.vary] == "Accept, Accept-Language")
        #expect(response.headerFields[RequestIdentity.requestIDField] == "r-1")
        let problem = try decode(response)
        #expect(problem.type == "https://api.example.com/problems/out-of-credit")
        #expect(problem.status == .forbidden)
        #expect(problem.instance == "/books/7")
        #expect(problem.requestID == "r-1")
    }

    @Test func everyRepresentationAndIdentityFieldIsSentOnce() {
        let response = responder.response(
            for: Problem.rateLimitExceeded(retryAfter: 30),
            to: request([RequestIdentity.requestIDField: "r-1", RequestIdentity.correlationIDField: "c-1"])
        )
        let names = response.headerFields.map(\.name)
        #expect(
            names == [
                .retryAfter, RequestIdentity.requestIDField, RequestIdentity.correlationIDField, .vary, .contentType,
                .contentLanguage, .contentLength,
            ]
        )
        #expect(response.headerFields[.contentLength] == String(response.body.count))
        #expect(response.headerFields[RequestIdentity.correlationIDField] == "c-1")
    }

    @Test func aProblemsOwnRepresentationFieldsAreReplacedNotRepeated() {
        var problem = Problem(Self.type)
        problem.headers = [.vary: "Origin", .contentType: "text/plain", .contentLength: "3", .cacheControl: "no-store"]
        let response = responder.response(for: problem, to: request())
        #expect(response.headerFields[values: .vary] == ["Accept, Accept-Language"])
        #expect(response.headerFields[values: .contentType] == ["application/problem+json"])
        #expect(response.headerFields[values: .contentLanguage] == ["en"])
        #expect(response.headerFields[values: .contentLength] == [String(response.body.count)])
        #expect(response.headerFields[.cacheControl] == "no-store")
    }

    @Test func statusAlwaysEqualsTheBodyStatus() throws {
        for error in [Problem(status: .notFound), Problem(Self.type), Problem.rateLimitExceeded(retryAfter: 3)] as [any Error] + [Secret()] {
            let response = responder.response(for: error, to: request())
            #expect(try decode(response).status == response.status)
        }
    }

    @Test func unknownErrorsLeakNothing() throws {
        let response = responder.response(for: Secret(), to: request())
        #expect(response.status == .internalServerError)
        let body = String(decoding: response.body, as: UTF8.self)
        #expect(!body.contains("SECRET") && !body.contains("Secret") && !body.contains("/srv"))
    }

    @Test func problemHeadersAndTraceIDAreCarried() throws {
        let response = responder.response(
            for: Problem.rateLimitExceeded(retryAfter: 30),
            to: request([RequestIdentity.traceParentField: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"])
        )
        #expect(response.headerFields[.retryAfter] == "30")
        let problem = try decode(response)
        #expect(problem.extensions["retry_after"] == 30)
        #expect(problem.traceID == "0af7651916cd43dd8448eb211c80319c")
    }

    @Test func acceptLanguageLocalisesTheTitle() throws {
        let response = responder.response(for: Problem(Self.type), to: request([.acceptLanguage: "de-CH, en;q=0.5"]))
        #expect(response.headerFields[.contentLanguage] == "de")
        #expect(try decode(response).title == "Ihr Guthaben reicht nicht aus.")
        let english = responder.response(for: Problem(Self.type), to: request([.acceptLanguage: "fr"]))
        #expect(english.headerFields[.contentLanguage] == "en")
    }

    @Test func acceptChoosesTheRepresentationAndNeverAnswers406() {
        let html = responder.response(for: Problem(status: .notFound), to: request([.accept: "text/html"]))
        #expect(html.headerFields[.contentType]?.hasPrefix("text/html") == true)
        #expect(html.status == .notFound)
        let image = responder.response(for: Problem(status: .notFound), to: request([.accept: "image/png"]))
        #expect(image.headerFields[.contentType] == "application/problem+json")
        #expect(image.status == .notFound)
    }

    @Test func headGetsHeadersWithoutABody() {
        let get = responder.response(for: Problem(status: .notFound), to: request([RequestIdentity.requestIDField: "same"], method: .get))
        let head = responder.response(for: Problem(status: .notFound), to: request([RequestIdentity.requestIDField: "same"], method: .head))
        #expect(head.body.isEmpty)
        #expect(head.status == get.status)
        #expect(head.headerFields == get.headerFields)
        // The length GET sends (RFC 9110 §8.6), not that of HEAD's empty body.
        #expect(head.headerFields[.contentLength] == String(get.body.count))
        #expect(get.body.count > 0)
    }

    @Test func renderingFailureGivesTheStaticFallback() throws {
        var responder = self.responder
        responder.representations = ProblemRepresentations([FailingRenderer()])
        let response = responder.response(for: Problem(status: .notFound), to: request([RequestIdentity.requestIDField: "r-9"]))
        #expect(response.status == .internalServerError)
        #expect(response.headerFields[.contentType] == "application/problem+json")
        let problem = try decode(response)
        #expect(problem.type == "https://api.example.com/problems/internal-error")
        #expect(problem.requestID == "r-9")
    }

    @Test func debugInformationOnlyWhenAskedFor() throws {
        var responder = self.responder
        responder.includesDebugInformation = true
        let problem = try decode(responder.response(for: Secret(), to: request()))
        #expect(problem.extensions["debug"] != nil)
    }
}

extension ProblemResponderTests {
    @Test func contentLanguageIsTheLanguageTheTitleIsIn() {
        let response = responder.response(for: Problem(status: .notFound), to: request([.acceptLanguage: "de"]))
        #expect(response.headerFields[.contentLanguage] == "en")
        #expect(response.problem.title == "Not Found")
    }

    @Test(arguments: ["application/problem+json", "application/problem+xml", "text/html", "application/vnd.test.legacy+json"])
    func unknownErrorsLeakNothingInAnyFormat(accept: String) throws {
        var responder = self.responder
        let legacy = try #require(MediaType(parsing: "application/vnd.test.legacy+json"))
        responder.representations = ProblemRepresentations.standard.adding(LegacyEnvelopeRenderer(mediaType: legacy))
        let response = responder.response(for: Secret(), to: request([.accept: accept]))
        #expect(response.status == .internalServerError)
        #expect(response.headerFields[.contentType]?.hasPrefix(accept) == true)
        let body = String(decoding: response.body, as: UTF8.self)
        #expect(!body.isEmpty)
        for leak in ["SECRET", "Secret", "/srv", "db.swift"] {
            #expect(!body.contains(leak), "\(accept) leaks \(leak)")
        }
    }
}

extension ProblemResponderTests {
    /// The shortcuts for the commonest field values must choose what full negotiation chooses.
    @Test func aSingleLanguageRegistryAnswersEveryAcceptLanguageInItsLanguage() throws {
        let english = ProblemResponder(registry: try ProblemRegistry(baseURI: "https://api.example.com"))
        #expect(english.registry.languages == ["en"])
        for field in ["de", "en-GB, en;q=0.9", "*", "en;q=0", "fr-CH, *;q=0", "!!"] {
            #expect(english.language(for: field) == "en", "\(field)")
            let response = english.response(for: Problem(status: .notFound), to: request([.acceptLanguage: field]))
            #expect(response.headerFields[.contentLanguage] == "en", "\(field)")
        }
        let german = ProblemResponder(registry: try ProblemRegistry(baseURI: "https://api.example.com", defaultLanguage: "de"))
        #expect(german.language(for: "en-GB, en;q=0.9") == "de")
    }

    @Test func anyMediaTypeGetsTheFirstRepresentationWhicheverItIs() throws {
        let otherFirst = ProblemRepresentations([FailingRenderer(), ProblemJSONEncoder()])
        #expect(otherFirst.renderer(forAccept: "*/*") is FailingRenderer)
        #expect(otherFirst.renderer(forAccept: " */* ") is FailingRenderer)
        #expect(ProblemRepresentations.standard.renderer(forAccept: "*/*") is ProblemJSONEncoder)
        #expect(ProblemRepresentations.standard.renderer(forAccept: "*/*;q=0, text/html") is ProblemHTMLRenderer)
    }

    /// A response is labelled with its renderer's own media type, so a refused one must not be
    /// chosen through an alias (RFC 9110 §12.4.2: weight 0 means "not acceptable").
    @Test(arguments: [
        ("application/problem+json;q=0, */*;q=0.5", "application/problem+xml"),
        ("application/problem+json;q=0, application/json, text/html;q=0.5", "text/html"),
        ("text/html;q=0, application/xhtml+xml, application/json;q=0.1", "application/problem+json"),
        ("application/problem+xml;q=0, application/xml, text/html;q=0.2", "text/html"),
    ])
    func aRefusedMediaTypeIsNotSentThroughAnAlias(accept: String, contentType: String) {
        let response = responder.response(for: Problem(status: .notFound), to: request([.accept: accept]))
        #expect(response.headerFields[.contentType]?.hasPrefix(contentType) == true, "\(accept)")
    }
}
