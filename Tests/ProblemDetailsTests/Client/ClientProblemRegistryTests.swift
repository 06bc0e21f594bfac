import Foundation
import HTTPTypes
import ProblemDetails
import Testing

/// An application's own error type for the RFC's example problem.
struct OutOfCredit: Decodable, Error, Equatable {
    var type: String
    var status: Int
    var detail: String?
    var balance: Int
    var accounts: [String]
}

/// A type that keeps the generic problem as well.
struct Throttled: Decodable, Error {
    var retryAfter: Int
    var problem: Problem?

    enum CodingKeys: String, CodingKey { case retryAfter = "retry_after" }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.retryAfter = try container.decode(Int.self, forKey: .retryAfter)
        self.problem = decoder.userInfo[.problem] as? Problem
    }
}

@Suite struct ClientProblemRegistryTests {
    static let url = "https://api.example.com/account/12345/msgs/abc"

    static var problems: ClientProblemRegistry {
        var problems = ClientProblemRegistry(baseURI: "https://api.example.com")
        problems.register(OutOfCredit.self, for: "/problems/out-of-credit")
        problems.register(Throttled.self, for: "https://api.example.com/problems/throttled")
        return problems
    }

    static func response(_ status: HTTPResponse.Status, _ contentType: String = "application/problem+json",
                         _ fields: HTTPFields = [:]) -> HTTPResponse {
        var all = fields
        all[.contentType] = contentType
        return HTTPResponse(status: status, headerFields: all)
    }

    static let outOfCredit = """
        {"type": "/problems/out-of-credit", "title": "You do not have enough credit.", "status": 403,
         "detail": "Your current balance is 30, but that costs 50.", "instance": "/account/12345/msgs/abc",
         "balance": 30, "accounts": ["/account/12345", "/account/67890"], "unknown": {"x": 1}}
        """

