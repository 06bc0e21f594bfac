#if Vapor
public import HTTPTypes
public import ProblemDetails
public import ProblemDetailsTesting
public import VaporTesting

extension ProblemAssertion {
    /// Asserts that a VaporTesting response is a problem with the given properties.
    ///
    /// ```swift
    /// try await app.testing().test(.POST, "books", body: book) { response in
    ///     try ProblemAssertion.problem(response, status: .unprocessableEntity, pointers: ["#/year"])
    /// }
    /// ```
    /// - Parameters:
    ///   - response: The response.
    ///   - request: The request, when the test has it (it names the failure and lets the HTML rule
    ///     know what was asked for).
    ///   - status: The status expected.
    ///   - type: The type URI expected, as sent: absolute, or `about:blank`.
    ///   - pointers: The JSON Pointers expected in `errors`, in any order (`#/title`).
    ///   - parameters: The parameter names expected in `errors`, in any order.
    /// - Returns: The problem.
    /// - Throws: ``ProblemAssertionFailure`` listing every mismatch.
    @discardableResult
    public static func problem(
        _ response: TestingHTTPResponse,
        request: HTTPRequest = HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/"),
        status: HTTPStatus? = nil,
        type: String? = nil,
        pointers: Set<String>? = nil,
        parameters: Set<String>? = nil
    ) throws(ProblemAssertionFailure) -> Problem {
        let exchange = Exchange(response, request: request)
        return try Self.problem(
            exchange.response,
            body: exchange.body,
            request: request,
            status: status.map { HTTPResponse.Status(code: Int($0.code), reasonPhrase: $0.reasonPhrase) },
            type: type,
            pointers: pointers,
            parameters: parameters
        )
    }

    /// Asserts that a VaporTesting response is a problem of a declared type, with its status and
    /// type URI.
    ///
    /// - Parameters:
    ///   - response: The response.
    ///   - problemType: The declared type expected.
    ///   - registry: The registry the application answers from, which gives the type's URI.
    ///   - request: The request, when the test has it.
    ///   - pointers: The JSON Pointers expected in `errors`, in any order.
    ///   - parameters: The parameter names expected in `errors`, in any order.
    /// - Returns: The problem.
    /// - Throws: ``ProblemAssertionFailure`` listing every mismatch.
    @discardableResult
    public static func problem(
        _ response: TestingHTTPResponse,
        of problemType: ProblemType,
        in registry: ProblemRegistry,
        request: HTTPRequest = HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/"),
        pointers: Set<String>? = nil,
        parameters: Set<String>? = nil
    ) throws(ProblemAssertionFailure) -> Problem {
        let exchange = Exchange(response, request: request)
        return try Self.problem(
            exchange.response,
            body: exchange.body,
            of: problemType,
            in: registry,
            request: request,
            pointers: pointers,
            parameters: parameters
        )
    }

    /// Asserts that a VaporTesting response's body, such as a 5xx problem's, shows nothing internal.
    ///
    /// - Parameter response: The response.
    /// - Throws: ``ProblemAssertionFailure`` listing what ``LeakScan`` found.
    public static func noLeak(in response: TestingHTTPResponse) throws(ProblemAssertionFailure) {
        try Self.noLeak(in: String(decoding: response.body.readableBytesView, as: UTF8.self))
    }
}
#endif
