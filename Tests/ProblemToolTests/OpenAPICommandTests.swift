import Foundation
import Testing

/// `problem openapi`, run as a user would, and the components file committed from it.
@Suite struct OpenAPICommandTests {
    let tool = ParseCommandTests()

    static var committed: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("OpenAPI/problems.json")
    }

    @Test func printsTheComponentsOfTheBuiltInTypesUnderTheBase() throws {
        let run = try tool.run(["openapi", "--base", "https://books.example"])
        #expect(run.status == 0)
        let document = try tool.json(run.output)
        #expect(document["openapi"] as? String == "3.1.0")
        let components = try #require(document["components"] as? [String: Any])
        let schemas = try #require(components["schemas"] as? [String: [String: Any]])
        let timeout = try #require(schemas["TimeoutProblem"]?["properties"] as? [String: [String: Any]])
        #expect(timeout["type"]?["const"] as? String == "https://books.example/problems/timeout")
        #expect((components["responses"] as? [String: Any])?["Problem422"] != nil)
    }

    @Test func aBaseThatIsNotAbsoluteIsAUsageError() throws {
        let run = try tool.run(["openapi", "--base", "books"])
        #expect(run.status == 2)
        #expect(run.output.isEmpty)
    }

    /// The committed file is the tool's output for its default base: regenerate it with
    /// `swift run problem openapi > OpenAPI/problems.json` when the built-in types change.
    @Test func theCommittedFileIsCurrent() throws {
        let run = try tool.run(["openapi"])
        #expect(run.status == 0)
        let committed = try String(contentsOf: Self.committed, encoding: .utf8)
        #expect(committed == run.output, "OpenAPI/problems.json is stale: regenerate it")
    }
}
