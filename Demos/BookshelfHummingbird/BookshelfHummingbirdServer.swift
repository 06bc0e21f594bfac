#if Hummingbird
import BookshelfContract
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus

/// Runs the bookshelf server on Hummingbird from a command line, as the `bookshelf-hummingbird`
/// executable does.
public enum BookshelfHummingbirdServer {
    /// Parses the flags, serves the API until SIGINT or SIGTERM, and shuts down cleanly.
    ///
    /// The flags are the Vapor app's. `--database` is accepted and ignored: this app keeps its
    /// books in memory, as the contract allows.
    /// - Parameter arguments: The arguments, without the program's name.
    /// - Returns: The exit status: 0 after a clean shutdown, 64 for a usage error, 1 for a failure.
    public static func run(arguments: [String]) async -> Int32 {
        let program = "bookshelf-hummingbird"
        let options: BookshelfOptions
        do {
            switch try BookshelfOptions.parse(arguments) {
            case .help:
                print(BookshelfOptions.usage(program: program))
                return 0
            case .serve(let parsed):
                options = parsed
            }
        } catch {
            Self.printError("error: \(error)\n\n\(BookshelfOptions.usage(program: program))")
            return 64
        }

        let level = Logger.Level(rawValue: options.logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        // The process's one metrics backend: Hummingbird's request metrics and the problem counter
        // both end up in the registry `/metrics` shows.
        let metrics = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics))

        do {
            let app = try BookshelfApplication.make(options: options, metrics: metrics)
            app.logger.info(
                "bookshelf-hummingbird serving; books are kept in memory",
                metadata: ["public-url": .string(options.publicURL)]
            )
            // Stops on SIGINT and SIGTERM after the requests in flight are answered.
            try await app.runService()
            return 0
        } catch {
            Self.printError("error: \(error)")
            return 1
        }
    }

    private static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
#endif
