#if Hummingbird && AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// A server that answers every request with a conforming 404 problem, except for one flaw.
enum Flaw: String, CaseIterable, CustomTestStringConvertible {
    case none
    case wrongContentType
    case statusMismatch
    case leakedStack
    case reflectedRequestID
    case notAcceptableForHTML
    case aboutBlankTitle
    case relativeType
    case noAllow

    var testDescription: String { self.rawValue }

    /// The check `problem check` must fail because of the flaw.
    var failingCheck: String? {
        switch self {
        case .none: nil
        case .wrongContentType: "problem-content-type"
        case .statusMismatch: "status-member-matches"
        case .leakedStack: "no-leak"
        case .reflectedRequestID: "request-id-injection"
        case .notAcceptableForHTML: "accept-variant"
        case .aboutBlankTitle: "about-blank-title"
        case .relativeType: "type-uri"
        case .noAllow: "method-not-allowed"
        }
    }
}

struct FlawedResponder: RouterMiddleware {
    typealias Context = BasicRequestContext
    let flaw: Flaw

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var status = HTTPResponse.Status.notFound
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        var type = "about:blank"
        var title = "Not Found"
        var detail: String?
        if request.uri.path == "/books", request.method != .get {
            status = .methodNotAllowed
            title = "Method Not Allowed"
            if self.flaw != .noAllow { headers[.allow] = "GET" }
        }
        var statusMember = status.code
        if let id = request.headers[HTTPField.Name("X-Request-ID")!] {
            let valid = id.utf8.count <= 64 && id.utf8.allSatisfy { $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
            if valid || self.flaw == .reflectedRequestID {
                headers[HTTPField.Name("X-Request-ID")!] = id
            }
        }
        switch self.flaw {
        case .none, .reflectedRequestID, .noAllow: break
        case .wrongContentType: headers[.contentType] = "application/json"
        case .statusMismatch: statusMember = 400
        case .leakedStack: detail = "at com.example.Db.query(Db.java:42)"
        case .notAcceptableForHTML:
            if request.headers[.accept] == "text/html" { status = .notAcceptable }
        case .aboutBlankTitle: title = "Oops"
        case .relativeType: type = "problems/missing"
        }
        var members = [#""type":"\#(type)""#, #""title":"\#(title)""#, #""status":\#(statusMember)"#]
        if let detail { members.append(#""detail":"\#(detail)""#) }
        let body = request.method == .head ? "" : "{" + members.joined(separator: ",") + "}"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}

@Suite(.serialized) struct CheckCommandTests {
    let tool = ParseCommandTests()

    static func application(_ flaw: Flaw) -> some ApplicationProtocol {
        let router = Router()
        router.add(middleware: FlawedResponder(flaw: flaw))
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    /// Runs `problem check --format json` against a server with the flaw.
    func check(_ flaw: Flaw, _ extra: [String] = []) async throws -> (status: Int32, report: [String: Any]) {
        try await Self.application(flaw).test(.live) { client in
            let port = try #require(client.port)
            let run = try await tool.runConcurrently(
                ["check", "http://127.0.0.1:\(port)", "--path", "/books", "--format", "json"] + extra
            )
            return (run.status, try tool.json(run.output))
        }
    }

    static func failed(_ report: [String: Any]) -> [String] {
        ((report["checks"] as? [[String: Any]]) ?? []).filter { $0["outcome"] as? String == "failed" }
            .compactMap { $0["id"] as? String }
    }

    @Test(arguments: Flaw.allCases)
    func eachFlawFailsItsCheckAndOnlyAConformingServerPasses(flaw: Flaw) async throws {
        let (status, report) = try await check(flaw)
        let failed = Self.failed(report)
        if let expected = flaw.failingCheck {
            #expect(status == 1)
            #expect(failed.contains(expected), "\(failed)")
        } else {
            #expect(status == 0, "\(failed)")
            #expect(failed.isEmpty)
            let summary = try #require(report["summary"] as? [String: Any])
            #expect((summary["passed"] as? Int ?? 0) > 30)
            #expect((summary["requests"] as? Int ?? 99) <= 60)
        }
    }

    @Test func theRequestBudgetIsHonoured() async throws {
        let (status, report) = try await check(.none, ["--max-requests", "3"])
        #expect(status == 0)
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["requests"] as? Int == 3)
        let checks = (report["checks"] as? [[String: Any]]) ?? []
        #expect(checks.contains { $0["id"] as? String == "request-budget" })
    }

    @Test func anUnreachableAPIIsExit2AndABadURLIsAUsageError() throws {
        let unreachable = try tool.run(["check", "http://127.0.0.1:9", "--timeout", "2"])
        #expect(unreachable.status == 2)
        #expect(unreachable.error.contains("cannot reach"))
        #expect(try tool.run(["check", "ftp://example.com"]).status == 2)
        #expect(try tool.run(["check", "http://127.0.0.1:9", "--path", "books"]).status == 2)
    }

    @Test func anOpenAPIDocumentsErrorResponsesMustDeclareProblemContent() async throws {
        let document = """
            {"openapi": "3.1.0", "paths": {"/books": {"get": {"responses": {
              "200": {"description": "ok", "content": {"application/json": {}}},
              "404": {"description": "gone", "content": {"application/problem+json": {}}},
              "422": {"$ref": "#/components/responses/Bad"}}}}},
             "components": {"responses": {"Bad": {"description": "bad", "content": {"application/json": {}}}}}}
            """
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("openapi-\(UUID().uuidString).json")
        try Data(document.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let (status, report) = try await check(.none, ["--openapi", file.path])
        #expect(status == 1)
        let checks = ((report["checks"] as? [[String: Any]]) ?? []).filter { $0["id"] as? String == "openapi-problem-content" }
        #expect(checks.map { $0["outcome"] as? String } == ["passed", "failed"])
        #expect((checks.last?["observed"] as? String)?.contains("GET /books 422") == true)

        // The document's paths are probed with a method it does not list: PATCH /books.
        let methods = ((report["checks"] as? [[String: Any]]) ?? []).filter { $0["id"] as? String == "method-not-allowed" }
        #expect(methods.contains { ($0["observed"] as? String)?.hasPrefix("PATCH /books") == true && $0["outcome"] as? String == "passed" })
        let (_, flawed) = try await check(.noAllow, ["--openapi", file.path])
        #expect(Self.failed(flawed).contains("method-not-allowed"))
    }
}
#endif
