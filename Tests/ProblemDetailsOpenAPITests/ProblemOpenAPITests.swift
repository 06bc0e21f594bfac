import Foundation
import HTTPTypes
import ProblemDetails
import ProblemDetailsOpenAPI
import Testing

@Suite struct ProblemOpenAPITests {
    static let outOfCredit = ProblemType(
        slug: "out-of-credit",
        title: "You do not have enough credit.",
        status: .forbidden,
        summary: "The balance does not cover the request.",
        members: [.init(name: "balance", kind: .integer, summary: "The balance, in cents.")]
    )

    /// The components as plain JSON, read back without the library's own decoder.
    static func components(_ openAPI: ProblemOpenAPI) throws -> [String: Any] {
        let bytes = ProblemJSONEncoder().encode(openAPI.componentsDocument())
        let document = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        return try #require(document["components"] as? [String: Any])
    }

    @Test func theProblemSchemaFollowsAppendixA() throws {
        let components = try Self.components(ProblemOpenAPI(registry: try ProblemRegistry(baseURI: "https://api.example.com")))
        let schemas = try #require(components["schemas"] as? [String: [String: Any]])
        let problem = try #require(schemas["Problem"])
        let properties = try #require(problem["properties"] as? [String: [String: Any]])
        #expect(properties["type"]?["format"] as? String == "uri-reference")
        #expect(properties["type"]?["default"] as? String == "about:blank")
        #expect(properties["status"]?["minimum"] as? Int == 100)
        #expect(properties["status"]?["maximum"] as? Int == 599)
        #expect(properties["instance"]?["format"] as? String == "uri-reference")
        #expect(problem["additionalProperties"] as? Bool == true)
        #expect((problem["xml"] as? [String: String])?["namespace"] == "urn:ietf:rfc:7807")
        let violation = try #require(schemas["ProblemViolation"])
        #expect(violation["required"] as? [String] == ["detail"])
        #expect(Set((violation["properties"] as? [String: Any])?.keys ?? [:].keys) == ["detail", "pointer", "parameter", "header"])
    }

    @Test func eachRegisteredTypeHasASchemaFixingItsTypeAndStatus() throws {
        let registry = try ProblemRegistry(baseURI: "https://api.example.com", types: [Self.outOfCredit])
        let openAPI = ProblemOpenAPI(registry: registry)
        #expect(openAPI.schemaName(of: Self.outOfCredit) == "OutOfCreditProblem")
        #expect(openAPI.schemaName(of: .validationError) == "ValidationErrorProblem")
        let schemas = try #require(try Self.components(openAPI)["schemas"] as? [String: [String: Any]])
        #expect(schemas.count == registry.types.count + 2)
        let schema = try #require(schemas["OutOfCreditProblem"])
        let properties = try #require(schema["properties"] as? [String: [String: Any]])
        #expect(properties["type"]?["const"] as? String == "https://api.example.com/problems/out-of-credit")
        #expect(properties["status"]?["const"] as? Int == 403)
        #expect(properties["balance"]?["type"] as? String == "integer")
        #expect(properties["balance"]?["description"] as? String == "The balance, in cents.")
        #expect(schema["description"] as? String == "The balance does not cover the request.")
        let errors = try #require(
            (schemas["ValidationErrorProblem"]?["properties"] as? [String: [String: Any]])?["errors"]
        )
        #expect((errors["items"] as? [String: String])?["$ref"] == "#/components/schemas/ProblemViolation")
    }

    @Test func responsesExistPerStatusWithBothMediaTypesExamplesAndHeaders() throws {
        let registry = try ProblemRegistry(baseURI: "https://api.example.com", types: [Self.outOfCredit])
        let openAPI = ProblemOpenAPI(registry: registry)
        #expect(openAPI.statuses.map(\.code) == [400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 503, 504])
        #expect(openAPI.responseReference(for: .forbidden) == ["$ref": "#/components/responses/Problem403"])
        let responses = try #require(try Self.components(openAPI)["responses"] as? [String: [String: Any]])
        #expect(responses.count == openAPI.statuses.count)

        // Two types share 403: either may come, so the schema is anyOf both, with an example each.
        let forbidden = try #require(responses["Problem403"]?["content"] as? [String: [String: Any]])
        #expect(Set(forbidden.keys) == ["application/problem+json", "application/problem+xml"])
        let schema = try #require(forbidden["application/problem+json"]?["schema"] as? [String: Any])
        let anyOf = try #require(schema["anyOf"] as? [[String: String]])
        #expect(Set(anyOf.compactMap { $0["$ref"] }) == ["#/components/schemas/ForbiddenProblem", "#/components/schemas/OutOfCreditProblem"])
        let examples = try #require(forbidden["application/problem+json"]?["examples"] as? [String: [String: Any]])
        #expect(Set(examples.keys) == ["forbidden", "out-of-credit"])
        #expect((examples["out-of-credit"]?["value"] as? [String: Any])?["balance"] as? Int == 1)

        // A status only about:blank answers refers to the generic schema.
        let notAllowed = try #require(responses["Problem405"])
        let generic = (notAllowed["content"] as? [String: [String: Any]])?["application/problem+json"]?["schema"]
        #expect((generic as? [String: String])?["$ref"] == "#/components/schemas/Problem")
        #expect(Set((notAllowed["headers"] as? [String: Any])?.keys ?? [:].keys) == ["Allow", "X-Request-ID"])
        #expect((responses["Problem429"]?["headers"] as? [String: Any])?["Retry-After"] != nil)
        #expect((responses["Problem503"]?["headers"] as? [String: Any])?["Retry-After"] != nil)
        #expect((responses["Problem401"]?["headers"] as? [String: Any])?["WWW-Authenticate"] != nil)
        // 404 is both the registry's resource-not-found and about:blank for unknown routes.
        let notFound = (responses["Problem404"]?["content"] as? [String: [String: Any]])?["application/problem+json"]?["schema"]
        #expect(((notFound as? [String: Any])?["anyOf"] as? [Any])?.count == 2)

        let headers = try #require(try Self.components(openAPI)["headers"] as? [String: [String: Any]])
        #expect(Set(headers.keys) == ["X-Request-ID", "Allow", "WWW-Authenticate", "Retry-After"])
    }
}
