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

    struct NotAnOpenAPIDocument: Error, CustomStringConvertible {
        var description: String
    }

    /// Every 4xx, 5xx, `4XX`, `5XX` and `default` response with content, in document order;
    /// responses given by `$ref` to `#/components/responses/…` are followed.
    ///
    /// - Parameter document: The document, as JSON (YAML is not read).
    static func findings(in document: [UInt8]) throws -> [Finding] {
        let value: ExtensionValue
        do {
            value = try ProblemJSONDecoder(maximumSize: 16 << 20, maximumDepth: 128).decodeValue(document)
        } catch {
            throw NotAnOpenAPIDocument(description: "not JSON (\(error)); problem check reads OpenAPI documents in JSON")
        }
        guard case .object(let root) = value, root["openapi"] != nil || root["swagger"] != nil,
            case .object(let paths)? = root["paths"]
        else { throw NotAnOpenAPIDocument(description: "no openapi version or paths object") }
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

    private static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    private static func isError(_ status: String) -> Bool {
        status == "default" || status.hasPrefix("4") || status.hasPrefix("5")
    }
}
