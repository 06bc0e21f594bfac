import Hummingbird
import LoadServerOptions
import Logging
import ProblemDetailsHummingbird

/// The Hummingbird side of `Benchmarks/HTTP/run`: the same routes with Hummingbird's default error
/// handling (`--mode default`) or with ProblemDetailsHummingbird installed (`--mode problems`), so
/// one binary is both arms of the comparison.
///
/// Routes: `GET /hello` (plain text), `GET /thrown` (a thrown 404 `HTTPError`), `GET /invalid`
/// (422 with three field errors, written as each world writes it), `GET /boom` (an unknown error,
/// 500); anything else is the router's 404.
@main
enum HummingbirdLoadServer {
    static func main() async throws {
        let options = LoadServerOptions.fromCommandLine()
        var logger = Logger(label: "hummingbird-load-server")
        logger.logLevel = options.logLevel
        let configuration = ApplicationConfiguration(address: .hostname("127.0.0.1", port: options.port))
        if options.problems {
            let router = Router(context: BasicProblemRequestContext.self)
            router.addProblemDetails(try ProblemRegistry(baseURI: "http://127.0.0.1:\(options.port)"))
            addRoutes(to: router, problems: true)
            try await Application(router: router, configuration: configuration, logger: logger).runService()
        } else {
            let router = Router()
            addRoutes(to: router, problems: false)
            try await Application(router: router, configuration: configuration, logger: logger).runService()
        }
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
