#if AsyncHTTPClient
import AsyncHTTPClient
import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import ProblemDetailsTesting

/// Sends `problem check`'s requests to one API: never more than a fixed number, each within a
/// time limit, redirects not followed (an error answered with a redirect is what is checked).
actor APIProbe {
    /// Thrown when the request budget is spent; the checks not yet run are reported as skipped.
    struct BudgetSpent: Error {}

    let baseURL: String
    let timeout: TimeAmount
    let maximumBodySize: Int
    let maximumRequests: Int
    private let client: HTTPClient
    /// Requests sent so far.
    private(set) var requestsSent = 0

    init(baseURL: String, timeoutSeconds: Double, maximumRequests: Int) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.timeout = .milliseconds(Int64(timeoutSeconds * 1000))
        self.maximumBodySize = 4 << 20
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        configuration.timeout = .init(connect: self.timeout, read: self.timeout)
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.maximumRequests = maximumRequests
    }

    func shutdown() async {
        try? await self.client.shutdown()
    }

    /// Sends one request and reads the whole response.
    ///
    /// - Parameters:
    ///   - method: The method.
    ///   - target: A path from the root (`/books`), or an absolute URL.
    ///   - headers: Header fields, sent as given (bytes outside ASCII included).
    ///   - body: The body.
    func send(
        _ method: HTTPRequest.Method,
        _ target: String,
        headers: [(String, String)] = [],
        body: [UInt8]? = nil
    ) async throws -> Exchange {
        guard self.requestsSent < self.maximumRequests else { throw BudgetSpent() }
        self.requestsSent += 1
        let url = target.hasPrefix("http://") || target.hasPrefix("https://") ? target : self.baseURL + target
        var request = HTTPClientRequest(url: url)
        request.method = .init(rawValue: method.rawValue)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await self.client.execute(request, timeout: self.timeout)
        var bytes: [UInt8] = []
        if method != .head {
            let buffer = try await response.body.collect(upTo: self.maximumBodySize)
            bytes = Array(buffer.readableBytesView)
        }
        var fields = HTTPFields()
        for header in response.headers {
            if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
        }
        var requestFields = HTTPFields()
        for (name, value) in headers {
            if let name = HTTPField.Name(name) { requestFields.append(HTTPField(name: name, value: value)) }
        }
        let path = url.dropFirst(self.baseURL.count)
        return Exchange(
            request: HTTPRequest(method: method, scheme: nil, authority: nil, path: path.isEmpty ? url : String(path), headerFields: requestFields),
            response: HTTPResponse(status: .init(code: Int(response.status.code)), headerFields: fields),
            body: bytes
        )
    }
}

#endif
