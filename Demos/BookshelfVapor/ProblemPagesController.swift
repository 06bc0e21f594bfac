#if Vapor
import BookshelfContract
import ProblemDetailsVapor
import Vapor

/// `/problems` and `/problems/{slug}`: the HTML documentation the API's type URIs dereference to,
/// written by the registry from the same declarations the problems are made from.
struct ProblemPagesController: RouteCollection {
    let responder: ProblemResponder

    func boot(routes: any RoutesBuilder) throws {
        routes.get("problems") { request in
            self.page(self.responder.registry.indexPage(language: self.language(of: request)))
        }
        routes.get("problems", ":slug") { request in
            let slug = request.parameters.get("slug") ?? ""
            guard let page = self.responder.registry.documentationPage(forSlug: slug, language: self.language(of: request))
            else {
                throw BookshelfProblems.problemTypeNotFound(slug)
            }
            return self.page(page)
        }
    }

    /// The language titles are shown in, from `Accept-Language`.
    private func language(of request: Request) -> String {
        self.responder.language(for: request.headers.first(name: .acceptLanguage))
    }

    private func page(_ bytes: [UInt8]) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .vary, value: "Accept-Language")
        var buffer = ByteBufferAllocator().buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        return Response(status: .ok, headers: headers, body: .init(buffer: buffer))
    }
}
#endif
