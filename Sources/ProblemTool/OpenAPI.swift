import ArgumentParser
import Foundation
import ProblemDetails
import ProblemDetailsOpenAPI

/// `problem openapi`: the OpenAPI components of the built-in problem types, for spec-first APIs.
struct OpenAPI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi",
        abstract: "Print OpenAPI 3.1 components for the built-in problem types, to $ref from your own document.",
        discussion: """
            Prints a document holding only components: the Problem schema of RFC 9457 Appendix A, \
            ProblemViolation, one schema per built-in type with its type URI under --base, one \
            response per status (Problem400 … Problem504) for application/problem+json and \
            application/problem+xml, and the header fields they carry. Refer to them as \
            problems.json#/components/responses/Problem422.
            """
    )

    @Option(help: "The absolute base URI of the API; type URIs are {base}/problems/{slug}.")
    var base: String = "https://api.example.com"

    func run() throws {
        let registry: ProblemRegistry
        do {
            registry = try ProblemRegistry(baseURI: self.base)
        } catch {
            throw ValidationError("--base: \(error)")
        }
        let document = ProblemJSONEncoder().encode(ProblemOpenAPI(registry: registry).componentsDocument())
        // Indented, with sorted keys, so a committed copy diffs well and regenerates identically.
        let value = try JSONSerialization.jsonObject(with: Data(document))
        let pretty = try JSONSerialization.data(
            withJSONObject: value,
            options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        )
        print(String(decoding: pretty, as: UTF8.self))
    }
}
