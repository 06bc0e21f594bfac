import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Runs each demo's binary itself, as a user would: on a free port with a temporary database,
/// over real HTTP, stopped with SIGTERM.
@Suite(.serialized) struct BinaryTests {
    static func binary(_ demo: Demo) -> URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent(demo.binaryName)
    }

    /// A running `bookshelf` process and where it logs.
    struct Server {
        let process: Process
        let port: Int
        let log: URL

        var base: String { "http://127.0.0.1:\(self.port)" }

        var output: String { (try? String(contentsOf: self.log, encoding: .utf8)) ?? "" }

        /// Starts the binary and waits until `/health` answers.
        static func start(_ demo: Demo, database: URL) async throws -> Server {
            let port = try Self.freePort()
            let log = FileManager.default.temporaryDirectory.appendingPathComponent("bookshelf-\(UUID().uuidString).log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let handle = try FileHandle(forWritingTo: log)
            let process = Process()
            process.executableURL = BinaryTests.binary(demo)
            process.arguments = ["--port", String(port), "--database", database.path, "--log-level", "info"]
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
            let server = Server(process: process, port: port, log: log)
            let clock = ContinuousClock()
            let deadline = clock.now + .seconds(60)
            while clock.now < deadline {
                if !process.isRunning {
                    Issue.record("\(demo.binaryName) exited early with \(process.terminationStatus):\n\(server.output)")
                    throw CancellationError()
                }
                if let (_, response) = try? await server.request("GET", "/health"), response.statusCode == 200 {
                    return server
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            process.terminate()
            Issue.record("\(demo.binaryName) did not answer /health in time:\n\(server.output)")
            throw CancellationError()
        }

        /// Sends a request and returns the body and response.
        func request(_ method: String, _ path: String, headers: [String: String] = [:], body: String? = nil)
            async throws -> (Data, HTTPURLResponse)
        {
            var request = URLRequest(url: try #require(URL(string: self.base + path)))
            request.httpMethod = method
            for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
            request.httpBody = body.map { Data($0.utf8) }
            let (data, response) = try await URLSession.shared.data(for: request)
            return (data, try #require(response as? HTTPURLResponse))
        }

        /// Sends SIGTERM and waits for the process to end; returns its exit status.
        func stop() async throws -> Int32 {
            kill(self.process.processIdentifier, SIGTERM)
            let clock = ContinuousClock()
            let deadline = clock.now + .seconds(30)
            while self.process.isRunning, clock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
            if self.process.isRunning {
                kill(self.process.processIdentifier, SIGKILL)
                Issue.record("bookshelf did not stop on SIGTERM:\n\(self.output)")
            }
            self.process.waitUntilExit()
            #expect(self.process.terminationReason == .exit)
            return self.process.terminationStatus
        }

        /// A port nothing listens on: bind port 0, read what the kernel chose, release it.
        static func freePort() throws -> Int {
            #if canImport(Glibc)
            let streamType = Int32(SOCK_STREAM.rawValue)
            #else
            let streamType = SOCK_STREAM
            #endif
            let fd = socket(AF_INET, streamType, 0)
            guard fd >= 0 else { throw POSIXError(.EMFILE) }
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = 0
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let named = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
            guard named == 0 else { throw POSIXError(.EADDRNOTAVAIL) }
            return Int(UInt16(bigEndian: address.sin_port))
        }
    }

    @Test(arguments: Demo.allCases) func theBinaryWasBuilt(demo: Demo) {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary(demo).path))
    }

    @Test(arguments: Demo.allCases) func helpAndBadFlags(demo: Demo) throws {
        for (arguments, status) in [(["--help"], Int32(0)), (["--port", "nope"], 64)] {
            let process = Process()
            process.executableURL = Self.binary(demo)
            process.arguments = arguments
            process.standardOutput = Pipe()
            process.standardError = Pipe()
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == status, "\(arguments)")
        }
    }

    @Test(arguments: Demo.allCases) func servesTheContractOverHTTPAndStopsCleanlyOnSIGTERM(demo: Demo) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bookshelf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("books.sqlite")

        let server = try await Server.start(demo, database: database)
        defer { try? FileManager.default.removeItem(at: server.log) }
        let id: String
        do {
            let (created, createdResponse) = try await server.request(
                "POST",
                "/books",
                headers: ["Content-Type": "application/json"],
                body: #"{"title": "Dune", "isbn": "9780306406157", "year": 1965, "tags": ["sf"]}"#
            )
            #expect(createdResponse.statusCode == 201)
            let book = try #require(try JSONSerialization.jsonObject(with: created) as? [String: Any])
            id = try #require(book["id"] as? String)
            #expect(createdResponse.value(forHTTPHeaderField: "Location") == "/books/\(id)")

            // The race for one ISBN over real connections, against the database file.
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<50 {
                    group.addTask {
                        try await server.request(
                            "POST",
                            "/books",
                            headers: ["Content-Type": "application/json"],
                            body: #"{"title": "Racer \#(index)", "isbn": "9781861972712", "year": 2000}"#
                        ).1.statusCode
                    }
                }
                var statuses: [Int] = []
                for try await status in group { statuses.append(status) }
                return statuses
            }
            #expect(statuses.filter { $0 == 201 }.count == 1)
            #expect(statuses.filter { $0 == 409 }.count == 49)

            let (problemData, problemResponse) = try await server.request(
                "GET",
                "/books/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d",
                headers: ["X-Request-ID": "binary-1"]
            )
            #expect(problemResponse.statusCode == 404)
            #expect(problemResponse.value(forHTTPHeaderField: "Content-Type") == "application/problem+json")
            #expect(problemResponse.value(forHTTPHeaderField: "X-Request-ID") == "binary-1")
            let problem = try #require(try JSONSerialization.jsonObject(with: problemData) as? [String: Any])
            let type = try #require(problem["type"] as? String)
            // The default public URL is the server's own address, so the type URI dereferences.
            #expect(type == "\(server.base)/problems/resource-not-found")
            #expect(problem["request_id"] as? String == "binary-1")
            let (page, pageResponse) = try await URLSession.shared.data(from: try #require(URL(string: type)))
            #expect((pageResponse as? HTTPURLResponse)?.statusCode == 200)
            #expect(String(decoding: page, as: UTF8.self).contains(type))

            let (boom, boomResponse) = try await server.request("GET", "/boom", headers: ["Accept": "text/html"])
            #expect(boomResponse.statusCode == 500)
            #expect(!String(decoding: boom, as: UTF8.self).contains("SECRET-7f3a"))

            let (_, unknown) = try await server.request("GET", "/nowhere")
            #expect(unknown.statusCode == 404)

            let (metrics, _) = try await server.request("GET", "/metrics")
            #expect(String(decoding: metrics, as: UTF8.self).contains("problem_details_responses"))
        } catch {
            _ = try? await server.stop()
            throw error
        }
        #expect(try await server.stop() == 0)
        // 5xx are logged at error level with the underlying error, with the request ID.
        #expect(server.output.contains("SECRET-7f3a"))
        #expect(server.output.contains("binary-1"))

        // The data survived the shutdown, where the app keeps it.
        guard demo.persists else { return }
        let restarted = try await Server.start(demo, database: database)
        defer { try? FileManager.default.removeItem(at: restarted.log) }
        let (_, fetched) = try await restarted.request("GET", "/books/\(id)")
        #expect(fetched.statusCode == 200)
        #expect(try await restarted.stop() == 0)
    }
}
