import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `problem`: tools for RFC 9457 problem documents.
@main
struct ProblemCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "problem",
        abstract: "Tools for RFC 9457 problem details.",
        subcommands: [Parse.self, OpenAPI.self, Check.self]
    )

    /// Usage errors exit with 2, as the tool's documentation promises, rather than
    /// ArgumentParser's 64, so scripts can tell "not a problem" (1) from "called wrongly" (2).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            terminate(code.rawValue)
        } catch {
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                terminate(0)
            }
            writeToStandardError(fullMessage(for: error) + "\n")
            terminate(2)
        }
    }
}

/// Ends the process; a free function because `ParsableCommand` has an `exit` of its own.
func terminate(_ code: Int32) -> Never {
    exit(code)
}

func writeToStandardError(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
            if written <= 0 { return }
            offset += written
        }
    }
}
