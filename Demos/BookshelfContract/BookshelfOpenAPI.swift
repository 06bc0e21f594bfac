import HTTPTypes
public import ProblemDetails
import ProblemDetailsOpenAPI

/// The OpenAPI 3.1 document of the bookshelf contract, served by both apps at `/openapi.json`:
/// every operation, with every problem response it can answer with.
///
/// The problem schemas, responses and header fields come from the registry through
/// ``ProblemOpenAPI``, so the document cannot name a type the API does not have.
public enum BookshelfOpenAPI {
    /// The problem statuses each operation can answer with, by method and path, as the contract's
    /// route table lists them; every operation can also fail with 500.
    public static let problemStatuses: [String: [Int]] = [
        "GET /health": [],
        "GET /books": [],
        "POST /books": [400, 409, 413, 415, 422],
        "GET /books/{id}": [400, 404],
        "PUT /books/{id}": [400, 404, 409, 413, 415, 422],
        "DELETE /books/{id}": [400, 404],
        "GET /admin": [401, 403],
        "GET /limited": [429],
        "GET /slow": [400, 504],
        "GET /maintenance": [503],
        "GET /boom": [],
        "GET /problems": [],
        "GET /problems/{slug}": [404],
        "GET /openapi.json": [],
        "GET /metrics": [],
    ]

