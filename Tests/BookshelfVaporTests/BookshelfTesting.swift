#if Vapor
import BookshelfContract
import BookshelfVapor
import Foundation
import Testing
import Vapor
import VaporTesting

/// Starts the real bookshelf app for a test and talks to it.
struct Bookshelf {
    /// The public URL the test apps run under; problem type URIs start with it.
    static let publicURL = "https://bookshelf.test"

    /// Books that pass every rule, each with its own valid ISBN.
    static let isbns = ["9780306406157", "9781861972712", "9780262033848", "9780131103627", "9780201633610"]

    let app: Application

    /// Runs a test against a freshly configured app with an in-memory database and a Prometheus
    /// registry of its own, so tests running at once do not count each other's problems.
    static func run<T>(_ test: (Bookshelf) async throws -> T) async throws -> T {
        try await withApp(
            configure: { app in
                try await configure(
                    app,
                    options: BookshelfOptions(databasePath: ":memory:", logLevel: "warning", publicURL: Self.publicURL)
                )
            },
            { app in try await test(Bookshelf(app: app)) }
        )
    }

    /// Sends a request in memory; `json` is sent as the body with `Content-Type: application/json`
    /// unless `headers` names another type.
    func send(
        _ method: HTTPMethod,
        _ path: String,
        headers: HTTPHeaders = [:],
        json: String? = nil
    ) async throws -> TestingHTTPResponse {
        var headers = headers
        if json != nil, !headers.contains(name: .contentType) { headers.contentType = .json }
        return try await self.app.testing().sendRequest(
            method,
            path,
            headers: headers,
            body: json.map { ByteBuffer(string: $0) }
        )
    }

    /// Sends a request over a real connection to the app, served on a free port for the request.
    func sendLive(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: ByteBuffer? = nil)
        async throws -> TestingHTTPResponse
    {
        try await self.app.testing(method: .running(hostname: "127.0.0.1", port: 0))
            .sendRequest(method, path, headers: headers, body: body)
    }

    /// Creates a book and returns its id.
    func create(title: String = "A Book", isbn: String, year: Int = 1999, tags: [String] = []) async throws -> String {
        let tagsJSON = "[" + tags.map { "\"\($0)\"" }.joined(separator: ",") + "]"
        let response = try await self.send(
            .POST,
            "/books",
            json: #"{"title": "\#(title)", "isbn": "\#(isbn)", "year": \#(year), "tags": \#(tagsJSON)}"#
        )
        #expect(response.status == .created)
        return try #require(try JSON.object(response)["id"] as? String)
    }
}

/// Reading JSON bodies without the library under test.
enum JSON {
    static func value(_ response: TestingHTTPResponse) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
    }

    static func object(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try value(response) as? [String: Any], "not a JSON object: \(response.body.string)")
    }

    static func array(_ response: TestingHTTPResponse) throws -> [Any] {
        try #require(try value(response) as? [Any], "not a JSON array: \(response.body.string)")
    }
}

/// The checks every problem response must pass.
enum ProblemChecks {
    /// Checks the members and header fields every problem+json response has, and returns its body.
    ///
    /// - Parameters:
    ///   - response: The response.
    ///   - status: The status expected, in the status line and in `status`.
    ///   - slug: The type's slug, or `nil` for `about:blank`.
    ///   - instance: The request path.
    @discardableResult
    static func expectProblem(
        _ response: TestingHTTPResponse,
        status: HTTPResponseStatus,
        slug: String?,
        instance: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [String: Any] {
        #expect(response.status == status, sourceLocation: sourceLocation)
        #expect(
            response.headers.first(name: .contentType) == "application/problem+json",
            sourceLocation: sourceLocation
        )
        #expect(response.headers.first(name: .vary) == "Accept, Accept-Language", sourceLocation: sourceLocation)
        let body = try JSON.object(response)
        let type = slug.map { "\(Bookshelf.publicURL)/problems/\($0)" } ?? "about:blank"
        #expect(body["type"] as? String == type, sourceLocation: sourceLocation)
        #expect((body["title"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
        #expect(body["status"] as? Int == Int(status.code), sourceLocation: sourceLocation)
        #expect(body["instance"] as? String == instance, sourceLocation: sourceLocation)
        let requestID = body["request_id"] as? String
        #expect(requestID != nil, sourceLocation: sourceLocation)
        #expect(response.headers.first(name: "X-Request-ID") == requestID, sourceLocation: sourceLocation)
        #expect(body["debug"] == nil, sourceLocation: sourceLocation)
        for name in body.keys {
            #expect(
                name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" },
                "member \(name) is not snake_case",
                sourceLocation: sourceLocation
            )
        }
        return body
    }

    /// The `errors` member's items.
    static func errors(_ body: [String: Any]) throws -> [[String: String]] {
        let items = try #require(body["errors"] as? [[String: Any]])
        return items.map { item in item.compactMapValues { $0 as? String } }
    }
}
#endif
