import LoadServerOptions
import Logging
import Vapor
import VaporLoadRoutes

/// The Vapor side of `Benchmarks/HTTP/run`: the routes of ``VaporLoadRoutes`` with Vapor's default
/// error handling (`--mode default`) or with ProblemDetailsVapor installed (`--mode problems`), so
/// one binary is both arms of the comparison.
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
        try VaporLoadRoutes.install(on: app, problems: options.problems, baseURI: "http://127.0.0.1:\(options.port)")
        try await app.execute()
        try await app.asyncShutdown()
    }
}
