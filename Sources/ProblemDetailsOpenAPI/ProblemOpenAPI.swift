public import HTTPTypes
public import ProblemDetails

/// OpenAPI 3.1 components for a registry's problems: the one declaration of each problem type
/// becomes its schema, its examples and the reusable responses operations refer to.
///
/// - `schemas`: `Problem` (RFC 9457 Appendix A, extensions allowed, with the XML name and
///   namespace of Appendix B), `ProblemViolation` (an `errors` item: `detail` with a `pointer`,
///   `parameter` or `header`), and one schema per registered type fixing its `type` and `status`
///   and listing its extension members.
/// - `responses`: one per status, `Problem404` and so on, for `application/problem+json` and
///   `application/problem+xml`, with an example of each type and the header fields the types
///   declare.
/// - `headers`: those header fields, and `X-Request-ID`, which every problem response carries.
/// ```swift
/// let openAPI = ProblemOpenAPI(registry: registry)
/// document["components"] = .object(openAPI.components)
/// operation["responses"]["422"] = openAPI.responseReference(for: .unprocessableContent)
/// ```
/// https://www.rfc-editor.org/rfc/rfc9457#appendix-A
public struct ProblemOpenAPI: Sendable {
    /// The registry whose types are documented.
    public var registry: ProblemRegistry
    /// Statuses answered with `about:blank` problems, which mean no more than the status: by
    /// default an unknown route (404), a method a path lacks (405) and a body too large (413).
    public var genericStatuses: [HTTPResponse.Status]

    /// The name of the schema every problem matches.
    public static let problemSchemaName = "Problem"
    /// The name of the schema of an `errors` item.
    public static let violationSchemaName = "ProblemViolation"
    /// The media types problem responses are documented with.
    public static let mediaTypes = ["application/problem+json", "application/problem+xml"]

    /// Describes a registry's problems.
    ///
    /// - Parameters:
    ///   - registry: The registry whose types are documented.
    ///   - genericStatuses: Statuses answered with `about:blank` problems.
    public init(
        registry: ProblemRegistry,
        genericStatuses: [HTTPResponse.Status] = [.notFound, .methodNotAllowed, .contentTooLarge]
    ) {
        self.registry = registry
        self.genericStatuses = genericStatuses
    }

    /// Every status with a documented response, in ascending order.
    public var statuses: [HTTPResponse.Status] {
        var codes = Set(self.genericStatuses.map(\.code))
        for type in self.registry.types { codes.insert(type.status.code) }
        return codes.sorted().map { HTTPResponse.Status(code: $0) }
    }

    /// The schema name of a type: its slug in upper camel case followed by `Problem`, such as
    /// `ValidationErrorProblem`.
    ///
    /// - Parameter type: A registered type.
    public func schemaName(of type: ProblemType) -> String {
        let source = type.slug ?? type.reference.split(separator: "/").last.map(String.init) ?? "Custom"
        var name = ""
        var upper = true
        for character in source {
            guard character.isLetter || character.isNumber else {
                upper = true
                continue
            }
            name += upper ? character.uppercased() : String(character)
            upper = false
        }
        return (name.isEmpty ? "Custom" : name) + "Problem"
    }

    /// The name of the reusable response for a status, such as `Problem422`.
    ///
    /// - Parameter status: A status in ``statuses``.
    public func responseName(for status: HTTPResponse.Status) -> String {
        "Problem\(status.code)"
    }

    /// A reference to the reusable response for a status, for an operation's `responses`.
    ///
    /// - Parameter status: A status in ``statuses``.
    public func responseReference(for status: HTTPResponse.Status) -> ExtensionValue {
        ["$ref": .string("#/components/responses/" + self.responseName(for: status))]
    }

    /// The types registered with a status.
    ///
    /// - Parameter status: A status.
    public func types(with status: HTTPResponse.Status) -> [ProblemType] {
        self.registry.types.filter { $0.status == status }
    }

