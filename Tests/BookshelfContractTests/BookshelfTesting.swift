import BookshelfContract
import Foundation
import HTTPTypes
import ProblemDetailsTesting
import Testing

#if Vapor
import BookshelfVapor
import Vapor
import VaporTesting
#endif
#if Hummingbird
import BookshelfHummingbird
import Hummingbird
import HummingbirdTesting
#endif

/// The two demo apps; every contract test runs against each, so they cannot drift apart.
enum Demo: CaseIterable, CustomTestStringConvertible, Sendable {
    #if Vapor
    /// `bookshelf`: Vapor, Fluent and SQLite, driven through VaporTesting.
    case vapor
    #endif
    #if Hummingbird
    /// `bookshelf-hummingbird`: Hummingbird with books in memory, driven through HummingbirdTesting.
    case hummingbird
    #endif

    var testDescription: String { self.binaryName }

    /// The executable's name.
    var binaryName: String {
        switch self {
        #if Vapor
        case .vapor: "bookshelf"
        #endif
        #if Hummingbird
        case .hummingbird: "bookshelf-hummingbird"
        #endif
        }
    }

    /// Whether books survive a restart: the Vapor app keeps them in SQLite, the Hummingbird app
    /// in memory, as the contract allows.
    var persists: Bool {
        switch self {
        #if Vapor
        case .vapor: true
        #endif
        #if Hummingbird
        case .hummingbird: false
        #endif
        }
    }
}

/// A request's header fields, written as a dictionary literal.
struct ShelfHeaders: ExpressibleByDictionaryLiteral, Sendable {
    var fields: [(name: String, value: String)]

    init(dictionaryLiteral elements: (String, String)...) {
        self.fields = elements.map { (name: $0.0, value: $0.1) }
    }

    func contains(name: String) -> Bool {
        self.fields.contains { $0.name.lowercased() == name.lowercased() }
    }

    var httpFields: HTTPFields {
        var fields = HTTPFields()
        for field in self.fields {
            if let name = HTTPField.Name(field.name) { fields.append(HTTPField(name: name, value: field.value)) }
        }
        return fields
    }
}

/// A response from either app, read without either framework.
struct ShelfResponse: Sendable {
    struct Headers: Sendable {
        let fields: HTTPFields

        func first(name: String) -> String? { HTTPField.Name(name).flatMap { self.fields[$0] } }
        func first(name: HTTPField.Name) -> String? { self.fields[name] }
        subscript(name: String) -> [String] { HTTPField.Name(name).map { self.fields[values: $0] } ?? [] }
    }

    struct Body: Sendable {
        let bytes: [UInt8]

        var string: String { String(decoding: self.bytes, as: UTF8.self) }
        var readableBytes: Int { self.bytes.count }
        var readableBytesView: [UInt8] { self.bytes }
    }

    let status: HTTPResponse.Status
    let headers: Headers
    let body: Body
}

/// Starts a real bookshelf app for a test and talks to it.
struct Bookshelf: Sendable {
    /// The public URL the test apps run under; problem type URIs start with it.
    static let publicURL = "https://bookshelf.test"

    /// Books that pass every rule, each with its own valid ISBN.
    static let isbns = ["9780306406157", "9781861972712", "9780262033848", "9780131103627", "9780201633610"]

    /// The options both apps are started with: an in-memory database, quiet logs.
    static let options = BookshelfOptions(databasePath: ":memory:", logLevel: "warning", publicURL: Self.publicURL)

    typealias Send = @Sendable (HTTPRequest.Method, String, HTTPFields, [UInt8]?, Bool) async throws -> ShelfResponse

    let demo: Demo
    private let sender: Send

