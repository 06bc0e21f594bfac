import BookshelfContract
import Foundation
import HTTPTypes
import ProblemDetails
import Testing

/// `/openapi.json`: the contract's OpenAPI document agrees with the registry and the route table.
@Suite struct OpenAPITests {
    /// Every `$ref` in a JSON value.
    static func references(in value: Any) -> [String] {
        switch value {
        case let object as [String: Any]:
            ((object["$ref"] as? String).map { [$0] } ?? []) + object.values.flatMap(references(in:))
        case let array as [Any]:
            array.flatMap(references(in:))
        default:
            []
        }
    }

    @Test(arguments: Demo.allCases) func theDocumentAndTheRegistryAgree(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let response = try await shelf.send(.GET, "/openapi.json")
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentType) == "application/json")
            let document = try JSON.object(response)
            #expect(document["openapi"] as? String == "3.1.0")
            let components = try #require(document["components"] as? [String: Any])
            let schemas = try #require(components["schemas"] as? [String: [String: Any]])
            let responses = try #require(components["responses"] as? [String: [String: Any]])
            let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])

            // The problem types the operations can answer with, through their responses.
            var documented: Set<String> = []
            for (_, operations) in paths {
                for (_, operation) in operations {
                    for reference in Self.references(in: operation["responses"] ?? [:])
                    where reference.hasPrefix("#/components/responses/") {
                        guard let name = reference.split(separator: "/").last, let response = responses[String(name)] else {
                            Issue.record("\(reference) is not a component")
                            continue
                        }
                        for schema in Self.references(in: response["content"] ?? [:]) {
                            let schemaName = String(schema.split(separator: "/").last ?? "")
                            let properties = schemas[schemaName]?["properties"] as? [String: [String: Any]]
                            if let type = properties?["type"]?["const"] as? String { documented.insert(type) }
                        }
                    }
                }
            }
            let registry = try BookshelfRegistry.make(publicURL: Bookshelf.publicURL)
            let registered = Set(registry.types.map { registry.typeURI(of: $0) })
            #expect(documented == registered)
            // Every type schema names a registered type.
            for (name, schema) in schemas where name.hasSuffix("Problem") && name != "Problem" {
                let type = (schema["properties"] as? [String: [String: Any]])?["type"]?["const"] as? String
                #expect(type.map(registered.contains) == true, "\(name)")
            }
        }
    }

    @Test(arguments: Demo.allCases) func everyOperationListsTheContractsProblems(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let document = try JSON.object(try await shelf.send(.GET, "/openapi.json"))
            let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
            var operations = 0
            for (path, items) in paths {
                for (method, operation) in items {
                    operations += 1
                    let responses = try #require(operation["responses"] as? [String: Any])
                    let expected = (BookshelfOpenAPI.problemStatuses["\(method.uppercased()) \(path)"] ?? []) + [500]
                    for code in expected {
                        let reference = (responses[String(code)] as? [String: String])?["$ref"]
                        #expect(reference == "#/components/responses/Problem\(code)", "\(method) \(path) \(code)")
                    }
                }
            }
            #expect(operations == BookshelfOpenAPI.problemStatuses.count)
            #expect(
                (document["servers"] as? [[String: String]])?.first?["url"] == Bookshelf.publicURL
            )
        }
    }
}
