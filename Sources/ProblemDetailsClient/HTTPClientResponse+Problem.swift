#if AsyncHTTPClient
public import AsyncHTTPClient
import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
public import ProblemDetails

extension HTTPClientResponse {
    /// Throws the error this response stands for when it is a problem; does nothing otherwise.
    ///
    /// The body is read only for a problem; any other response's body is left for the caller.
    /// ```swift
    /// let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
    /// try await response.throwIfProblem(using: problems)
    /// let book = try await response.body.collect(upTo: 1 << 20)
    /// ```
    /// - Parameters:
    ///   - problems: The application's problem types; by default none, so every problem is thrown
    ///     as the generic ``ProblemDetails/Problem``.
    ///   - url: The URL the response came from, to resolve relative references against; by
    ///     default the last URL the client requested.
    /// - Throws: The registered application type when it decodes, the generic problem otherwise.
    public func throwIfProblem(
        using problems: ClientProblemRegistry = ClientProblemRegistry(),
        url: String? = nil
    ) async throws {
        if let received = await self.receivedProblem(using: problems, url: url) { throw received.error }
    }

    /// Reads this response as a problem, or returns `nil` (with the body unread) when it is not
    /// one.
    ///
    /// A body larger than ``ProblemDetails/ClientProblemRegistry/maximumSize`` is not read: the
    /// problem is then `about:blank` with the response's status, and the diagnostics say why.
    /// - Parameters:
    ///   - problems: The application's problem types.
    ///   - url: The URL the response came from; by default the last URL the client requested.
    public func receivedProblem(
        using problems: ClientProblemRegistry = ClientProblemRegistry(),
        url: String? = nil
    ) async -> ReceivedProblem? {
        let response = self.httpResponse
        let url = url ?? self.url?.absoluteString
        guard ClientProblemRegistry.isProblem(response) else { return nil }
        do {
            let buffer = try await self.body.collect(upTo: problems.maximumSize)
            return problems.received(response, body: buffer.readableBytesView, url: url)
        } catch {
            var received = problems.received(response, body: [], url: url)
            received?.diagnostics = [
                ProblemDiagnostic(member: nil, message: "the body could not be read: \(error)")
            ]
            return received
        }
    }

    /// The status and header fields as swift-http-types models them.
    var httpResponse: HTTPResponse {
        var fields = HTTPFields()
        for header in self.headers {
            guard let name = HTTPField.Name(header.name) else { continue }
            fields.append(HTTPField(name: name, value: header.value))
        }
        return HTTPResponse(status: .init(code: Int(self.status.code)), headerFields: fields)
    }
}
#endif
