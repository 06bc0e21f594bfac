#if Hummingbird
public import HTTPTypes
public import HummingbirdTesting
import NIOCore
public import ProblemDetails
public import ProblemDetailsTesting

extension ProblemAssertion {
    /// Asserts that a HummingbirdTesting response is a problem with the given properties.
    ///
    /// ```swift
    /// try await app.test(.router) { client in
    ///     let response = try await client.execute(uri: "/books", method: .post, body: book)
    ///     try ProblemAssertion.problem(response, status: .unprocessableContent, pointers: ["#/year"])
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
        _ response: TestResponse,
        request: HTTPRequest = HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/"),
        status: HTTPResponse.Status? = nil,
        type: String? = nil,
        pointers: Set<String>? = nil,
        parameters: Set<String>? = nil
    ) throws(ProblemAssertionFailure) -> Problem {
        try Self.problem(
            response.head,
            body: response.body.readableBytesView,
            request: request,
            status: status,
            type: type,
            pointers: pointers,
            parameters: parameters
        )
    }

    /// Asserts that a HummingbirdTesting response is a problem of a declared type, with its status
    /// and type URI.
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
        _ response: TestResponse,
        of problemType: ProblemType,
        in registry: ProblemRegistry,
        request: HTTPRequest = HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/"),
        pointers: Set<String>? = nil,
        parameters: Set<String>? = nil
    ) throws(ProblemAssertionFailure) -> Problem {
        try Self.problem(
            response.head,
            body: response.body.readableBytesView,
            of: problemType,
            in: registry,
            request: request,
            pointers: pointers,
            parameters: parameters
        )
    }

    /// Asserts that a HummingbirdTesting response's body, such as a 5xx problem's, shows nothing
    /// internal.
    ///
    /// - Parameter response: The response.
    /// - Throws: ``ProblemAssertionFailure`` listing what ``LeakScan`` found.
    public static func noLeak(in response: TestResponse) throws(ProblemAssertionFailure) {
        try Self.noLeak(in: String(decoding: response.body.readableBytesView, as: UTF8.self))
    }
}
#endif
