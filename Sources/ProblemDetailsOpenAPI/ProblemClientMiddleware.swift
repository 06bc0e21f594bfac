public import Foundation
public import HTTPTypes
public import OpenAPIRuntime
public import ProblemDetails

/// Turns every problem response a generated client receives, documented in the OpenAPI document
/// or not, into a thrown error: the application's own type when one is registered for the problem's
/// type, the generic ``ProblemDetails/Problem`` otherwise.
///
/// ```swift
/// var problems = ClientProblemRegistry(baseURI: "https://api.example.com")
/// problems.register(OutOfCredit.self, for: "/problems/out-of-credit")
/// let client = Client(serverURL: url, transport: transport, middlewares: [ProblemClientMiddleware(problems)])
/// do {
///     _ = try await client.purchase(body: .json(order))
/// } catch let error as ClientError {
///     if let credit = error.underlyingError as? OutOfCredit { … }
///     if let problem = error.problem { … }   // whatever the type
/// }
/// ```
/// The runtime wraps what a middleware throws in `ClientError`; ``OpenAPIRuntime/ClientError/problem``
/// and `underlyingError` reach the problem. Responses that are not problems pass on untouched.
public struct ProblemClientMiddleware: ClientMiddleware {
    /// The application's problem types.
    public var problems: ClientProblemRegistry

    /// Creates the middleware.
    ///
    /// - Parameter problems: The application's problem types; by default none, so every problem is
    ///   thrown as the generic problem.
    public init(_ problems: ClientProblemRegistry = ClientProblemRegistry()) {
        self.problems = problems
    }

    /// Sends the request, and throws the error a problem response stands for.
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - body: Its body.
    ///   - baseURL: The server URL the request's path is relative to.
    ///   - operationID: The operation's identifier.
    ///   - next: The rest of the chain.
    public func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let (response, responseBody) = try await next(request, body, baseURL)
        guard ClientProblemRegistry.isProblem(response) else { return (response, responseBody) }
        let url = Self.url(of: request, baseURL: baseURL)
        // A body that cannot be read (too large, cut off) leaves an empty one: the problem is then
        // about:blank with the response's status, which still fails the call as it should.
        var bytes: [UInt8] = []
        if let responseBody {
            bytes = (try? await [UInt8](collecting: responseBody, upTo: self.problems.maximumSize)) ?? []
        }
        if let error = self.problems.error(for: response, body: bytes, url: url) { throw error }
        return (response, HTTPBody(bytes))
    }

    /// The absolute URL the request went to, which relative references in the problem are
    /// resolved against.
    static func url(of request: HTTPRequest, baseURL: URL) -> String {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return base + (request.path ?? "")
    }
}

extension ClientError {
    /// The generic problem the server answered with, when ``ProblemClientMiddleware`` threw it.
    ///
    /// `nil` when the error is not a problem response (a transport failure, say), and when a
    /// registered application type was thrown instead: cast `underlyingError` to that type.
    public var problem: Problem? {
        self.underlyingError as? Problem
    }
}
