import LoadServerOptions
import Logging
import ProblemDetailsVapor
import Vapor

/// The Vapor side of `Benchmarks/HTTP/run`: the same routes with Vapor's default error handling
/// (`--mode default`) or with ProblemDetailsVapor installed (`--mode problems`), so one binary is
/// both arms of the comparison.
///
/// Routes: `GET /hello` (plain text), `GET /thrown` (a thrown 404 `Abort`), `GET /invalid` (422
/// with three field errors, written as each world writes it), `GET /boom` (an unknown error, 500);
/// anything else is the router's 404.
@main
enum VaporLoadServer {
    static func main() async throws {
        let options = LoadServerOptions.fromCommandLine()
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = options.logLevel
            return handler
        }
        var environment = Environment.production
        environment.arguments = [CommandLine.arguments[0]]
        let app = try await Application.make(environment)
        app.logger.logLevel = options.logLevel
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = options.port
        let problems = options.problems
        if problems {
            app.useProblemDetails(try ProblemRegistry(baseURI: "http://127.0.0.1:\(options.port)"))
        }
        app.get("hello") { _ in "Hello, world!" }
        app.get("thrown") { _ -> String in throw Abort(.notFound, reason: LoadServerContent.notFoundReason) }
        app.get("invalid") { _ -> String in
            if problems { throw Problem.validationFailed(LoadServerContent.violations) }
            throw Abort(.unprocessableEntity, reason: LoadServerContent.invalidReason)
        }
        app.get("boom") { _ -> String in throw LoadServerFailure() }
        try await app.execute()
        try await app.asyncShutdown()
    }
}
