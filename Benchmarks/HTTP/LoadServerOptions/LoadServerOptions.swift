#if canImport(Glibc)
import Glibc
#endif
import Logging

/// The load servers' command line: `--mode default|problems --port N --log-level LEVEL`.
public struct LoadServerOptions: Sendable {
    /// Whether the problem-details integration is installed.
    public var problems = false
    /// The port on 127.0.0.1.
    public var port = 8080
    /// The log level; `critical` by default, so that neither arm's logging dominates.
    public var logLevel = Logger.Level.critical

    /// The options of this process's command line; a command line that cannot be read prints
    /// the usage to standard error and exits with status 2, instead of trapping.
    public static func fromCommandLine() -> LoadServerOptions {
        do {
            return try LoadServerOptions(CommandLine.arguments.dropFirst())
        } catch {
            var message = "\(error)\n"
            message.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
            exit(2)
        }
    }

    /// Reads the options.
    ///
    /// - Parameter arguments: The arguments, without the program's name.
    public init(_ arguments: some Sequence<String>) throws {
        var iterator = arguments.makeIterator()
        while let name = iterator.next() {
            guard let value = iterator.next() else { throw LoadServerUsage(message: "\(name) needs a value") }
            switch name {
            case "--mode":
                guard value == "default" || value == "problems" else {
                    throw LoadServerUsage(message: "--mode is default or problems")
                }
                self.problems = value == "problems"
            case "--port":
                guard let port = Int(value), (1...65535).contains(port) else {
                    throw LoadServerUsage(message: "--port is a port number")
                }
                self.port = port
            case "--log-level":
                guard let level = Logger.Level(rawValue: value) else {
                    throw LoadServerUsage(message: "--log-level is one of trace…critical")
                }
                self.logLevel = level
            default:
                throw LoadServerUsage(message: "unknown option \(name)")
            }
        }
    }
}

/// A command line the load servers cannot read.
public struct LoadServerUsage: Error, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// The message.
    public var description: String { "usage: --mode default|problems --port N --log-level LEVEL: \(self.message)" }
}

/// The error `/boom` throws: one no framework knows, which must become a 500 that shows nothing.
public struct LoadServerFailure: Error, CustomStringConvertible {
    /// Creates the failure.
    public init() {}
    /// Words that must never reach a client.
    public var description: String { "connection to postgres://load:secret@db.internal/books refused" }
}
