public import Foundation
public import ProblemDetails
import HTTPTypes

#if canImport(FoundationNetworking)
public import FoundationNetworking
#endif

extension HTTPURLResponse {
    /// Throws the error this response stands for when it is a problem; does nothing otherwise.
    ///
    /// ```swift
    /// let (body, response) = try await URLSession.shared.data(for: request)
    /// try (response as! HTTPURLResponse).throwIfProblem(body: body, using: problems)
    /// ```
    /// - Parameters:
    ///   - body: The response body.
    ///   - problems: The application's problem types; by default none, so every problem is thrown
    ///     as the generic ``ProblemDetails/Problem``.
    /// - Throws: The registered application type when it decodes, the generic problem otherwise.
    public func throwIfProblem(body: Data, using problems: ClientProblemRegistry = ClientProblemRegistry()) throws {
        if let received = self.receivedProblem(body: body, using: problems) { throw received.error }
    }

    /// Reads this response as a problem, or returns `nil` when it is not one.
    ///
    /// - Parameters:
    ///   - body: The response body.
    ///   - problems: The application's problem types.
    public func receivedProblem(
        body: Data,
        using problems: ClientProblemRegistry = ClientProblemRegistry()
    ) -> ReceivedProblem? {
        problems.received(self.httpResponse, body: body, url: self.url?.absoluteString)
    }

    /// The status and header fields as swift-http-types models them.
    var httpResponse: HTTPResponse {
        var fields = HTTPFields()
        for (name, value) in self.allHeaderFields {
            guard let name = name as? String, let fieldName = HTTPField.Name(name) else { continue }
            fields.append(HTTPField(name: fieldName, value: String(describing: value)))
        }
        return HTTPResponse(status: .init(code: self.statusCode), headerFields: fields)
    }
}

extension URLSession {
    /// Loads a request's data, throwing the error a problem response stands for.
    ///
    /// ```swift
    /// let (body, _) = try await URLSession.shared.data(for: request, throwingProblems: problems)
    /// ```
    /// - Parameters:
    ///   - request: The request.
    ///   - problems: The application's problem types.
    /// - Returns: The body and the response, when the response is not a problem.
    /// - Throws: The registered application type or the generic ``ProblemDetails/Problem`` for a
    ///   problem response; the session's own errors, such as `URLError`, otherwise.
    public func data(
        for request: URLRequest,
        throwingProblems problems: ClientProblemRegistry
    ) async throws -> (Data, HTTPURLResponse) {
        let (body, response) = try await self.data(for: request)
        guard let response = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        try response.throwIfProblem(body: body, using: problems)
        return (body, response)
    }
}
