#if AsyncHTTPClient
import Foundation
import HTTPTypes
import ProblemDetails
import ProblemDetailsTesting

/// The requests `problem check` sends and the rules it applies to the answers.
///
/// Every error response provoked is held to ``ResponseConformance``'s rules; each probe adds the
/// rules about its own situation (the status it must give, `Allow`, `Vary`, request IDs).
struct LiveChecks {
    /// What to probe beyond the API's root.
    struct Plan {
        var paths: [String] = []
        var posts: [String] = []
        var largeBodyBytes = 16 << 20
        var dereference = false
        var openAPI: String?
    }

    let probe: APIProbe
    let plan: Plan
    private(set) var checks: [ConformanceCheck] = []
    private var typeURIs: [String] = []

    init(probe: APIProbe, plan: Plan) {
        self.probe = probe
        self.plan = plan
    }

    /// Runs every probe; the budget running out skips the rest.
    mutating func run() async throws {
        var document: [UInt8]?
        if let openAPI = self.plan.openAPI { document = await self.readOpenAPI(openAPI) }
        do {
            try await self.unknownPath()
            var documented: [String: Set<String>] = [:]
            var posts = self.plan.posts
            if let document, let paths = try? OpenAPIProblemResponses.paths(in: document) {
                for path in paths {
                    documented[path.path] = path.methods
                    if path.postsJSON, !posts.contains(path.path) { posts.append(path.path) }
                }
            }
            for path in self.plan.paths where documented[path] == nil { try await self.wrongMethod(on: path) }
            for (path, methods) in documented.sorted(by: { $0.key < $1.key }) {
                try await self.undocumentedMethod(on: path, documented: methods)
            }
            for path in posts { try await self.badBodies(to: path) }
            if self.plan.dereference { try await self.dereferenceTypes() }
        } catch is APIProbe.BudgetSpent {
            self.add("request-budget", "the checks fit in the request budget", "problem check", nil,
                     "stopped after \(await self.probe.requestsSent) requests; raise --max-requests to run the rest")
        }
        if let document { self.checkOpenAPI(document) }
    }

    // MARK: Probes

    private mutating func unknownPath() async throws {
        let path = "/problem-check-\(Self.token())"
        let first = try await self.errorResponse(.get, path, headers: [("Accept", "application/problem+json")])
        self.add("unknown-path-404", "an unknown path is a 404 problem", "RFC 9110 §15.5.5", first.response.status == .notFound,
                 "\(first.label): status \(first.response.status.code)")

        var contentTypes: Set<String> = []
        var variants: [Exchange] = []
        for accept in ["application/json", "*/*", "application/problem+xml", "text/html", "application/x-unknown", nil] as [String?] {
            let exchange = try await self.errorResponse(.get, path, headers: accept.map { [("Accept", $0)] } ?? [])
            variants.append(exchange)
            self.add("accept-variant", "every Accept gets the same error status, never 406", "RFC 9457 §3; RFC 9110 §12.1",
                     exchange.response.status == first.response.status,
                     "\(exchange.label): status \(exchange.response.status.code), Content-Type \(exchange.response.headerFields[.contentType] ?? "absent")")
            if let contentType = exchange.response.headerFields[.contentType] { contentTypes.insert(contentType) }
        }
        if contentTypes.count > 1 {
            let missing = ([first] + variants).filter { !Self.vary($0).contains("accept") }
            self.add("vary-accept", "responses that depend on Accept say so in Vary", "RFC 9110 §12.5.5", missing.isEmpty,
                     missing.isEmpty ? "Vary names Accept on all \(variants.count + 1) responses" : "no Vary: Accept on \(missing.map(\.label).joined(separator: ", "))")
        } else {
            self.add("vary-accept", "responses that depend on Accept say so in Vary", "RFC 9110 §12.5.5", nil, "one representation for every Accept")
        }

        let german = try await self.errorResponse(.get, path, headers: [("Accept", "application/problem+json"), ("Accept-Language", "de")])
        if german.response.headerFields[.contentLanguage] != nil {
            self.add("vary-accept-language", "a localised problem says so in Vary", "RFC 9110 §12.5.5",
                     Self.vary(german).contains("accept-language"), "\(german.label): Vary \(german.response.headerFields[.vary] ?? "absent")")
        } else {
            self.add("vary-accept-language", "a localised problem says so in Vary", "RFC 9110 §12.5.5", nil, "no Content-Language: not localised")
        }

        let head = try await self.probe.send(.head, path, headers: [("Accept", "application/problem+json")])
        self.add("head", "HEAD gets GET's status and no body", "RFC 9110 §9.3.2",
                 head.response.status == first.response.status && head.body.isEmpty,
                 "HEAD \(path): status \(head.response.status.code)")

        try await self.requestIDs(path)
    }

