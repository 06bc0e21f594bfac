#if Vapor
import BookshelfContract
import ProblemDetailsVapor
import Vapor

/// `GET /openapi.json`: the OpenAPI document of the contract, made once from the registry.
struct OpenAPIController: RouteCollection {
    let document: [UInt8]

    init(registry: ProblemRegistry) {
        self.document = ProblemJSONEncoder().encode(BookshelfOpenAPI.document(registry: registry))
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("openapi.json") { request in
            var buffer = request.byteBufferAllocator.buffer(capacity: self.document.count)
            buffer.writeBytes(self.document)
            return Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(buffer: buffer))
        }
    }
}
#endif