    /// The `components` object: `schemas`, `responses` and `headers`.
    public var components: ExtensionValue.Object {
        var schemas = ExtensionValue.Object()
        schemas[Self.problemSchemaName] = Self.problemSchema
        schemas[Self.violationSchemaName] = Self.violationSchema
        for type in self.registry.types {
            schemas[self.schemaName(of: type)] = self.schema(of: type)
        }
        var responses = ExtensionValue.Object()
        for status in self.statuses {
            responses[self.responseName(for: status)] = self.response(for: status)
        }
        var headers = ExtensionValue.Object()
        for name in self.headerNames(of: self.statuses) {
            headers[name.rawName] = Self.header(name)
        }
        return ["schemas": .object(schemas), "responses": .object(responses), "headers": .object(headers)]
    }

    /// A standalone OpenAPI 3.1 document holding only the components, for spec-first tools to
    /// `$ref`: `problems.json#/components/responses/Problem422`.
    ///
    /// - Parameters:
    ///   - title: The document's title.
    ///   - version: The document's version.
    public func componentsDocument(title: String = "Problem details", version: String = "1.0.0") -> ExtensionValue {
        [
            "openapi": "3.1.0",
            "info": ["title": .string(title), "version": .string(version)],
            "components": .object(self.components),
        ]
    }

    // MARK: Schemas

    static let problemSchema: ExtensionValue = [
        "type": "object",
        "description": "A problem details object (RFC 9457). Members not listed here are extensions.",
        "properties": [
            "type": [
                "type": "string", "format": "uri-reference", "default": "about:blank",
                "description": "A URI reference that identifies the problem type.",
            ],
            "title": ["type": "string", "description": "A short, human-readable summary of the problem type."],
            "status": [
                "type": "integer", "minimum": 100, "maximum": 599,
                "description": "The HTTP status code of this occurrence.",
            ],
            "detail": ["type": "string", "description": "An explanation specific to this occurrence."],
            "instance": [
                "type": "string", "format": "uri-reference",
                "description": "A URI reference that identifies this occurrence.",
            ],
            "request_id": ["type": "string", "description": "The request's ID, as in X-Request-ID."],
            "trace_id": ["type": "string", "description": "The W3C trace-id of the request's traceparent."],
            "errors": [
                "type": "array", "items": ["$ref": "#/components/schemas/ProblemViolation"],
                "description": "Each value of the request that is not valid.",
            ],
        ],
        "additionalProperties": true,
        "xml": ["name": "problem", "namespace": "urn:ietf:rfc:7807"],
    ]

    static let violationSchema: ExtensionValue = [
        "type": "object",
        "description": "One value of the request that is not valid, and where it is.",
        "required": ["detail"],
        "properties": [
            "detail": ["type": "string", "description": "What is wrong with the value."],
            "pointer": [
                "type": "string",
                "description": "A JSON Pointer (RFC 6901) fragment to the member of the body, such as #/tags/3.",
            ],
            "parameter": ["type": "string", "description": "The name of the query or path parameter."],
            "header": ["type": "string", "description": "The name of the request header field."],
        ],
        "additionalProperties": true,
        "xml": ["name": "i"],
    ]

    func schema(of type: ProblemType) -> ExtensionValue {
        var properties: ExtensionValue.Object = [
            "type": ["const": .string(self.registry.typeURI(of: type))],
            "title": ["type": "string", "examples": [.string(type.title)]],
            "status": ["const": .integer(type.status.code)],
        ]
        for member in type.members {
            var schema = Self.schema(of: member.kind)
            if !member.summary.isEmpty, case .object(var object) = schema {
                object["description"] = .string(member.summary)
                schema = .object(object)
            }
            properties[member.name] = schema
        }
        var schema: ExtensionValue.Object = [
            "allOf": [["$ref": .string("#/components/schemas/" + Self.problemSchemaName)]],
            "type": "object",
            "required": ["type", "title", "status"],
            "properties": .object(properties),
        ]
        let description = type.summary.isEmpty ? type.title : type.summary
        schema["description"] = .string(description)
        return .object(schema)
    }

