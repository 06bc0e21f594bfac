#if Hummingbird
import BookshelfContract
import Hummingbird
import ProblemDetailsHummingbird

/// `GET /openapi.json`: the OpenAPI document of the contract, made once from the registry.
struct OpenAPIRoute {
    let document: [UInt8]

    init(registry: ProblemRegistry) {
        self.document = ProblemJSONEncoder().encode(BookshelfOpenAPI.document(registry: registry))
    }

    func add(to router: Router<BookshelfRequestContext>) {
        router.get("openapi.json") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: self.document))
            )
        }
    }
}
#endif
