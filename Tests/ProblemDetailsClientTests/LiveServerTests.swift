#if Hummingbird && AsyncHTTPClient
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

/// The application's own error type for one of the server's problems.
struct OutOfCredit: Decodable, Error, Equatable {
    var type: String
    var detail: String?
    var balance: Int
}

/// Both transports, URLSession and AsyncHTTPClient, against a real server on a local port that
/// answers with problems of every shape, well formed or not.
@Suite struct LiveServerTests {
    enum Transport: String, CaseIterable, CustomTestStringConvertible {
        case urlSession, asyncHTTPClient
        var testDescription: String { self.rawValue }
    }

    /// A route that answers with a fixed status, content type, header fields and body.
    static func answer(
        _ status: HTTPResponse.Status,
        _ contentType: String,
        _ body: String,
        _ fields: HTTPFields = [:]
    ) -> @Sendable (Request, BasicRequestContext) async throws -> Response {
        { _, _ in
            var headers = fields
            headers[.contentType] = contentType
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
        }
    }

    static func application() -> some ApplicationProtocol {
        let router = Router()
        router.get("/account/credit", use: Self.answer(
            .forbidden, "application/problem+json; charset=utf-8",
            #"{"type": "/problems/out-of-credit", "title": "No credit", "detail": "Balance 30, cost 50.", "balance": 30, "accounts": ["/a/1"]}"#
        ))
        router.get("/account/credit.xml", use: Self.answer(
            .forbidden, "application/problem+xml",
            #"<problem xmlns="urn:ietf:rfc:7807"><type>/problems/out-of-credit</type><balance>30</balance></problem>"#
        ))
        router.get("/teapot", use: Self.answer(
            .init(code: 418), "application/problem+json",
            #"{"type": "tag:example.com,2026:teapot", "title": "Teapot", "status": 418, "detail": "short and stout"}"#
        ))
        router.get("/throttled", use: Self.answer(
            .tooManyRequests, "application/problem+json",
            #"{"type": "about:blank", "status": 429}"#, [.retryAfter: "Fri, 31 Dec 2100 23:59:59 GMT"]
        ))
        router.get("/throttled-member", use: Self.answer(
            .serviceUnavailable, "application/problem+json", #"{"status": 503, "retry_after": 12}"#
        ))
        router.get("/malformed", use: Self.answer(.badGateway, "application/problem+json", #"{"type": "x", "#))
        router.get("/html", use: Self.answer(.badGateway, "text/html", "<h1>Bad Gateway</h1>"))
        router.get("/ok", use: Self.answer(.ok, "application/json", #"{"title": "Dune"}"#))
        router.get("/huge", use: Self.answer(
            .badRequest, "application/problem+json",
            #"{"detail": ""# + String(repeating: "x", count: 2 << 20) + #""}"#
        ))
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    /// Requests a path with one transport; returns the body when the response is not a problem.
    static func get(_ path: String, port: Int, over transport: Transport) async throws -> String {
        // Registered absolute: the server's relative type is resolved against the response's URL,
        // which carries the port the server was given.
        var problems = ClientProblemRegistry()
        problems.register(OutOfCredit.self, for: "http://127.0.0.1:\(port)/problems/out-of-credit")
        let url = "http://127.0.0.1:\(port)\(path)"
        switch transport {
        case .urlSession:
            let (body, _) = try await URLSession.shared.data(for: URLRequest(url: URL(string: url)!), throwingProblems: problems)
            return String(decoding: body, as: UTF8.self)
        case .asyncHTTPClient:
            let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
            try await response.throwIfProblem(using: problems)
            return String(buffer: try await response.body.collect(upTo: 1 << 20))
        }
    }

    static func withServer(_ body: @Sendable (Int) async throws -> Void) async throws {
        try await Self.application().test(.live) { client in
            try await body(try #require(client.port))
        }
    }

    @Test(arguments: Transport.allCases)
    func registeredTypesAreThrownAsTheApplicationsType(transport: Transport) async throws {
        try await Self.withServer { port in
            for path in ["/account/credit", "/account/credit.xml"] {
                let error = await #expect(throws: OutOfCredit.self) {
                    _ = try await Self.get(path, port: port, over: transport)
                }
                #expect(error?.balance == 30)
                #expect(error?.type == "http://127.0.0.1:\(port)/problems/out-of-credit")
            }
        }
    }

    @Test(arguments: Transport.allCases)
    func unknownTypesAreTheGenericProblem(transport: Transport) async throws {
        try await Self.withServer { port in
            let problem = await #expect(throws: Problem.self) {
                _ = try await Self.get("/teapot", port: port, over: transport)
            }
            #expect(problem?.type == "tag:example.com,2026:teapot")
            #expect(problem?.status?.code == 418)
            #expect(problem?.detail == "short and stout")
        }
    }

    @Test(arguments: Transport.allCases)
    func retryAfterIsOneTypedValueFromTheHeaderOrTheMember(transport: Transport) async throws {
        try await Self.withServer { port in
            let header = await #expect(throws: Problem.self) {
                _ = try await Self.get("/throttled", port: port, over: transport)
            }
            #expect(header?.retryAfter == .date(HTTPDate("Fri, 31 Dec 2100 23:59:59 GMT")!))
            #expect((header?.retryAfter?.delay() ?? 0) > 0)
            let member = await #expect(throws: Problem.self) {
                _ = try await Self.get("/throttled-member", port: port, over: transport)
            }
            #expect(member?.retryAfter == 12)
        }
    }

    @Test(arguments: Transport.allCases)
    func malformedAndOversizedProblemsAreStillThrownWithTheResponseStatus(transport: Transport) async throws {
        try await Self.withServer { port in
            let malformed = await #expect(throws: Problem.self) {
                _ = try await Self.get("/malformed", port: port, over: transport)
            }
            #expect(malformed?.status == .badGateway)
            #expect(malformed?.isAboutBlank == true)
            let huge = await #expect(throws: Problem.self) {
                _ = try await Self.get("/huge", port: port, over: transport)
            }
            #expect(huge?.status == .badRequest)
            #expect(huge?.detail == nil)
        }
    }

    @Test(arguments: Transport.allCases)
    func responsesThatAreNotProblemsPassWithTheirBody(transport: Transport) async throws {
        try await Self.withServer { port in
            let ok = try await Self.get("/ok", port: port, over: transport)
            #expect(ok == #"{"title": "Dune"}"#)
            let html = try await Self.get("/html", port: port, over: transport)
            #expect(html == "<h1>Bad Gateway</h1>")
        }
    }
}
#endif
