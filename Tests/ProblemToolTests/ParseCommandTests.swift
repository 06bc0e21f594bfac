import Foundation
import Testing

/// Runs the `problem` binary itself, as a user would.
@Suite struct ParseCommandTests {
    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    static var binary: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("problem")
    }

    static var examples: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples")
    }

    init() {
        // A usage error ends the tool before it reads its input; writing to it must not kill the tests.
        signal(SIGPIPE, SIG_IGN)
    }

    func run(_ arguments: [String], input: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        if let input { try? standardInput.fileHandleForWriting.write(contentsOf: Data(input.utf8)) }
        try? standardInput.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self)
        )
    }

    /// Runs the tool without blocking a thread of the concurrency pool, which a server in this
    /// process needs to answer the tool: output goes to files, and the exit is awaited.
    func runConcurrently(_ arguments: [String]) async throws -> Run {
        let directory = FileManager.default.temporaryDirectory
        let outputFile = directory.appendingPathComponent("problem-\(UUID().uuidString).out")
        let errorFile = directory.appendingPathComponent("problem-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
        }
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        process.standardInput = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        return Run(
            status: status,
            output: (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "",
            error: (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        )
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func theBinaryWasBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path))
    }

    @Test func parsesTheCommittedExampleWithDiagnosticsAndResolution() throws {
        let run = try run([
            "parse", Self.examples.appendingPathComponent("out-of-credit.json").path,
            "--base", "https://example.com/account/12345/msgs/abc", "--status", "403",
        ])
        #expect(run.status == 0)
        let object = try json(run.output)
        let problem = try #require(object["problem"] as? [String: Any])
        #expect(problem["type"] as? String == "https://example.com/probs/out-of-credit")
        #expect(problem["instance"] as? String == "https://example.com/account/12345/msgs/abc")
        #expect(problem["status"] == nil)
        #expect(problem["balance"] as? Int == 30)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { $0["member"] as? String } == ["status"])
    }

    @Test func readsStandardInput() throws {
        let run = try run(["parse", "-"], input: #"{"status": 404}"#)
        #expect(run.status == 0)
        #expect(run.output == #"{"problem":{"type":"about:blank","title":"Not Found","status":404},"diagnostics":[]}"# + "\n")
    }

    @Test func reportsAStatusMismatch() throws {
        let run = try run(["parse", "--status", "400"], input: #"{"status": 404}"#)
        #expect(run.status == 0)
        let diagnostics = try #require(try json(run.output)["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.first?["member"] as? String == "status")
        #expect((diagnostics.first?["message"] as? String)?.contains("400") == true)
    }

    @Test func sniffsXML() throws {
        let run = try run(["parse", Self.examples.appendingPathComponent("out-of-credit.xml").path])
        #expect(run.status == 0)
        let problem = try #require(try json(run.output)["problem"] as? [String: Any])
        #expect(problem["title"] as? String == "You do not have enough credit.")
        #expect(problem["accounts"] as? [String] == ["https://example.net/account/12345", "https://example.net/account/67890"])
    }

    @Test func contentTypeChoosesTheFormatAndIsChecked() throws {
        let run = try run(["parse", "--content-type", "application/json"], input: #"{"status": 500}"#)
        #expect(run.status == 0)
        let diagnostics = try #require(try json(run.output)["diagnostics"] as? [[String: Any]])
        #expect((diagnostics.first?["message"] as? String)?.contains("application/problem+json") == true)
        let clean = try self.run(["parse", "--content-type", "application/problem+json; charset=utf-8"], input: "{}")
        #expect(try json(clean.output)["diagnostics"] as? [Any] == nil || (try json(clean.output)["diagnostics"] as? [Any])?.isEmpty == true)
    }

    @Test(arguments: ["[1, 2]", "not json", "", #"{"a": "#])
    func inputThatIsNotAProblemExitsWithOne(input: String) throws {
        let run = try run(["parse"], input: input)
        #expect(run.status == 1)
        let error = try #require(try json(run.output)["error"] as? [String: Any])
        #expect(error["message"] is String)
    }

    @Test func oversizedInputExitsWithOne() throws {
        let run = try run(["parse"], input: "{\"detail\": \"" + String(repeating: "x", count: 1 << 21) + "\"}")
        #expect(run.status == 1)
        #expect(run.output.contains("too large"))
    }

    @Test(arguments: [["parse", "--status", "42"], ["parse", "--base", "relative"], ["parse", "/no/such/file"], ["frobnicate"], ["parse", "--bogus"]])
    func usageErrorsExitWithTwo(arguments: [String]) throws {
        let run = try run(arguments, input: "{}")
        #expect(run.status == 2)
        #expect(!run.error.isEmpty)
    }

    @Test func helpExitsWithZero() throws {
        let run = try run(["parse", "--help"])
        #expect(run.status == 0)
        #expect(run.output.contains("--base"))
    }
}
