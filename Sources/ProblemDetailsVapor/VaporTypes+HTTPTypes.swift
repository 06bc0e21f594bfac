#if Vapor
import HTTPTypes
import NIOCore
import ProblemDetails
import ProblemDetailsServer
import Vapor

extension HTTPFields {
    /// Vapor's header fields in swift-http-types form; names that are not valid tokens are skipped.
    init(_ headers: HTTPHeaders) {
        self.init()
        self.reserveCapacity(headers.count)
        for (name, value) in headers {
            guard let name = HTTPField.Name(name) else { continue }
            self.append(HTTPField(name: name, value: value))
        }
    }
}

extension HTTPHeaders {
    /// swift-http-types header fields in Vapor's form.
    init(_ fields: HTTPFields) {
        self.init()
        self.reserveCapacity(fields.count)
        for field in fields {
            self.add(name: field.name.rawName, value: field.value)
        }
    }
}

extension HTTPRequest {
    /// The parts of a Vapor request the problem responder reads: method, path and the header
    /// fields it looks at. Converting every field cost more than rendering the problem.
    init(_ request: Request) {
        var headerFields = HTTPFields()
        // Read once: each read of `request.headers` takes the request's lock.
        let headers = request.headers
        for name in ProblemDetailsConfiguration.requestFieldNames {
            for value in headers[name.rawName] {
                headerFields.append(HTTPField(name: name, value: value))
            }
        }
        // Read once: each read of `url.path` goes through Foundation's URLComponents and a
        // `replacingOccurrences`, the largest single cost of an error response.
        let path = request.url.path
        self.init(
            method: HTTPRequest.Method(request.method.rawValue) ?? .get,
            scheme: nil,
            authority: nil,
            path: path.isEmpty ? "/" : path,
            headerFields: headerFields
        )
    }
}

extension Response {
    /// A Vapor response carrying a problem response.
    convenience init(_ problem: ProblemResponse, allocator: ByteBufferAllocator) {
        var buffer = allocator.buffer(capacity: problem.body.count)
        buffer.writeBytes(problem.body)
        // Without Vapor's header update: the core's `Content-Length` is right for HEAD too, where
        // counting the empty body would announce 0.
        self.init(
            status: HTTPResponseStatus(statusCode: problem.status.code),
            version: HTTPVersion(major: 1, minor: 1),
            headersNoUpdate: HTTPHeaders(problem.headerFields),
            body: .init(buffer: buffer, byteBufferAllocator: allocator)
        )
    }
}
#endif