    private mutating func requestIDs(_ path: String) async throws {
        let id = "problem-check-\(Self.token())"
        let echoed = try await self.errorResponse(.get, path, headers: [("Accept", "application/problem+json"), ("X-Request-ID", id)])
        let inHeader = echoed.response.headerFields[values: RequestIdentity.requestIDField].contains(id)
        let inBody = String(decoding: echoed.body, as: UTF8.self).contains(id)
        self.add("request-id-echo", "a valid X-Request-ID is echoed", "problem check (correlation)",
                 inHeader || inBody ? true : nil,
                 inHeader || inBody ? "echoed in \(inHeader ? "the header" : "the body")" : "not echoed: the API does not use X-Request-ID")

        let hostile: [(String, String)] = [
            ("overlong", String(repeating: "a", count: 1500) + Self.token()),
            ("non-ASCII", "probe-ü-\(Self.token())"),
            ("encoded CRLF", "probe%0d%0aX-Injected:%20\(Self.token())"),
            ("markup", "<script>\(Self.token())</script>"),
        ]
        for (kind, value) in hostile {
            let exchange = try await self.errorResponse(.get, path, headers: [("Accept", "application/problem+json"), ("X-Request-ID", value)])
            let reflected = exchange.response.headerFields.contains { $0.value.contains(value) }
                || String(decoding: exchange.body, as: UTF8.self).contains(value)
            self.add("request-id-injection", "an invalid X-Request-ID is never reflected", "RFC 9110 §5.5; OWASP header injection",
                     !reflected, "\(kind) id: \(reflected ? "reflected" : "not reflected")")
        }
    }

    private mutating func wrongMethod(on path: String) async throws {
        for method in [HTTPRequest.Method.patch, .delete, .put, .post] {
            let exchange = try await self.probe.send(method, path, headers: [("Accept", "application/problem+json")])
            guard exchange.response.status == .methodNotAllowed else { continue }
            self.conform(exchange)
            let allow = exchange.response.headerFields[.allow]
            self.add("method-not-allowed", "a 405 lists the allowed methods in Allow", "RFC 9110 §15.5.6",
                     !(allow ?? "").isEmpty, "\(exchange.label): Allow \(allow ?? "absent")")
            return
        }
        self.add("method-not-allowed", "a 405 lists the allowed methods in Allow", "RFC 9110 §15.5.6", nil,
                 "\(path) allowed PATCH, DELETE, PUT and POST, or answered them otherwise")
    }

    /// Sends a path a method its OpenAPI document does not list: it must be refused with 405 and
    /// `Allow`. Only undocumented methods are sent, so nothing is changed on the API.
    private mutating func undocumentedMethod(on path: String, documented: Set<String>) async throws {
        guard let method = [HTTPRequest.Method.patch, .delete, .put, .post].first(where: { !documented.contains($0.rawValue.lowercased()) })
        else {
            self.add("method-not-allowed", "a 405 lists the allowed methods in Allow", "RFC 9110 §15.5.6", nil,
                     "\(path) documents PATCH, DELETE, PUT and POST")
            return
        }
        let exchange = try await self.errorResponse(method, path, headers: [("Accept", "application/problem+json")])
        let allow = exchange.response.headerFields[.allow]
        self.add("method-not-allowed", "an undocumented method is a 405 listing the allowed methods in Allow",
                 "RFC 9110 §15.5.6", exchange.response.status == .methodNotAllowed && !(allow ?? "").isEmpty,
                 "\(exchange.label): status \(exchange.response.status.code), Allow \(allow ?? "absent")")
    }

