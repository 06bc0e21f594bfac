public import Hummingbird
import LoadServerOptions
public import ProblemDetailsHummingbird

/// The routes of the Hummingbird side of the load comparison, shared by `HummingbirdLoadServer`
/// (over HTTP) and the `Serving` benchmark (in process), so both measure the same application.
///
/// `GET /hello` (plain text), `GET /thrown` (a thrown 404 `HTTPError`), `GET /invalid` (422 with
/// three field errors, written as each world writes it), `GET /boom` (an unknown error, 500);
/// anything else is the router's 404.
public enum HummingbirdLoadRoutes {
    /// The router with Hummingbird's default error handling.
    public static func defaultRouter() -> Router<BasicRequestContext> {
        let router = Router()
        addRoutes(to: router, problems: false)
        return router
    }

    /// The router with ProblemDetailsHummingbird installed.
    ///
    /// - Parameter baseURI: Where the registry's problem types live.
    public static func problemRouter(baseURI: String) throws -> Router<BasicProblemRequestContext> {
        let router = Router(context: BasicProblemRequestContext.self)
        router.addProblemDetails(try ProblemRegistry(baseURI: baseURI))
        addRoutes(to: router, problems: true)
        return router
    }

    static func addRoutes<Context: RequestContext>(to router: Router<Context>, problems: Bool) {
        router.get("hello") { _, _ in "Hello, world!" }
        router.get("thrown") { _, _ -> String in throw HTTPError(.notFound, message: LoadServerContent.notFoundReason) }
        router.get("invalid") { _, _ -> String in
            if problems { throw Problem.validationFailed(LoadServerContent.violations) }
            throw HTTPError(.unprocessableContent, message: LoadServerContent.invalidReason)
        }
        router.get("boom") { _, _ -> String in throw LoadServerFailure() }
    }
}
