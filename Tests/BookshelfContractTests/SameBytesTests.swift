import BookshelfContract
import Foundation
import HTTPTypes
import TestEnvironment
import Testing

/// The two apps answer the same request with the same status, header fields and body bytes: the
/// contract's "same bytes on the wire", checked by sending each request to both.
@Suite struct SameBytesTests {
    struct Exchange: Sendable, CustomTestStringConvertible {
        var method: HTTPRequest.Method
        var path: String
        var headers: ShelfHeaders = [:]
        var json: String?

        var testDescription: String { "\(self.method) \(self.path) \(self.headers.fields.map(\.value))" }
    }

    /// The header fields the contract fixes; `Date`, `Server` and `Connection` are the server's own.
    static let comparedFields = [
        "Content-Type", "Content-Length", "Content-Language", "Vary", "Allow", "Retry-After", "WWW-Authenticate", "X-Request-ID",
        "X-Correlation-ID", "Accept-Post", "RateLimit-Policy", "RateLimit",
    ]

    static let exchanges: [Exchange] = [
        Exchange(method: .GET, path: "/books/not-a-uuid"),
        Exchange(method: .GET, path: "/books/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d", headers: ["Accept-Language": "de"]),
        Exchange(method: .GET, path: "/nowhere?q=1"),
        Exchange(method: .PATCH, path: "/books"),
        Exchange(method: .PATCH, path: "/books/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d"),
        Exchange(method: .POST, path: "/problems/timeout"),
        Exchange(method: .DELETE, path: "/health", headers: ["Accept": "application/problem+xml"]),
        Exchange(method: .POST, path: "/books", json: #"{"title": 7, "isbn": "123", "year": 99, "tags": ["", 3], "colour": "red"}"#),
        Exchange(method: .POST, path: "/books", json: "{\n  \"title\": \"T\",,\n}"),
        Exchange(method: .POST, path: "/books", headers: ["Content-Type": "text/plain"], json: "title=T"),
        Exchange(method: .GET, path: "/admin"),
        Exchange(method: .GET, path: "/admin", headers: ["Authorization": "Bearer reader", "Accept": "text/html"]),
        Exchange(method: .GET, path: "/maintenance", headers: ["Accept": "application/vnd.bookshelf.legacy+json"]),
        Exchange(method: .GET, path: "/boom", headers: ["Accept-Language": "de", "Accept": "text/html"]),
        Exchange(method: .GET, path: "/slow?seconds=-1"),
        Exchange(method: .GET, path: "/problems/no-such-type"),
        Exchange(method: .GET, path: "/problems/validation-error", headers: ["Accept-Language": "de"]),
        Exchange(method: .GET, path: "/problems"),
        Exchange(method: .GET, path: "/health", headers: ["X-Correlation-ID": "corr-1"]),
        Exchange(method: .GET, path: "/books"),
        Exchange(method: .GET, path: "/openapi.json"),
        Exchange(method: .HEAD, path: "/books/not-a-uuid"),
        Exchange(method: .HEAD, path: "/boom", headers: ["Accept": "application/problem+xml"]),
    ].filter { exchange in
        // The parameter is read inside the route's 1 s limit, which a sanitizer's slowdown with
        // the rest of the suite running in parallel can outlast (see `RoutesTests`).
        !(Sanitizer.isActive && exchange.path.hasPrefix("/slow"))
    }

    @Test(arguments: Self.exchanges)
    func bothAppsAnswerAlike(exchange: Exchange) async throws {
        let demos = Demo.allCases
        guard demos.count == 2 else { return }
        var responses: [ShelfResponse] = []
        for demo in demos {
            var headers = exchange.headers
            if !headers.contains(name: "X-Correlation-ID") { headers.fields.append((name: "X-Request-ID", value: "same-1")) }
            let sent = headers
            let response = try await Bookshelf.run(demo) { shelf in
                try await shelf.send(exchange.method, exchange.path, headers: sent, json: exchange.json)
            }
            responses.append(response)
        }
        let (first, second) = (responses[0], responses[1])
        #expect(first.status == second.status)
        for name in Self.comparedFields {
            #expect(first.headers[name] == second.headers[name], "\(name)")
        }
        #expect(first.body.string == second.body.string)
    }
}
