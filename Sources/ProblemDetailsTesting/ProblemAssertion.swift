public import HTTPTypes
public import ProblemDetails

/// Assertions on problem responses for an application's own tests, with Swift Testing or XCTest.
///
/// Each assertion throws a ``ProblemAssertionFailure`` listing every mismatch at once, which both
/// test libraries record as a failure of the throwing test; on success it returns the problem,
/// for further expectations.
/// ```swift
/// let problem = try ProblemAssertion.problem(
///     response, body: body,
///     status: .unprocessableContent, type: "https://api.example.com/problems/validation-error",
///     pointers: ["#/title", "#/year"]
/// )
/// ```
/// Besides what is asked, every assertion holds the response to ``ResponseConformance``'s rules:
/// a problem media type, a `status` member equal to the response's, well-typed members, a type
/// URI of the right form, `Retry-After` agreeing with `retry_after` on 429 and 503, and no stack
/// frame, file path, exception name or SQL in the body.
public enum ProblemAssertion {
    /// Asserts that a response is a problem with the given properties.
    ///
    /// - Parameters:
    ///   - response: The response's status and header fields.
    ///   - body: The response body.
    ///   - request: The request, when the test has it (it names the failure and lets the HTML rule
    ///     know what was asked for).
    ///   - status: The status expected, in the status line.
    ///   - type: The type URI expected, as sent: absolute, or `about:blank`.
    ///   - pointers: The JSON Pointers expected in `errors`, in any order (`#/title`).
    ///   - parameters: The parameter names expected in `errors`, in any order.
    /// - Returns: The problem.
    /// - Throws: ``ProblemAssertionFailure`` listing every mismatch.
    @discardableResult
    public static func problem(
        _ response: HTTPResponse,
        body: some Collection<UInt8>,
        request: HTTPRequest = HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/"),
        status: HTTPResponse.Status? = nil,
        type: String? = nil,
        pointers: Set<String>? = nil,
        parameters: Set<String>? = nil
    ) throws(ProblemAssertionFailure) -> Problem {
        let conformance = ResponseConformance(Exchange(request: request, response: response, body: Array(body)))
        var mismatches = conformance.checks.filter { $0.outcome == .failed }.map(\.description)
        guard let problem = conformance.problem else {
            if mismatches.isEmpty { mismatches.append("the body is not a problem document") }
            throw ProblemAssertionFailure(mismatches: mismatches)
        }
        if let status, response.status != status {
            mismatches.append("status is \(response.status.code), expected \(status.code)")
        }
        if let type, problem.type != type {
            mismatches.append("type is \(problem.type), expected \(type)")
        }
        if let pointers {
            let found = Set(problem.errors.compactMap { $0.location?.pointer.map { "#" + $0.description } })
            if found != pointers {
                mismatches.append("errors point at \(found.sorted()), expected \(pointers.sorted())")
            }
        }
        if let parameters {
            let found = Set(problem.errors.compactMap { $0.location?.parameter })
            if found != parameters {
                mismatches.append("errors name the parameters \(found.sorted()), expected \(parameters.sorted())")
            }
        }
        guard mismatches.isEmpty else { throw ProblemAssertionFailure(mismatches: mismatches) }
        return problem
    }

    /// Asserts that a response is a problem of a declared type, with its status and type URI.
    ///
    /// - Parameters:
    ///   - response: The response's status and header fields.
    ///   - body: The response body.
    ///   - problemType: The declared type expected.
    ///   - registry: The registry the API answers from, which gives the type's URI.
    ///   - request: The request, when the test has it.
    ///   - pointers: The JSON Pointers expected in `errors`, in any order.
    ///   - parameters: The parameter names expected in `errors`, in any order.
    /// - Returns: The problem.
    /// - Throws: ``ProblemAssertionFailure`` listing every mismatch.
    @discardableResult
    public static func problem(
        _ response: HTTPResponse,
        body: some Collection<UInt8>,
        of problemType: ProblemType,
        in registry: ProblemRegistry,
        request: HTTPRequest = HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/"),
        pointers: Set<String>? = nil,
        parameters: Set<String>? = nil
    ) throws(ProblemAssertionFailure) -> Problem {
        try Self.problem(
            response,
            body: body,
            request: request,
            status: problemType.status,
            type: registry.typeURI(of: problemType),
            pointers: pointers,
            parameters: parameters
        )
    }

    /// Asserts that a text, such as a 5xx body, shows nothing internal.
    ///
    /// - Parameter text: The text.
    /// - Throws: ``ProblemAssertionFailure`` listing what ``LeakScan`` found.
    public static func noLeak(in text: String) throws(ProblemAssertionFailure) {
        let findings = LeakScan.findings(in: text)
        guard findings.isEmpty else { throw ProblemAssertionFailure(mismatches: findings) }
    }
}
