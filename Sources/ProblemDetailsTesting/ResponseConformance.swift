import HTTPTypes
public import ProblemDetails

/// The RFC 9457 rules for one error response, each as a ``ConformanceCheck``.
///
/// `problem check` applies them to every error response it provokes; the test assertions apply
/// them to a response from the user's own tests.
/// ```swift
/// let failures = ResponseConformance(exchange).checks.filter { $0.outcome == .failed }
/// ```
public struct ResponseConformance: Sendable {
    /// The exchange the rules were applied to.
    public let exchange: Exchange
    /// The problem the body holds, when it is a problem document.
    public let problem: Problem?
    /// Every rule's outcome, in a fixed order.
    public let checks: [ConformanceCheck]

    /// Applies every rule to an exchange whose response should be a problem.
    ///
    /// - Parameter exchange: The request and the response it got.
    public init(_ exchange: Exchange) {
        self.exchange = exchange
        var checks: [ConformanceCheck] = []
        let label = exchange.label
        let status = exchange.response.status
        let contentType = exchange.response.headerFields[.contentType]
        let mediaType = contentType.flatMap(MediaType.init(parsing:))

        func add(_ id: String, _ title: String, _ reference: String, _ passed: Bool?, _ observed: String) {
            let outcome: ConformanceCheck.Outcome = passed.map { $0 ? .passed : .failed } ?? .skipped
            checks.append(ConformanceCheck(id: id, title: title, reference: reference, outcome: outcome, observed: "\(label): \(observed)"))
        }

        add(
            "error-status", "an error is answered with a 4xx or 5xx status, never 406 for an error",
            "RFC 9457 §3; RFC 9110 §15.5.7", status.code >= 400 && status.code != 406,
            "status \(status.code)"
        )

        let isHTML = mediaType.map { $0.type == "text" && $0.subtype == "html" } ?? false
        let isProblem = mediaType.map { $0.isProblemJSON || $0.isProblemXML } ?? false
        let wantsHTML = Self.prefersHTML(exchange.request.headerFields[.accept])
        add(
            "problem-content-type", "the body is application/problem+json or +xml (HTML only when asked for)",
            "RFC 9457 §3, §6", isProblem || (isHTML && wantsHTML),
            "Content-Type \(contentType ?? "absent")"
        )

        var decoded: DecodedProblem?
        var decodeFailure: String?
        if let mediaType, mediaType.isProblemJSON {
            do { decoded = try ProblemJSONDecoder().decode(exchange.body) } catch { decodeFailure = error.description }
        } else if let mediaType, mediaType.isProblemXML {
            #if XML
            do { decoded = try ProblemXMLDecoder().decode(exchange.body) } catch { decodeFailure = error.description }
            #else
            decodeFailure = "this build cannot read XML"
            #endif
        }
        self.problem = decoded?.problem
        if isProblem {
            add(
                "problem-document", "the body is a problem document", "RFC 9457 §3",
                decoded != nil, decodeFailure ?? "\(exchange.body.count) bytes read as a problem"
            )
        } else {
            add("problem-document", "the body is a problem document", "RFC 9457 §3", nil, "not a problem media type")
        }

        if let decoded {
            let problem = decoded.problem
            let typeDiagnostics = decoded.diagnostics.filter { ["type", "title", "status", "detail", "instance"].contains($0.member ?? "") }
            add(
                "member-types", "type, title, detail and instance are strings; status is an integer",
                "RFC 9457 §3.1", typeDiagnostics.isEmpty,
                typeDiagnostics.isEmpty ? "all standard members well typed" : typeDiagnostics.map(\.description).joined(separator: "; ")
            )
            if let bodyStatus = problem.status {
                add(
                    "status-member-matches", "the status member equals the response's status", "RFC 9457 §3.1.2",
                    bodyStatus.code == status.code, "member \(bodyStatus.code), response \(status.code)"
                )
            } else {
                add("status-member-matches", "the status member equals the response's status", "RFC 9457 §3.1.2", nil, "no status member")
            }
            if problem.isAboutBlank, let title = problem.title {
                let phrase = Problem(status: status).title
                // The title may be localised for the client (§4.2.1), which Content-Language shows.
                let language = exchange.response.headerFields[.contentLanguage]
                let localised = language.map { !$0.lowercased().hasPrefix("en") } ?? false
                add(
                    "about-blank-title", "an about:blank title is the status phrase (or a translation of it)",
                    "RFC 9457 §4.2.1", phrase == nil || title == phrase || localised,
                    "title \"\(title)\", phrase \"\(phrase ?? "none")\"" + (localised ? ", localised (\(language ?? ""))" : "")
                )
            } else {
                add("about-blank-title", "an about:blank title is the status phrase", "RFC 9457 §4.2.1", nil, "not about:blank")
            }
            let rawType = Self.rawType(of: exchange.body, mediaType: mediaType)
            if let rawType {
                let reference = URIReference(parsing: rawType)
                let good = reference.map { $0.isAbsolute || rawType.hasPrefix("/") } ?? false
                add("type-uri", "the type is an absolute URI or a path from the root", "RFC 9457 §3.1.1", good, "type \"\(rawType)\"")
            } else {
                add("type-uri", "the type is an absolute URI or a path from the root", "RFC 9457 §3.1.1", nil, "no type member (about:blank)")
            }
            if status == .tooManyRequests || status == .serviceUnavailable {
                let header = exchange.response.headerFields[.retryAfter]
                let member = problem.extensions["retry_after"]
                let headerValue = header.flatMap(RetryAfter.init(fieldValue:))
                let memberValue = member.flatMap(RetryAfter.init(member:))
                let agrees = member == nil || (headerValue != nil && headerValue == memberValue)
                add(
                    "retry-after", "Retry-After is sent, and retry_after agrees with it", "RFC 9110 §10.2.3",
                    header != nil && headerValue != nil && agrees,
                    "Retry-After \(header ?? "absent"), retry_after \(member.map { "\($0)" } ?? "absent")"
                )
            }
        }

        let text = String(decoding: exchange.body, as: UTF8.self)
        let leaks = LeakScan.findings(in: text)
        add(
            "no-leak", "no stack frame, file path, exception name or SQL in the body", "RFC 9457 §5",
            leaks.isEmpty, leaks.isEmpty ? "nothing internal seen" : leaks.joined(separator: "; ")
        )
        self.checks = checks
    }

    /// Whether an `Accept` field puts HTML before JSON and XML, as a browser's does.
    static func prefersHTML(_ accept: String?) -> Bool {
        guard let accept else { return false }
        let parsed = Accept(parsing: accept)
        let html = parsed.quality(of: MediaType(type: "text", subtype: "html"))
        let json = parsed.quality(of: MediaType.problemJSON)
        return html > 0 && html > json
    }

    /// The `type` member as sent, before any resolution, for the URI form rule.
    static func rawType(of body: [UInt8], mediaType: MediaType?) -> String? {
        guard let mediaType else { return nil }
        if mediaType.isProblemJSON {
            guard case .object(let object)? = try? ProblemJSONDecoder().decodeValue(body) else { return nil }
            return object["type"]?.stringValue
        }
        #if XML
        if mediaType.isProblemXML {
            // Without a base URI the reader leaves the reference as sent.
            guard let problem = try? ProblemXMLDecoder().decode(body).problem, !problem.isAboutBlank else { return nil }
            return problem.type
        }
        #endif
        return nil
    }
}