    private mutating func badBodies(to path: String) async throws {
        let json = [("Accept", "application/problem+json"), ("Content-Type", "application/json")]
        let malformed = try await self.errorResponse(.post, path, headers: json, body: Array(#"{"title": "#.utf8))
        self.add("malformed-json", "a body that is not JSON is a 400 (or 422)", "RFC 9110 §15.5.1",
                 [400, 422].contains(malformed.response.status.code), "\(malformed.label): status \(malformed.response.status.code)")

        let wrongType = try await self.errorResponse(
            .post, path, headers: [("Accept", "application/problem+json"), ("Content-Type", "text/plain")], body: Array("title".utf8)
        )
        self.add("unsupported-media-type", "a body of a type the API does not take is a 415", "RFC 9110 §15.5.16",
                 wrongType.response.status == .unsupportedMediaType, "\(wrongType.label): status \(wrongType.response.status.code)")

        let large = Array(#"{"title": ""#.utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: self.plan.largeBodyBytes) + Array(#""}"#.utf8)
        do {
            let tooLarge = try await self.errorResponse(.post, path, headers: json, body: large)
            self.add("content-too-large", "an oversized body is a 413", "RFC 9110 §15.5.14",
                     tooLarge.response.status == .contentTooLarge, "\(tooLarge.label) with \(large.count) bytes: status \(tooLarge.response.status.code)")
        } catch is APIProbe.BudgetSpent {
            throw APIProbe.BudgetSpent()
        } catch {
            self.add("content-too-large", "an oversized body is a 413", "RFC 9110 §15.5.14", false,
                     "POST \(path) with \(large.count) bytes: no response (\(error)); the server should answer 413 before closing")
        }
    }

    private mutating func dereferenceTypes() async throws {
        guard !self.typeURIs.isEmpty else {
            self.add("type-dereferences", "type URIs lead to documentation", "RFC 9457 §3.1.1", nil, "no problem type other than about:blank seen")
            return
        }
        for uri in self.typeURIs {
            let target = uri.hasPrefix("/") ? uri : uri
            let exchange = try await self.probe.send(.get, target, headers: [("Accept", "text/html")])
            self.add("type-dereferences", "type URIs lead to documentation", "RFC 9457 §3.1.1",
                     (200...299).contains(exchange.response.status.code), "GET \(uri): status \(exchange.response.status.code)")
        }
    }

    private mutating func readOpenAPI(_ source: String) async -> [UInt8]? {
        do {
            if source.hasPrefix("http://") || source.hasPrefix("https://")
                || (source.hasPrefix("/") && !FileManager.default.fileExists(atPath: source))
            {
                let exchange = try await self.probe.send(.get, source)
                guard (200...299).contains(exchange.response.status.code) else {
                    throw OpenAPIProblemResponses.NotAnOpenAPIDocument(description: "status \(exchange.response.status.code)")
                }
                return exchange.body
            }
            return Array(try Data(contentsOf: URL(fileURLWithPath: source)))
        } catch {
            self.add("openapi-document", "the OpenAPI document can be read", "OpenAPI 3.1", false, "\(source): \(error)")
            return nil
        }
    }

    private mutating func checkOpenAPI(_ document: [UInt8]) {
        do {
            let findings = try OpenAPIProblemResponses.findings(in: document)
            if findings.isEmpty {
                self.add("openapi-problem-content", "documented error responses declare problem content", "RFC 9457 §6", nil, "no documented error responses")
            }
            for finding in findings {
                self.add("openapi-problem-content", "documented error responses declare problem content", "RFC 9457 §6",
                         finding.declaresProblem, "\(finding.operation) \(finding.status): \(finding.contentTypes.joined(separator: ", "))")
            }
        } catch {
            self.add("openapi-document", "the OpenAPI document can be read", "OpenAPI 3.1", false, "\(error)")
        }
    }

    // MARK: Recording

    /// Sends a request expected to fail and holds the answer to every problem rule.
    private mutating func errorResponse(
        _ method: HTTPRequest.Method,
        _ path: String,
        headers: [(String, String)],
        body: [UInt8]? = nil
    ) async throws -> Exchange {
        let exchange = try await self.probe.send(method, path, headers: headers, body: body)
        self.conform(exchange)
        return exchange
    }

    private mutating func conform(_ exchange: Exchange) {
        let conformance = ResponseConformance(exchange)
        self.checks += conformance.checks
        if let problem = conformance.problem, !problem.isAboutBlank, !self.typeURIs.contains(problem.type) {
            self.typeURIs.append(problem.type)
        }
    }

    private mutating func add(_ id: String, _ title: String, _ reference: String, _ passed: Bool?, _ observed: String) {
        let outcome: ConformanceCheck.Outcome = passed.map { $0 ? .passed : .failed } ?? .skipped
        self.checks.append(ConformanceCheck(id: id, title: title, reference: reference, outcome: outcome, observed: observed))
    }

    private static func vary(_ exchange: Exchange) -> [String] {
        exchange.response.headerFields[values: .vary].flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }

    private static func token() -> String {
        String(UInt64.random(in: 0...UInt64.max), radix: 16)
    }
}
#endif
