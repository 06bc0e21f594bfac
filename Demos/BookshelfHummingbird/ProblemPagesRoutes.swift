#if Hummingbird
import BookshelfContract
import Hummingbird
import ProblemDetailsHummingbird

/// `/problems` and `/problems/{slug}`: the HTML documentation the API's type URIs dereference to,
/// written by the registry from the same declarations the problems are made from.
struct ProblemPagesRoutes {
    let responder: ProblemResponder

    func add(to router: Router<BookshelfRequestContext>) {
        router.get("problems") { request, _ in
            self.page(self.responder.registry.indexPage(language: self.language(of: request)))
        }
        router.get("problems/:slug") { request, context in
            let slug = context.parameters.get("slug") ?? ""
            let language = self.language(of: request)
            guard let page = self.responder.registry.documentationPage(forSlug: slug, language: language) else {
                throw BookshelfProblems.problemTypeNotFound(slug)
            }
            return self.page(page)
        }
    }

    /// The language titles are shown in, from `Accept-Language`.
    private func language(of request: Request) -> String {
        self.responder.language(for: request.headers[.acceptLanguage])
    }

    private func page(_ bytes: [UInt8]) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/html; charset=utf-8", .vary: "Accept-Language"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }
}
#endif
