#if Vapor
import BookshelfContract
import Foundation
import Metrics
import Prometheus
import Vapor

/// Runs the bookshelf server from a command line, as the `bookshelf` executable does.
public enum BookshelfServer {
    /// Parses the flags, serves the API until SIGINT or SIGTERM, and shuts down cleanly.
    ///
    /// The flags may follow Vapor's `serve` command (`bookshelf serve --port 8081`), and
    /// `--env NAME` (`-e`) picks Vapor's environment, `production` by default.
    /// - Parameter arguments: The arguments, without the program's name.
    /// - Returns: The exit status: 0 after a clean shutdown, 64 for a usage error, 1 for a failure.
    public static func run(arguments: [String]) async -> Int32 {
        var arguments = arguments
        if arguments.first == "serve" { arguments.removeFirst() }
        let environmentName = Self.takeEnvironment(from: &arguments) ?? "production"
        let options: BookshelfOptions
        do {
            switch try BookshelfOptions.parse(arguments) {
            case .help:
                print(BookshelfOptions.usage(program: "bookshelf"))
                return 0
            case .serve(let parsed):
                options = parsed
            }
        } catch {
            Self.printError("error: \(error)\n\n\(BookshelfOptions.usage(program: "bookshelf"))")
            return 64
        }

        let level = Logger.Level(rawValue: options.logLevel) ?? .info
        LoggingSystem.bootstrap(console: Terminal(), level: level)
        // The process's one metrics backend: Vapor's request metrics and the problem counter both
        // end up in the registry `/metrics` shows.
        let metrics = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics))

        // Vapor reads its command from the environment's arguments; the flags are applied by
        // `configure`, so `serve` runs with the server configuration it sets.
        let environment = Environment(name: environmentName, arguments: ["bookshelf", "serve"])
        let app: Application
        do {
            app = try await Application.make(environment)
        } catch {
            Self.printError("error: \(error)")
            return 1
        }
        var status: Int32 = 0
        do {
            try await configure(app, options: options, metrics: metrics)
            app.logger.info(
                "bookshelf serving",
                metadata: ["database": .string(options.databasePath), "public-url": .string(options.publicURL)]
            )
            try await app.execute()
        } catch {
            app.logger.critical("bookshelf stopped: \(error)")
            status = 1
        }
        do {
            // Closes the database connections, so SQLite finishes every write before the exit.
            try await app.asyncShutdown()
        } catch {
            app.logger.error("shutdown failed: \(error)")
            status = 1
        }
        return status
    }

    /// Removes `--env NAME`, `--env=NAME` or `-e NAME` from the arguments and returns the name.
    static func takeEnvironment(from arguments: inout [String]) -> String? {
        var name: String?
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument.hasPrefix("--env=") {
                name = String(argument.dropFirst("--env=".count))
                arguments.remove(at: index)
            } else if argument == "--env" || argument == "-e", index + 1 < arguments.endIndex {
                name = arguments[index + 1]
                arguments.removeSubrange(index...index + 1)
            } else {
                index += 1
            }
        }
        return name
    }

    private static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
#endif