    /// Runs a test against a freshly made app with an empty store and a Prometheus registry of its
    /// own, so tests running at once do not see each other's books or problems.
    static func run<T: Sendable>(_ demo: Demo, _ test: @Sendable (Bookshelf) async throws -> T) async throws -> T {
        switch demo {
        #if Vapor
        case .vapor:
            return try await withApp(configure: { app in try await configure(app, options: Self.options) }) { app in
                // In memory by default; VaporTesting's in-memory requests skip the body limit,
                // so `live` ones go over a real connection to a server started for them.
                let sender: Send = { method, path, headers, body, live in
                    let tester =
                        live ? try app.testing(method: .running(hostname: "127.0.0.1", port: 0)) : try app.testing()
                    let response = try await tester.sendRequest(
                        Vapor.HTTPMethod(rawValue: method.rawValue),
                        path,
                        headers: HTTPHeaders(headers.map { ($0.name.rawName, $0.value) }),
                        body: body.map { ByteBuffer(bytes: $0) }
                    )
                    var fields = HTTPFields()
                    for (name, value) in response.headers {
                        if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
                    }
                    return ShelfResponse(
                        status: HTTPResponse.Status(code: Int(response.status.code)),
                        headers: .init(fields: fields),
                        body: .init(bytes: Array(response.body.readableBytesView))
                    )
                }
                return try await test(Bookshelf(demo: demo, sender: sender))
            }
        #endif
        #if Hummingbird
        case .hummingbird:
            let app = try BookshelfApplication.make(options: Self.options)
            // A live server and AsyncHTTPClient, so requests can race.
            return try await app.test(.ahc(.http)) { client in
                let sender: Send = { method, path, headers, body, _ in
                    let response = try await client.executeRequest(
                        uri: path,
                        method: method,
                        headers: headers,
                        body: body.map { ByteBuffer(bytes: $0) }
                    )
                    return ShelfResponse(
                        status: response.status,
                        headers: .init(fields: response.headers),
                        body: .init(bytes: Array(response.body.readableBytesView))
                    )
                }
                return try await test(Bookshelf(demo: demo, sender: sender))
            }
        #endif
        }
    }

    /// Sends a request; `json` is sent as the body with `Content-Type: application/json` unless
    /// `headers` names another type.
    func send(
        _ method: HTTPRequest.Method,
        _ path: String,
        headers: ShelfHeaders = [:],
        json: String? = nil
    ) async throws -> ShelfResponse {
        var fields = headers.httpFields
        if json != nil, !headers.contains(name: "Content-Type") { fields[.contentType] = "application/json" }
        return try await self.sender(method, path, fields, json.map { Array($0.utf8) }, false)
    }

    /// Sends a request over a real connection to the app.
    func sendLive(_ method: HTTPRequest.Method, _ path: String, headers: ShelfHeaders = [:], body: String? = nil)
        async throws -> ShelfResponse
    {
        try await self.sender(method, path, headers.httpFields, body.map { Array($0.utf8) }, true)
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

extension HTTPRequest.Method {
    // The contract's spelling of methods, so the tests read like its table.
    static let GET = HTTPRequest.Method.get
    static let HEAD = HTTPRequest.Method.head
    static let POST = HTTPRequest.Method.post
    static let PUT = HTTPRequest.Method.put
    static let PATCH = HTTPRequest.Method.patch
    static let DELETE = HTTPRequest.Method.delete
    static let OPTIONS = HTTPRequest.Method.options
}

/// Reading JSON bodies without the library under test.
enum JSON {
    static func value(_ response: ShelfResponse) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(response.body.bytes))
    }

    static func object(_ response: ShelfResponse) throws -> [String: Any] {
        try #require(try value(response) as? [String: Any], "not a JSON object: \(response.body.string)")
    }

    static func array(_ response: ShelfResponse) throws -> [Any] {
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
        _ response: ShelfResponse,
        status: HTTPResponse.Status,
        slug: String?,
        instance: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [String: Any] {
        // The package's own assertions first: every RFC 9457 rule, the status and the type.
        let type = slug.map { "\(Bookshelf.publicURL)/problems/\($0)" } ?? "about:blank"
        let head = HTTPResponse(status: response.status, headerFields: response.headers.fields)
        #expect(throws: Never.self, sourceLocation: sourceLocation) {
            try ProblemAssertion.problem(head, body: response.body.bytes, status: status, type: type)
        }
        #expect(
            response.headers.first(name: .contentType) == "application/problem+json",
            sourceLocation: sourceLocation
        )
        #expect(response.headers.first(name: .vary) == "Accept, Accept-Language", sourceLocation: sourceLocation)
        let body = try JSON.object(response)
        #expect(body["type"] as? String == type, sourceLocation: sourceLocation)
        #expect((body["title"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
        #expect(body["status"] as? Int == status.code, sourceLocation: sourceLocation)
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