    /// The document.
    ///
    /// - Parameter registry: The API's registry, whose base URI is the server's URL.
    public static func document(registry: ProblemRegistry) -> ExtensionValue {
        let problems = ProblemOpenAPI(registry: registry)
        var components = problems.components
        var schemas = components["schemas"]?.objectValue ?? [:]
        schemas["Book"] = Self.bookSchema
        schemas["BookInput"] = Self.bookInputSchema
        components["schemas"] = .object(schemas)
        components["securitySchemes"] = ["bearer": ["type": "http", "scheme": "bearer"]]

        var paths = ExtensionValue.Object()
        for (path, operations) in Self.operations {
            var item = ExtensionValue.Object()
            for (method, operation) in operations {
                var operation = operation
                var responses = operation["responses"]?.objectValue ?? [:]
                let statuses = (Self.problemStatuses["\(method.uppercased()) \(path)"] ?? []) + [500]
                for code in statuses {
                    responses[String(code)] = problems.responseReference(for: .init(code: code))
                }
                operation["responses"] = .object(responses)
                item[method] = .object(operation)
            }
            paths[path] = .object(item)
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Bookshelf",
                "version": "1.0.0",
                "description": """
                    The demo API of swift-problem-details. Every error is an RFC 9457 problem: \
                    application/problem+json by default, application/problem+xml, text/html or the \
                    legacy envelope by Accept. A path requested with a method it lacks is answered \
                    with 405 about:blank and Allow; an unknown path with 404 about:blank.
                    """,
            ],
            "servers": [["url": .string(registry.baseURI)]],
            "paths": .object(paths),
            "components": .object(components),
        ]
    }

    // MARK: Operations

    static var operations: [(String, [(String, ExtensionValue.Object)])] {
        let id: ExtensionValue = [
            "name": "id", "in": "path", "required": true,
            "schema": ["type": "string", "format": "uuid"],
            "description": "The book's id, a UUID.",
        ]
        let bookBody: ExtensionValue = [
            "required": true,
            "content": ["application/json": ["schema": ["$ref": "#/components/schemas/BookInput"]]],
        ]
        let book = Self.json(["$ref": "#/components/schemas/Book"])
        return [
            ("/health", [("get", Self.operation("health", "Whether the server is up.", ["200": Self.json(Self.statusSchema)]))]),
            (
                "/books",
                [
                    ("get", Self.operation("listBooks", "Every book, by title.", ["200": Self.json(["type": "array", "items": ["$ref": "#/components/schemas/Book"]])])),
                    (
                        "post",
                        Self.operation(
                            "createBook",
                            "Adds a book.",
                            [
                                "201": [
                                    "description": "The new book.",
                                    "headers": ["Location": ["description": "The book's path.", "schema": ["type": "string"]]],
                                    "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Book"]]],
                                ]
                            ],
                            body: bookBody
                        )
                    ),
                ]
            ),
            (
                "/books/{id}",
                [
                    ("get", Self.operation("getBook", "One book.", ["200": book], parameters: [id])),
                    ("put", Self.operation("replaceBook", "Replaces every member of a book.", ["200": book], parameters: [id], body: bookBody)),
                    ("delete", Self.operation("deleteBook", "Deletes a book.", ["204": ["description": "Deleted."]], parameters: [id])),
                ]
            ),
            (
                "/admin",
                [
                    (
                        "get",
                        Self.operation(
                            "admin",
                            "The admin area: the bearer token admin may open it, reader may not.",
                            ["200": Self.json(["type": "object", "properties": ["role": ["type": "string"]]])],
                            security: true
                        )
                    )
                ]
            ),
            ("/limited", [("get", Self.operation("limited", "At most 3 requests per client (X-Client-ID, else the address) every 60 s.", ["200": Self.json(Self.statusSchema)]))]),
            (
                "/slow",
                [
                    (
                        "get",
                        Self.operation(
                            "slow",
                            "Sleeps for the seconds asked, against a 1 s time limit.",
                            ["200": Self.json(["type": "object", "properties": ["slept_seconds": ["type": "number"]]])],
                            parameters: [
                                [
                                    "name": "seconds", "in": "query", "required": true,
                                    "schema": ["type": "number", "minimum": 0, "maximum": 60],
                                ]
                            ]
                        )
                    )
                ]
            ),
            ("/maintenance", [("get", Self.operation("maintenance", "Always down for maintenance.", [:]))]),
            ("/boom", [("get", Self.operation("boom", "Always fails, and says nothing about why.", [:]))]),
            ("/problems", [("get", Self.operation("problemTypes", "The HTML index of the problem types.", ["200": Self.html]))]),
            (
                "/problems/{slug}",
                [
                    (
                        "get",
                        Self.operation(
                            "problemType",
                            "The HTML documentation of one problem type: what its type URI dereferences to.",
                            ["200": Self.html],
                            parameters: [["name": "slug", "in": "path", "required": true, "schema": ["type": "string"]]]
                        )
                    )
                ]
            ),
            ("/openapi.json", [("get", Self.operation("openAPI", "This document.", ["200": Self.json(["type": "object"])]))]),
            (
                "/metrics",
                [
                    (
                        "get",
                        Self.operation(
                            "metrics",
                            "Prometheus metrics, among them problem_details_responses{type, status}.",
                            ["200": ["description": "OK", "content": ["text/plain": ["schema": ["type": "string"]]]]]
                        )
                    )
                ]
            ),
        ]
    }

    static func operation(
        _ operationID: String,
        _ summary: String,
        _ responses: ExtensionValue.Object,
        parameters: [ExtensionValue] = [],
        body: ExtensionValue? = nil,
        security: Bool = false
    ) -> ExtensionValue.Object {
        var operation: ExtensionValue.Object = ["operationId": .string(operationID), "summary": .string(summary)]
        if !parameters.isEmpty { operation["parameters"] = .array(parameters) }
        if let body { operation["requestBody"] = body }
        if security { operation["security"] = [["bearer": []]] }
        operation["responses"] = .object(responses)
        return operation
    }

    static func json(_ schema: ExtensionValue) -> ExtensionValue {
        ["description": "OK", "content": ["application/json": ["schema": schema]]]
    }

    static let html: ExtensionValue = ["description": "OK", "content": ["text/html": ["schema": ["type": "string"]]]]

    static let statusSchema: ExtensionValue = ["type": "object", "properties": ["status": ["type": "string"]]]

    // MARK: Schemas

    static let bookSchema: ExtensionValue = [
        "type": "object",
        "required": ["id", "title", "isbn", "year", "tags"],
        "properties": [
            "id": ["type": "string", "format": "uuid"],
            "title": ["type": "string"],
            "isbn": ["type": "string", "pattern": "^[0-9]{13}$"],
            "year": ["type": "integer"],
            "tags": ["type": "array", "items": ["type": "string"]],
        ],
    ]

    static var bookInputSchema: ExtensionValue {
        [
            "type": "object",
            "description": "A book without its id. Unknown members are refused with the rest of the body's failures.",
            "required": ["title", "isbn", "year"],
            "additionalProperties": false,
            "properties": [
                "title": [
                    "type": "string", "minLength": 1, "maxLength": .integer(BookRules.maximumTitleLength),
                    "description": "1–200 characters after trimming.",
                ],
                "isbn": ["type": "string", "pattern": "^[0-9]{13}$", "description": "An ISBN-13 with a valid check digit."],
                "year": [
                    "type": "integer", "minimum": .integer(BookRules.earliestYear),
                    "description": "From 1450 to the current year.",
                ],
                "tags": [
                    "type": "array", "maxItems": .integer(BookRules.maximumTagCount),
                    "items": [
                        "type": "string", "minLength": .integer(BookRules.tagLengths.lowerBound),
                        "maxLength": .integer(BookRules.tagLengths.upperBound),
                    ],
                ],
            ],
        ]
    }
}
