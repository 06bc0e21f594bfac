import Foundation
import Testing
import HTTPTypes

/// Content and language negotiation of problem responses, and HEAD.
@Suite struct NegotiationTests {
    static let missing = "/books/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d"

    @Test(arguments: Demo.allCases, [
        nil, "application/json", "application/problem+json", "*/*", "image/png", "text/plain, application/pdf",
        "application/*",
    ] as [String?])
    func jsonIsTheDefault(demo: Demo, accept: String?) async throws {
        try await Bookshelf.run(demo) { shelf in
            let headers: ShelfHeaders = accept.map { ["Accept": $0] } ?? [:]
            let response = try await shelf.send(.GET, Self.missing, headers: headers)
            try ProblemChecks.expectProblem(response, status: .notFound, slug: "resource-not-found", instance: Self.missing)
            #expect(response.headers.first(name: .contentLanguage) == "en")
        }
    }

    @Test(arguments: Demo.allCases, [
        "application/problem+xml", "application/xml",
        "application/problem+json;q=0.5, application/problem+xml",
        "application/json;q=0.1, application/xml;q=0.9",
    ])
    func xmlWhenPreferred(demo: Demo, accept: String) async throws {
        try await Bookshelf.run(demo) { shelf in
            let response = try await shelf.send(.GET, Self.missing, headers: ["Accept": accept])
            #expect(response.status == .notFound)
            #expect(response.headers.first(name: .contentType) == "application/problem+xml")
            #expect(response.headers.first(name: .vary) == "Accept, Accept-Language")
            let body = response.body.string
            #expect(body.contains(#"<problem xmlns="urn:ietf:rfc:7807">"#))
            #expect(body.contains("<type>\(Bookshelf.publicURL)/problems/resource-not-found</type>"))
            #expect(body.contains("<status>404</status>"))
            #expect(body.contains("<instance>\(Self.missing)</instance>"))
            #expect(body.contains("<request_id>"))
        }
    }

