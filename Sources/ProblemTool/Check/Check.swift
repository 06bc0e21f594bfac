import ArgumentParser
import ProblemDetails

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `problem check`: whether a live API's error responses obey RFC 9457, check by check.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Probe a live HTTP API and report whether its error responses conform to RFC 9457.",
        discussion: """
            Provokes errors (an unknown path; with --path, a wrong method; with --post, bodies that \
            are malformed, of the wrong type and too large) and holds every answer to the rules: \
            problem media type, status member equal to the HTTP status, member types, about:blank \
            titles, type URI form, Retry-After, no leaked internals; plus Accept and \
            Accept-Language variants, Vary, HEAD, and request-ID echo and injection. Prints one \
            line per check (or JSON with --format json). Exits 0 when nothing fails, 1 when a check \
            fails, 2 for usage or connection errors. Sends at most --max-requests requests.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Argument(help: "The API's base URL, such as http://127.0.0.1:8080.")
    var url: String

    @Option(name: .customLong("path"), help: "A path whose wrong methods should get 405 with Allow (repeatable).")
    var paths: [String] = []

    @Option(name: .customLong("post"), help: "A path taking JSON bodies, to send bad bodies to (repeatable).")
    var posts: [String] = []

    @Option(help: "An OpenAPI document (JSON file, URL, or path on the API) whose error responses must declare problem content.")
    var openapi: String?

    @Flag(help: "Also fetch every type URI seen and require documentation there.")
    var dereference = false

    @Option(help: "Seconds each request may take.")
    var timeout: Double = 10

    @Option(name: .customLong("max-requests"), help: "The most requests sent.")
    var maxRequests: Int = 60

    @Option(name: .customLong("large-body"), help: "Bytes in the oversized body sent to --post paths.")
    var largeBody: Int = 16 << 20

    @Option(help: "table (the default) or json.")
    var format: Format = .table

    func validate() throws {
        guard let base = URIReference(parsing: self.url), base.isAbsolute, base.scheme == "http" || base.scheme == "https" else {
            throw ValidationError("the URL must be an absolute http or https URL")
        }
        for path in self.paths + self.posts where !path.hasPrefix("/") {
            throw ValidationError("--path and --post take paths from the root, such as /books")
        }
        guard self.timeout > 0, self.timeout <= 300 else { throw ValidationError("--timeout must be from 0 to 300 seconds") }
        guard (1...1000).contains(self.maxRequests) else { throw ValidationError("--max-requests must be from 1 to 1000") }
        guard (1...(256 << 20)).contains(self.largeBody) else { throw ValidationError("--large-body must be from 1 byte to 256 MiB") }
    }

    func run() async throws {
        #if AsyncHTTPClient
        let probe = APIProbe(baseURL: self.url, timeoutSeconds: self.timeout, maximumRequests: self.maxRequests)
        var plan = LiveChecks.Plan()
        plan.paths = self.paths
        plan.posts = self.posts
        plan.largeBodyBytes = self.largeBody
        plan.dereference = self.dereference
        plan.openAPI = self.openapi
        var checks = LiveChecks(probe: probe, plan: plan)
        do {
            try await checks.run()
        } catch {
            await probe.shutdown()
            writeToStandardError("problem check: cannot reach \(self.url): \(error)\n")
            throw ExitCode(2)
        }
        let report = CheckReport(checks: checks.checks, requests: await probe.requestsSent)
        await probe.shutdown()
        switch self.format {
        case .table: print(report.table(colour: isatty(STDOUT_FILENO) == 1))
        case .json: print(report.json)
        }
        if report.failed > 0 { throw ExitCode(1) }
        #else
        writeToStandardError("problem check needs the package's AsyncHTTPClient trait\n")
        throw ExitCode(2)
        #endif
    }
}