    static func schema(of kind: ProblemType.Member.Kind) -> ExtensionValue {
        switch kind {
        case .violations: ["type": "array", "items": ["$ref": "#/components/schemas/ProblemViolation"]]
        default: ["type": .string(kind.name)]
        }
    }

    // MARK: Responses

    func response(for status: HTTPResponse.Status) -> ExtensionValue {
        let types = self.types(with: status)
        var references: [ExtensionValue] = types.map { ["$ref": .string("#/components/schemas/" + self.schemaName(of: $0))] }
        let isGeneric = types.isEmpty || self.genericStatuses.contains(status)
        if isGeneric { references.append(["$ref": .string("#/components/schemas/" + Self.problemSchemaName)]) }
        let schema: ExtensionValue = references.count == 1 ? references[0] : ["anyOf": .array(references)]

        var examples = ExtensionValue.Object()
        for type in types {
            let key = type.slug ?? self.schemaName(of: type)
            examples[key] = ["summary": .string(type.title), "value": self.example(of: type)]
        }
        if isGeneric {
            let problem: ExtensionValue = [
                "type": "about:blank", "title": .string(Self.phrase(for: status)), "status": .integer(status.code),
            ]
            examples["about-blank"] = ["summary": .string(Self.phrase(for: status)), "value": problem]
        }

        var content = ExtensionValue.Object()
        content["application/problem+json"] = ["schema": schema, "examples": .object(examples)]
        content["application/problem+xml"] = ["schema": schema]

        var headers = ExtensionValue.Object()
        for name in self.headerNames(of: [status]) {
            headers[name.rawName] = ["$ref": .string("#/components/headers/" + name.rawName)]
        }
        let titles = types.map(\.title)
        let description = titles.isEmpty ? Self.phrase(for: status) : titles.joined(separator: " / ")
        return ["description": .string(description), "headers": .object(headers), "content": .object(content)]
    }

    func example(of type: ProblemType) -> ExtensionValue {
        var example: ExtensionValue.Object = [
            "type": .string(self.registry.typeURI(of: type)),
            "title": .string(type.title),
            "status": .integer(type.status.code),
        ]
        for member in type.members {
            switch member.kind {
            case .integer, .number: example[member.name] = 1
            case .boolean: example[member.name] = true
            case .string: example[member.name] = "…"
            case .violations: example[member.name] = [["detail": "is required", "pointer": "#/name"]]
            case .array: example[member.name] = []
            default: example[member.name] = [:]
            }
        }
        return .object(example)
    }

    /// The title of an `about:blank` problem with the status: its RFC 9110 phrase.
    static func phrase(for status: HTTPResponse.Status) -> String {
        Problem(status: status).title ?? status.reasonPhrase
    }

    // MARK: Headers

    func headerNames(of statuses: [HTTPResponse.Status]) -> [HTTPField.Name] {
        var names: [HTTPField.Name] = [RequestIdentity.requestIDField]
        for status in statuses {
            if status == .methodNotAllowed, !names.contains(.allow) { names.append(.allow) }
            for type in self.types(with: status) {
                for name in type.headers where !names.contains(name) { names.append(name) }
            }
        }
        return names
    }

    static func header(_ name: HTTPField.Name) -> ExtensionValue {
        switch name {
        case .retryAfter:
            ["description": "Seconds to wait before sending the request again.", "schema": ["type": "integer", "minimum": 0]]
        case .allow:
            ["description": "The methods the target resource supports.", "schema": ["type": "string"]]
        case .wwwAuthenticate:
            ["description": "The authentication challenge.", "schema": ["type": "string"]]
        case RequestIdentity.requestIDField:
            [
                "description": "The request's ID: the client's valid X-Request-ID, or one the server made.",
                "schema": ["type": "string", "pattern": "^[A-Za-z0-9._:-]{1,128}$"],
            ]
        default:
            ["schema": ["type": "string"]]
        }
    }
}