    @Test(arguments: Demo.allCases, ["text/html", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"])
    func htmlWhenPreferred(demo: Demo, accept: String) async throws {
        try await Bookshelf.run(demo) { shelf in
            let response = try await shelf.send(
                .GET,
                Self.missing,
                headers: ["Accept": accept, "X-Request-ID": "html-request-1"]
            )
            #expect(response.status == .notFound)
            #expect(response.headers.first(name: .contentType)?.hasPrefix("text/html") == true)
            let body = response.body.string
            #expect(body.contains("404"))
            #expect(body.contains("The resource does not exist."))
            #expect(body.contains("There is no book with the id"))
            #expect(body.contains("html-request-1"))
        }
    }

    @Test(arguments: Demo.allCases) func theLegacyEnvelopeForOldClients(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let legacy: ShelfHeaders = ["Accept": "application/vnd.bookshelf.legacy+json", "X-Request-ID": "legacy-1"]
            let notFound = try await shelf.send(.GET, Self.missing, headers: legacy)
            #expect(notFound.status == .notFound)
            #expect(notFound.headers.first(name: .contentType) == "application/vnd.bookshelf.legacy+json")
            let error = try #require(try JSON.object(notFound)["error"] as? [String: Any])
            #expect(error["code"] as? String == "resource_not_found")
            #expect((error["message"] as? String)?.hasPrefix("There is no book") == true)
            #expect(error["type"] as? String == "/errors/resource-not-found")
            #expect(error["request_id"] as? String == "legacy-1")
            let details = try #require(error["details"] as? [String: Any])
            #expect(details["resource"] as? String == "book")

            let invalid = try await shelf.send(.POST, "/books", headers: legacy, json: #"{"title": ""}"#)
            #expect(invalid.status == .unprocessableContent)
            let validation = try #require(try JSON.object(invalid)["error"] as? [String: Any])
            #expect(validation["code"] as? String == "validation_error")
            #expect(validation["type"] as? String == "/errors/validation-error")
            let items = try #require(validation["details"] as? [[String: Any]])
            #expect(items.contains { $0["pointer"] as? String == "#/isbn" })

            let unknown = try await shelf.send(.GET, "/nowhere", headers: legacy)
            let blank = try #require(try JSON.object(unknown)["error"] as? [String: Any])
            #expect(blank["code"] as? String == "not_found")
            #expect(blank["message"] as? String == "Not Found")
            #expect(blank["details"] is NSNull)
        }
    }

    @Test(arguments: Demo.allCases, ["de", "de-DE", "fr;q=1, de;q=0.5", "de-CH, en;q=0.5"])
    func germanTitlesWhenGermanIsPreferred(demo: Demo, acceptLanguage: String) async throws {
        try await Bookshelf.run(demo) { shelf in
            let response = try await shelf.send(.GET, Self.missing, headers: ["Accept-Language": acceptLanguage])
            let body = try ProblemChecks.expectProblem(
                response,
                status: .notFound,
                slug: "resource-not-found",
                instance: Self.missing
            )
            #expect(body["title"] as? String == "Die Ressource existiert nicht.")
            #expect(response.headers.first(name: .contentLanguage) == "de")
        }
    }

    @Test(arguments: Demo.allCases, ["en", "de;q=0.1, en", "fr", "*"])
    func englishTitlesOtherwise(demo: Demo, acceptLanguage: String) async throws {
        try await Bookshelf.run(demo) { shelf in
            let response = try await shelf.send(.GET, Self.missing, headers: ["Accept-Language": acceptLanguage])
            let body = try ProblemChecks.expectProblem(
                response,
                status: .notFound,
                slug: "resource-not-found",
                instance: Self.missing
            )
            #expect(body["title"] as? String == "The resource does not exist.")
            #expect(response.headers.first(name: .contentLanguage) == "en")
        }
    }

    @Test(arguments: Demo.allCases) func everyAPITypeHasAGermanTitleInResponses(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let german: ShelfHeaders = ["Accept-Language": "de"]
            let id = try await shelf.create(isbn: Bookshelf.isbns[0])
            var cases: [(ShelfResponse, String)] = []
            cases.append((try await shelf.send(.POST, "/books", headers: german, json: "{}"), "Ihre Anfrage ist nicht gültig."))
            cases.append((try await shelf.send(.POST, "/books", headers: german, json: "{"), "Der Inhalt der Anfrage ist fehlerhaft."))
            cases.append((try await shelf.send(.GET, "/books/x", headers: german), "Ein Parameter der Anfrage ist nicht gültig."))
            cases.append((try await shelf.send(.GET, "/admin", headers: german), "Eine Anmeldung ist erforderlich."))
            var reader = german
            reader.fields.append((name: "Authorization", value: "Bearer reader"))
            cases.append((try await shelf.send(.GET, "/admin", headers: reader), "Sie dürfen das nicht tun."))
            cases.append((try await shelf.send(.GET, Self.missing, headers: german), "Die Ressource existiert nicht."))
            cases.append((
                try await shelf.send(
                    .POST,
                    "/books",
                    headers: german,
                    json: #"{"title": "T", "isbn": "\#(Bookshelf.isbns[0])", "year": 2000}"#
                ),
                "Die Anfrage steht im Widerspruch zum aktuellen Zustand der Ressource."
            ))
            var text = german
            text.fields.append((name: "Content-Type", value: "text/plain"))
            cases.append((
                try await shelf.send(.PUT, "/books/\(id)", headers: text, json: "x"),
                "Der Medientyp des Anfrageinhalts wird nicht unterstützt."
            ))
            for _ in 0..<3 { _ = try await shelf.send(.GET, "/limited", headers: german) }
            cases.append((try await shelf.send(.GET, "/limited", headers: german), "Zu viele Anfragen."))
            cases.append((try await shelf.send(.GET, "/boom", headers: german), "Ein interner Fehler ist aufgetreten."))
            cases.append((
                try await shelf.send(.GET, "/maintenance", headers: german),
                "Der Dienst ist vorübergehend nicht verfügbar."
            ))
            cases.append((try await shelf.send(.GET, "/slow?seconds=3", headers: german), "Die Anfrage hat zu lange gedauert."))
            cases.append((try await shelf.send(.GET, "/nowhere", headers: german), "Nicht gefunden"))
            cases.append((try await shelf.send(.DELETE, "/health", headers: german), "Methode nicht erlaubt"))
            for (response, title) in cases {
                #expect(try JSON.object(response)["title"] as? String == title, "\(response.status)")
                #expect(response.headers.first(name: .contentLanguage) == "de", "\(response.status)")
            }
        }
    }

    @Test(arguments: Demo.allCases) func headGetsTheStatusAndHeaderFieldsWithoutABody(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let get = try await shelf.send(.GET, Self.missing)
            let head = try await shelf.send(.HEAD, Self.missing)
            #expect(head.status == .notFound)
            #expect(head.body.readableBytes == 0)
            for name in ["Content-Type", "Content-Language", "Vary", "Content-Length"] {
                #expect(head.headers.first(name: name) == get.headers.first(name: name), "\(name)")
            }
            #expect(head.headers.first(name: "X-Request-ID") != nil)

            // In memory Vapor keeps a success's body for HEAD; the server drops it on the wire.
            let health = try await shelf.sendLive(.HEAD, "/health")
            #expect(health.status == .ok)
            #expect(health.body.readableBytes == 0)

            let maintenance = try await shelf.send(.HEAD, "/maintenance")
            #expect(maintenance.status == .serviceUnavailable)
            #expect(maintenance.headers.first(name: .retryAfter) == "120")
            #expect(maintenance.body.readableBytes == 0)
        }
    }

    @Test(arguments: Demo.allCases) func headOverARealConnection(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let head = try await shelf.sendLive(.HEAD, "/boom")
            #expect(head.status == .internalServerError)
            #expect(head.headers.first(name: .contentType) == "application/problem+json")
            #expect(head.body.readableBytes == 0)
            // On the wire the length is what GET sends (RFC 9110 §8.6), never the empty body's 0.
            let get = try await shelf.sendLive(.GET, "/boom")
            #expect(head.headers["Content-Length"] == [String(get.body.readableBytes)])
            #expect(get.body.readableBytes > 0)
        }
    }
}