    @Test func registeredTypeIsDecodedAfterResolvingTheTypeAgainstTheURL() throws {
        let received = try #require(
            Self.problems.received(Self.response(.forbidden), body: Array(Self.outOfCredit.utf8), url: Self.url)
        )
        let credit = try #require(received.typedError as? OutOfCredit)
        #expect(credit.type == "https://api.example.com/problems/out-of-credit")
        #expect(credit == OutOfCredit(
            type: "https://api.example.com/problems/out-of-credit", status: 403,
            detail: "Your current balance is 30, but that costs 50.", balance: 30,
            accounts: ["/account/12345", "/account/67890"]
        ))
        #expect(received.problem.instance == "https://api.example.com/account/12345/msgs/abc")
        #expect(received.diagnostics.isEmpty)
        #expect(throws: OutOfCredit.self) {
            try Self.problems.throwIfProblem(Self.response(.forbidden), body: Array(Self.outOfCredit.utf8), url: Self.url)
        }
    }

    @Test func unknownTypesAreTheGenericProblem() throws {
        let body = #"{"type": "https://other.example/p/teapot", "title": "Teapot", "detail": "short and stout", "x": 1}"#
        let error = Self.problems.error(for: Self.response(.init(code: 418)), body: Array(body.utf8), url: Self.url)
        let problem = try #require(error as? Problem)
        #expect(problem.type == "https://other.example/p/teapot")
        #expect(problem.detail == "short and stout")
        #expect(problem.extensions["x"] == 1)
    }

    @Test func aTypeThatDoesNotDecodeFallsBackWithDiagnostics() throws {
        let body = #"{"type": "/problems/out-of-credit", "status": 403, "balance": "lots"}"#
        let received = try #require(Self.problems.received(Self.response(.forbidden), body: Array(body.utf8), url: Self.url))
        #expect(received.typedError == nil)
        #expect(received.error is Problem)
        let messages = received.diagnostics.map(\.description)
        #expect(messages.contains { $0.contains("/balance") && $0.contains("OutOfCredit") })
        #expect(messages.contains { $0.contains("/accounts") && $0.contains("required") })
    }

    @Test func malformedBodiesAreStillProblemsWithTheResponseStatus() throws {
        for body in ["{\"type\": ", "", "[1, 2]", "<html>oops</html>", String(repeating: "[", count: 5000)] {
            let received = try #require(
                Self.problems.received(Self.response(.badGateway), body: Array(body.utf8), url: Self.url)
            )
            #expect(received.problem.status == .badGateway)
            #expect(received.problem.isAboutBlank)
            #expect(received.diagnostics.first?.description.contains("not a problem document") == true)
        }
    }

    @Test func oversizedBodiesAreNotRead() throws {
        var problems = Self.problems
        problems.maximumSize = 64
        let received = try #require(
            problems.received(Self.response(.forbidden), body: Array(Self.outOfCredit.utf8), url: Self.url)
        )
        #expect(received.typedError == nil)
        #expect(received.problem.status == .forbidden)
        #expect(received.diagnostics.first?.description.contains("larger than 64 bytes") == true)
    }

    /// A hostile server's body with tens of thousands of members is read in linear time: building
    /// the object a typed error decodes from once checked every name against all before it.
    @Test(.timeLimit(.minutes(1)))
    func aRegisteredTypeWithManyMembersDecodesInLinearTime() throws {
        let members = (0..<80_000).map { "\"m\($0)\":0" }.joined(separator: ",")
        let body = #"{"type":"/problems/out-of-credit","balance":30,"accounts":[],"# + members + "}"
        let received = try #require(
            Self.problems.received(Self.response(.forbidden), body: Array(body.utf8), url: Self.url)
        )
        #expect((received.typedError as? OutOfCredit)?.balance == 30)
        #expect(received.problem.extensions.count == 80_002)
    }

    @Test func withoutAURLRelativeTypesResolveAgainstTheRegistrysBase() throws {
        let received = try #require(
            Self.problems.received(Self.response(.forbidden), body: Array(Self.outOfCredit.utf8), url: nil)
        )
        #expect(received.typedError is OutOfCredit)
    }

    @Test func onlyTheProblemsOwnHeaderFieldsGoIntoIt() throws {
        let fields: HTTPFields = [
            .retryAfter: "5", .wwwAuthenticate: "Bearer", .setCookie: "session=abc", .cacheControl: "no-store",
            HTTPField.Name("X-Request-ID")!: "upstream-1",
        ]
        let received = try #require(
            Self.problems.received(Self.response(.tooManyRequests, "application/problem+json", fields), body: Array("{}".utf8), url: nil)
        )
        #expect(received.problem.headers == [.retryAfter: "5", .wwwAuthenticate: "Bearer"])
        #expect(received.headerFields[.setCookie] == "session=abc")
        #expect(received.headerFields[HTTPField.Name("X-Request-ID")!] == "upstream-1")
    }

    @Test func responsesThatAreNotProblemsAreLeftAlone() {
        let json = Array(#"{"title": "x"}"#.utf8)
        #expect(Self.problems.received(Self.response(.badRequest, "application/json"), body: json, url: nil) == nil)
        #expect(Self.problems.received(Self.response(.ok), body: json, url: nil) == nil)
        #expect(Self.problems.received(HTTPResponse(status: .badRequest), body: json, url: nil) == nil)
        #expect(throws: Never.self) {
            try Self.problems.throwIfProblem(Self.response(.ok, "application/json"), body: json, url: nil)
        }
        #expect(ClientProblemRegistry.isProblem(Self.response(.notFound, "Application/Problem+JSON; charset=utf-8")))
        #expect(!ClientProblemRegistry.isProblem(Self.response(.notFound, "application/problem+jsonx")))
    }

    @Test func retryAfterHeaderReachesTheTypedErrorAsTheMember() throws {
        let body = #"{"type": "/problems/throttled", "status": 429}"#
        let response = Self.response(.tooManyRequests, "application/problem+json", [.retryAfter: "17"])
        let received = try #require(Self.problems.received(response, body: Array(body.utf8), url: Self.url))
        let throttled = try #require(received.typedError as? Throttled)
        #expect(throttled.retryAfter == 17)
        #expect(throttled.problem?.retryAfter == 17)
        #expect(received.problem.retryAfter == 17)
        #expect(received.problem.headers[.contentType] == nil)
    }

    @Test func statusDefaultsToTheResponsesAndAMismatchIsReported() throws {
        let noStatus = #"{"type": "/problems/out-of-credit", "balance": 1, "accounts": []}"#
        let received = try #require(Self.problems.received(Self.response(.forbidden), body: Array(noStatus.utf8), url: Self.url))
        #expect((received.typedError as? OutOfCredit)?.status == 403)
        for body in [#"{"type": "https://x.example/overloaded"}"#, "{}"] {
            let generic = try #require(Self.problems.received(Self.response(.serviceUnavailable), body: Array(body.utf8), url: nil))
            #expect(generic.problem.status == .serviceUnavailable, "\(body)")
        }

        let mismatch = #"{"status": 400}"#
        let proxied = try #require(Self.problems.received(Self.response(.badGateway), body: Array(mismatch.utf8), url: nil))
        #expect(proxied.status == .badGateway)
        #expect(proxied.problem.status == .badRequest)
        #expect(proxied.diagnostics.contains { $0.member == "status" })
    }

    #if XML
    /// XML holds numbers as text: a `Decimal`, or a `Date` read as seconds since 1970, must read
    /// them as the JSON form of the same problem does.
    @Test func xmlProblemsDecodeDecimalsAndNumericDatesFromText() throws {
        struct Invoice: Decodable, Error {
            var amount: Decimal
            var due: Date
        }
        var problems = ClientProblemRegistry(baseURI: "https://api.example.com")
        problems.register(Invoice.self, for: "/problems/unpaid")
        problems.dateDecodingStrategy = .secondsSince1970
        let xml = #"<problem xmlns="urn:ietf:rfc:7807"><type>/problems/unpaid</type><amount>12.50</amount><due>86400</due></problem>"#
        let json = #"{"type": "/problems/unpaid", "amount": 12.50, "due": 86400}"#
        for (body, contentType) in [(xml, "application/problem+xml"), (json, "application/problem+json")] {
            let received = try #require(
                problems.received(Self.response(.forbidden, contentType), body: Array(body.utf8), url: Self.url)
            )
            let invoice = try #require(received.typedError as? Invoice, "\(contentType): \(received.diagnostics)")
            #expect(invoice.amount == Decimal(string: "12.5"))
            #expect(invoice.due == Date(timeIntervalSince1970: 86_400))
        }
    }

    @Test func xmlProblemsDecodeNumbersFromText() throws {
        let body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <problem xmlns="urn:ietf:rfc:7807">
              <type>/problems/out-of-credit</type>
              <status>403</status>
              <balance>30</balance>
              <accounts><i>/account/12345</i></accounts>
            </problem>
            """
        let received = try #require(
            Self.problems.received(Self.response(.forbidden, "application/problem+xml"), body: Array(body.utf8), url: Self.url)
        )
        let credit = try #require(received.typedError as? OutOfCredit)
        #expect(credit.balance == 30)
        #expect(credit.accounts == ["/account/12345"])

        // XML writes an empty array as an empty element.
        let empty = #"<problem xmlns="urn:ietf:rfc:7807"><type>/problems/out-of-credit</type><balance>0</balance><accounts/></problem>"#
        let emptyReceived = try #require(
            Self.problems.received(Self.response(.forbidden, "application/problem+xml"), body: Array(empty.utf8), url: Self.url)
        )
        #expect((emptyReceived.typedError as? OutOfCredit)?.accounts == [])
    }
    #endif

    @Test func aSharedServerRegistryIdentifiesTheDeclaredType() throws {
        let declared = ProblemType(slug: "out-of-credit", title: "You do not have enough credit.", status: .forbidden)
        let registry = try ProblemRegistry(baseURI: "https://api.example.com", types: [declared])
        var problems = ClientProblemRegistry(registry)
        problems.register(OutOfCredit.self, for: declared)
        #expect(problems.registeredTypeURIs == ["https://api.example.com/problems/out-of-credit"])
        let received = try #require(problems.received(Self.response(.forbidden), body: Array(Self.outOfCredit.utf8), url: Self.url))
        #expect(received.problemType == declared)
        #expect(received.typedError is OutOfCredit)
        let notFound = try #require(
            problems.received(Self.response(.notFound), body: Array(#"{"type": "/problems/resource-not-found"}"#.utf8), url: Self.url)
        )
        #expect(notFound.problemType == registry.type(forSlug: "resource-not-found"))
    }
}
