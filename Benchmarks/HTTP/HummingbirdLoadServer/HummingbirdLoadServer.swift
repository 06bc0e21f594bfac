import Hummingbird
import HummingbirdLoadRoutes
import LoadServerOptions
import Logging

/// The Hummingbird side of `Benchmarks/HTTP/run`: the routes of ``HummingbirdLoadRoutes`` with
/// Hummingbird's default error handling (`--mode default`) or with ProblemDetailsHummingbird
/// installed (`--mode problems`), so one binary is both arms of the comparison.
@main
enum HummingbirdLoadServer {
    static func main() async throws {
        let options = LoadServerOptions.fromCommandLine()
        var logger = Logger(label: "hummingbird-load-server")
        logger.logLevel = options.logLevel
        let configuration = ApplicationConfiguration(address: .hostname("127.0.0.1", port: options.port))
        if options.problems {
            let router = try HummingbirdLoadRoutes.problemRouter(baseURI: "http://127.0.0.1:\(options.port)")
            try await Application(router: router, configuration: configuration, logger: logger).runService()
        } else {
            let router = HummingbirdLoadRoutes.defaultRouter()
            try await Application(router: router, configuration: configuration, logger: logger).runService()
        }
    }
}
