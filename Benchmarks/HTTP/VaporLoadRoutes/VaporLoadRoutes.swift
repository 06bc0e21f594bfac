import LoadServerOptions
import ProblemDetailsVapor
public import Vapor

/// The routes of the Vapor side of the load comparison, shared by `VaporLoadServer` (over HTTP)
/// and the `Serving` benchmark (in process), so both measure the same application.
///
/// `GET /hello` (plain text), `GET /thrown` (a thrown 404 `Abort`), `GET /invalid` (422 with three
/// field errors, written as each world writes it), `GET /boom` (an unknown error, 500); anything
/// else is the router's 404.
public enum VaporLoadRoutes {
    /// Installs the routes, and with `problems` our integration, on an application.
    ///
    /// - Parameters:
    ///   - app: The application.
    ///   - problems: Whether ProblemDetailsVapor answers the errors; Vapor's `ErrorMiddleware` does
    ///     otherwise.
    ///   - baseURI: Where the registry's problem types live.
    public static func install(on app: Application, problems: Bool, baseURI: String) throws {
        if problems {
            app.useProblemDetails(try ProblemRegistry(baseURI: baseURI))
        }
        app.get("hello") { _ in "Hello, world!" }
        app.get("thrown") { _ -> String in throw Abort(.notFound, reason: LoadServerContent.notFoundReason) }
        app.get("invalid") { _ -> String in
            if problems { throw Problem.validationFailed(LoadServerContent.violations) }
            throw Abort(.unprocessableEntity, reason: LoadServerContent.invalidReason)
        }
        app.get("boom") { _ -> String in throw LoadServerFailure() }
    }
}
