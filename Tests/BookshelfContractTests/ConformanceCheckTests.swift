import Foundation
import Testing

/// `problem check`, the tool users point at their own APIs, passes every check against both demos.
@Suite(.serialized) struct ConformanceCheckTests {
    static var problemTool: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("problem")
    }

    @Test(arguments: Demo.allCases) func everyCheckPassesAgainstTheDemo(demo: Demo) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try await BinaryTests.Server.start(demo, database: directory.appendingPathComponent("bookshelf.sqlite"))
        let output = directory.appendingPathComponent("report.json")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = Self.problemTool
        process.arguments = [
            "check", server.base, "--path", "/books", "--post", "/books", "--dereference", "--openapi", "/openapi.json",
            "--format", "json",
        ]
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = Pipe()
        // Awaited, not waited for: a blocked thread of the concurrency pool could starve the tests
        // running beside this one.
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        _ = try await server.stop()

        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any]
        )
        let checks = (report["checks"] as? [[String: Any]]) ?? []
        let failed = checks.filter { $0["outcome"] as? String == "failed" }.map { "\($0["id"] ?? ""): \($0["observed"] ?? "")" }
        #expect(status == 0, "\(failed.joined(separator: "\n"))")
        #expect(failed.isEmpty)
        let ran = Set(checks.filter { $0["outcome"] as? String == "passed" }.compactMap { $0["id"] as? String })
        for id in [
            "unknown-path-404", "vary-accept", "vary-accept-language", "head", "request-id-echo", "request-id-injection",
            "method-not-allowed", "malformed-json", "unsupported-media-type", "content-too-large", "type-dereferences",
            "openapi-problem-content", "status-member-matches", "no-leak", "type-uri",
        ] {
            #expect(ran.contains(id), "\(demo): \(id) did not pass")
        }
    }
}
