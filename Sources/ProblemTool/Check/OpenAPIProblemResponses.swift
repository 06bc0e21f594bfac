import ProblemDetails

/// The error responses an OpenAPI document declares, and whether each declares problem content.
enum OpenAPIProblemResponses {
    /// One documented error response.
    struct Finding: Equatable {
        var operation: String
        var status: String
        var contentTypes: [String]

        /// Whether a problem media type is among the response's content types.
        var declaresProblem: Bool {
            self.contentTypes.contains { MediaType.isProblemDocument(contentType: $0) }
        }
    }

    /// A path's documented methods, from the root and without templates (`/books`, not
    /// `/books/{id}`), which the checker can send other methods to.
    struct DocumentedPath: Equatable {
        var path: String
        var methods: Set<String>
        /// Whether POST takes a JSON body there.
        var postsJSON: Bool
    }

    struct NotAnOpenAPIDocument: Error, CustomStringConvertible {
        var description: String
    }

    /// Every 4xx, 5xx, `4XX`, `5XX` and `default` response with content, in document order;
    /// responses given by `$ref` to `#/components/responses/…` are followed.
    ///
    /// - Parameter document: The document, as JSON (YAML is not read).
    static func findings(in document: [UInt8]) throws -> [Finding] {
        let (root, paths) = try Self.read(document)
        let components = root["components"]?.objectValue?["responses"]?.objectValue
        var findings: [Finding] = []
        for path in paths {
            guard case .object(let operations) = path.value else { continue }
            for operation in operations {
                guard Self.methods.contains(operation.name), case .object(let responses)? = operation.value.objectValue?["responses"]
                else { continue }
                for response in responses where Self.isError(response.name) {
                    var object = response.value.objectValue
                    if let reference = object?["$ref"]?.stringValue, reference.hasPrefix("#/components/responses/") {
                        object = components?[String(reference.dropFirst("#/components/responses/".count))]?.objectValue
                    }
                    guard let content = object?["content"]?.objectValue else { continue }
                    findings.append(
                        Finding(
                            operation: "\(operation.name.uppercased()) \(path.name)",
                            status: response.name,
                            contentTypes: content.names
                        )
                    )
                }
            }
        }
        return findings
    }

    /// The document's paths without templates, with their methods.
    ///
    /// - Parameter document: The document, as JSON.
    static func paths(in document: [UInt8]) throws -> [DocumentedPath] {
        let (_, paths) = try Self.read(document)
        var documented: [DocumentedPath] = []
        for path in paths where path.name.hasPrefix("/") && !path.name.contains("{") {
            guard case .object(let operations) = path.value else { continue }
            let methods = Set(operations.names.filter { Self.methods.contains($0) })
            let content = operations["post"]?.objectValue?["requestBody"]?.objectValue?["content"]?.objectValue
            let postsJSON = content?.names.contains { MediaType(parsing: $0)?.isJSON == true } ?? false
            documented.append(DocumentedPath(path: path.name, methods: methods, postsJSON: postsJSON))
        }
        return documented
    }

    private static func read(_ document: [UInt8]) throws -> (ExtensionValue.Object, ExtensionValue.Object) {
        let value: ExtensionValue
        do {
            value = try ProblemJSONDecoder(maximumSize: 16 << 20, maximumDepth: 128).decodeValue(document)
        } catch {
            throw NotAnOpenAPIDocument(description: "not JSON (\(error)); problem check reads OpenAPI documents in JSON")
        }
        guard case .object(let root) = value, root["openapi"] != nil || root["swagger"] != nil,
            case .object(let paths)? = root["paths"]
        else { throw NotAnOpenAPIDocument(description: "no openapi version or paths object") }
        return (root, paths)
    }

    private static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    private static func isError(_ status: String) -> Bool {
        status == "default" || status.hasPrefix("4") || status.hasPrefix("5")
    }
}
