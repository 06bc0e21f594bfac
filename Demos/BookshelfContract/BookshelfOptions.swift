/// How a bookshelf server is started: the flags both demo apps take.
///
/// ```
/// bookshelf --hostname 0.0.0.0 --port 8081 --database books.sqlite --public-url https://books.example.com
/// ```
public struct BookshelfOptions: Sendable, Hashable {
    /// The log levels `--log-level` accepts, as swift-log names them.
    public static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    /// The address to listen on.
    public var hostname: String
    /// The port to listen on.
    public var port: Int
    /// The SQLite database file, created and migrated on start; `:memory:` keeps the data in
    /// memory.
    public var databasePath: String
    /// The lowest level logged, one of ``logLevels``.
    public var logLevel: String
    /// The base of problem type URIs when given; see ``publicURL``.
    public var explicitPublicURL: String?

    /// Creates options; the defaults are those of `swift run bookshelf`.
    ///
    /// - Parameters:
    ///   - hostname: The address to listen on.
    ///   - port: The port to listen on.
    ///   - databasePath: The SQLite database file, or `:memory:`.
    ///   - logLevel: The lowest level logged.
    ///   - publicURL: The base of problem type URIs; by default `http://HOSTNAME:PORT`.
    public init(
        hostname: String = "127.0.0.1",
        port: Int = 8080,
        databasePath: String = "bookshelf.sqlite",
        logLevel: String = "info",
        publicURL: String? = nil
    ) {
        self.hostname = hostname
        self.port = port
        self.databasePath = databasePath
        self.logLevel = logLevel
        self.explicitPublicURL = publicURL
    }

    /// The base of the API's problem type URIs: `--public-url`, else `http://HOSTNAME:PORT`.
    public var publicURL: String {
        if let explicitPublicURL { return explicitPublicURL }
        // An IPv6 literal needs brackets in a URI's authority (RFC 3986 §3.2.2).
        let host = self.hostname.contains(":") ? "[\(self.hostname)]" : self.hostname
        return "http://\(host):\(self.port)"
    }

    /// Whether the data lives in memory only.
    public var isInMemory: Bool { self.databasePath == ":memory:" }
}

extension BookshelfOptions {
    /// What the command line asks for.
    public enum Command: Sendable, Hashable {
        /// Serve the API with these options.
        case serve(BookshelfOptions)
        /// Print the usage and exit.
        case help
    }

    /// The usage text.
    ///
    /// - Parameter program: The program's name.
    public static func usage(program: String) -> String {
        """
        USAGE: \(program) [--hostname H] [--port N] [--database PATH] [--log-level L] [--public-url URL]

        OPTIONS:
          -H, --hostname H      the address to listen on (default 127.0.0.1)
          -p, --port N          the port to listen on (default 8080)
          --database PATH       the SQLite database file, or :memory: (default bookshelf.sqlite)
          --log-level L         \(logLevels.joined(separator: ", ")) (default info)
          --public-url URL      the base of problem type URIs (default http://HOSTNAME:PORT)
          -h, --help            show this help
        """
    }

    /// Reads the flags, as `--name value` or `--name=value`.
    ///
    /// - Parameter arguments: The arguments, without the program's name.
    /// - Throws: ``UsageError`` for an unknown flag, a missing value or a value out of range.
    public static func parse(_ arguments: [String]) throws(UsageError) -> Command {
        var options = BookshelfOptions()
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "-h" || argument == "--help" { return .help }
            var name = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            func value() throws(UsageError) -> String {
                if let inlineValue { return inlineValue }
                guard let next = remaining.popFirst() else { throw UsageError("\(name) needs a value") }
                return next
            }
            switch name {
            case "-H", "--hostname":
                let hostname = try value()
                guard !hostname.isEmpty else { throw UsageError("--hostname must not be empty") }
                options.hostname = hostname
            case "-p", "--port":
                let text = try value()
                guard let port = Int(text), (0...65535).contains(port) else {
                    throw UsageError("--port must be a number from 0 to 65535, not '\(text)'")
                }
                options.port = port
            case "--database":
                let path = try value()
                guard !path.isEmpty else { throw UsageError("--database must not be empty") }
                options.databasePath = path
            case "--log-level":
                let level = try value().lowercased()
                guard logLevels.contains(level) else {
                    throw UsageError("--log-level must be one of \(logLevels.joined(separator: ", ")), not '\(level)'")
                }
                options.logLevel = level
            case "--public-url":
                let url = try value()
                guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                    throw UsageError("--public-url must be an http or https URL, not '\(url)'")
                }
                options.explicitPublicURL = url
            default:
                throw UsageError("unknown argument '\(argument)'")
            }
        }
        return .serve(options)
    }

    /// A command line that cannot be run.
    public struct UsageError: Error, Hashable, CustomStringConvertible {
        /// What is wrong.
        public let description: String

        init(_ description: String) {
            self.description = description
        }
    }
}
