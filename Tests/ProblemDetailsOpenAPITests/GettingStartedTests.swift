import Foundation
import HTTPTypes
import ProblemDetails
import ProblemDetailsOpenAPI
import Testing

// The code of GettingStarted.md, verbatim: `articleCodeIsInThisFile` fails when they drift apart.

extension ProblemType {
    static let outOfStock = ProblemType(slug: "out-of-stock", title: "The book is out of stock.", status: .conflict)
}

@Suite struct GettingStartedTests {
    @Test func theArticlesDocumentIsValidJSONWithTheReferencedResponses() throws {
        let registry = try ProblemRegistry(baseURI: "https://api.example.com", types: [.outOfStock])
        let problems = ProblemOpenAPI(registry: registry)
        var document: ExtensionValue.Object = ["openapi": "3.1.0", "info": ["title": "Books", "version": "1.0.0"]]
        document["components"] = .object(problems.components)

        let responses: ExtensionValue.Object = [
            "200": ["description": "The loan."],
            "409": problems.responseReference(for: .conflict),
            "422": problems.responseReference(for: .unprocessableContent),
        ]
        document["paths"] = ["/books/{id}/loan": ["post": ["responses": .object(responses)]]]
        let json = ProblemJSONEncoder().encode(.object(document))

        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        let components = try #require(parsed["components"] as? [String: Any])
        let conflict = try #require((components["responses"] as? [String: Any])?["Problem409"] as? [String: Any])
        let schema = (conflict["content"] as? [String: [String: Any]])?["application/problem+json"]?["schema"]
        let refs = ((schema as? [String: Any])?["anyOf"] as? [[String: String]])?.compactMap { $0["$ref"] }
        #expect(Set(refs ?? []) == ["#/components/schemas/ConflictProblem", "#/components/schemas/OutOfStockProblem"])
    }

    @Test func articleCodeIsInThisFile() throws {
        let root = String(#filePath.prefix(upTo: try #require(#filePath.range(of: "/Tests/")).lowerBound))
        let article = try String(
            contentsOfFile: root + "/Sources/ProblemDetailsOpenAPI/Documentation.docc/GettingStarted.md",
            encoding: .utf8
        )
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
        let blocks = article.components(separatedBy: "```swift\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(blocks.count == 2)
        for line in blocks.flatMap({ $0.split(separator: "\n") }) {
            let code = line.trimmingCharacters(in: .whitespaces)
            guard !code.isEmpty, !code.hasPrefix("//") else { continue }
            #expect(source.contains(code), "GettingStarted.md: `\(code)` is not exercised by this test file")
        }
    }
}
