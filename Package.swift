// swift-tools-version:6.1

import PackageDescription

let package = Package(
    name: "swift-problem-details",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ProblemDetails", targets: ["ProblemDetails"]),
        .library(name: "ProblemDetailsVapor", targets: ["ProblemDetailsVapor"]),
        .library(name: "ProblemDetailsHummingbird", targets: ["ProblemDetailsHummingbird"]),
        .library(name: "ProblemDetailsOpenAPI", targets: ["ProblemDetailsOpenAPI"]),
        .library(name: "ProblemDetailsClient", targets: ["ProblemDetailsClient"]),
        .library(name: "ProblemDetailsTesting", targets: ["ProblemDetailsTesting"]),
        .library(name: "ProblemDetailsVaporTesting", targets: ["ProblemDetailsVaporTesting"]),
        .library(name: "ProblemDetailsHummingbirdTesting", targets: ["ProblemDetailsHummingbirdTesting"]),
        .executable(name: "problem", targets: ["ProblemTool"]),
        .executable(name: "bookshelf", targets: ["Bookshelf"]),
        .executable(name: "bookshelf-hummingbird", targets: ["BookshelfHummingbirdServer"]),
    ],
    traits: [
        .trait(
            name: "XML",
            description: "application/problem+xml encoding and decoding (RFC 9457 Appendix B)"
        ),
        .trait(
            name: "Vapor",
            description: "ProblemDetailsVapor: problem responses for every error of a Vapor 4 application"
        ),
        .trait(
            name: "Hummingbird",
            description: "ProblemDetailsHummingbird: problem responses for every error of a Hummingbird 2 application"
        ),
        .trait(
            name: "AsyncHTTPClient",
            description: "ProblemDetailsClient: reading problem responses of AsyncHTTPClient requests"
        ),
        .default(enabledTraits: ["XML", "Vapor", "Hummingbird", "AsyncHTTPClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0", traits: []),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3"),
        .package(url: "https://github.com/vapor/vapor", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.9.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // Hummingbird's default traits add swift-configuration and full Foundation, which the
        // integration does not use.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4", traits: []),
        // The generator's build plugin, and the transports, serve the generated server and client
        // that the tests prove the OpenAPI middlewares with.
        .package(url: "https://github.com/apple/swift-openapi-generator", from: "1.14.3"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "ProblemDetails",
            dependencies: [
                .product(name: "HTTPTypes", package: "swift-http-types")
            ],
            // Rounding doubles calls libm, which nothing else links when an app uses only the core.
            linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]
        ),
        .target(
            name: "ProblemDetailsServer",
            dependencies: [
                "ProblemDetails",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ]
        ),
        .target(
            name: "ProblemDetailsVapor",
            dependencies: [
                "ProblemDetails",
                "ProblemDetailsServer",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Vapor", package: "vapor", condition: .when(traits: ["Vapor"])),
            ]
        ),
        .target(
            name: "ProblemDetailsOpenAPI",
            dependencies: [
                "ProblemDetails",
                "ProblemDetailsServer",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ]
        ),
        .target(
            name: "ProblemDetailsClient",
            dependencies: [
                "ProblemDetails",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(
                    name: "AsyncHTTPClient",
                    package: "async-http-client",
                    condition: .when(traits: ["AsyncHTTPClient"])
                ),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["AsyncHTTPClient"])),
                .product(name: "NIOHTTP1", package: "swift-nio", condition: .when(traits: ["AsyncHTTPClient"])),
            ]
        ),
        .target(
            name: "BookshelfContract",
            dependencies: [
                "ProblemDetails",
                "ProblemDetailsOpenAPI",
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            path: "Demos/BookshelfContract"
        ),
        .target(
            name: "BookshelfVapor",
            dependencies: [
                "BookshelfContract",
                "ProblemDetailsVapor",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Vapor", package: "vapor", condition: .when(traits: ["Vapor"])),
                .product(name: "Fluent", package: "fluent", condition: .when(traits: ["Vapor"])),
                .product(
                    name: "FluentSQLiteDriver",
                    package: "fluent-sqlite-driver",
                    condition: .when(traits: ["Vapor"])
                ),
                .product(name: "Prometheus", package: "swift-prometheus", condition: .when(traits: ["Vapor"])),
            ],
            path: "Demos/BookshelfVapor"
        ),
        .target(
            name: "ProblemDetailsHummingbird",
            dependencies: [
                "ProblemDetails",
                "ProblemDetailsServer",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
            ]
        ),
        .target(
            name: "BookshelfHummingbird",
            dependencies: [
                "BookshelfContract",
                "ProblemDetailsHummingbird",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
                .product(name: "Prometheus", package: "swift-prometheus", condition: .when(traits: ["Hummingbird"])),
            ],
            path: "Demos/BookshelfHummingbird"
        ),
        .executableTarget(
            name: "BookshelfHummingbirdServer",
            dependencies: ["BookshelfHummingbird"],
            path: "Demos/bookshelf-hummingbird"
        ),
        .executableTarget(
            name: "Bookshelf",
            dependencies: ["BookshelfVapor"],
            path: "Demos/bookshelf"
        ),
        .target(
            name: "ProblemDetailsTesting",
            dependencies: [
                "ProblemDetails",
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // The assertions on VaporTesting's and HummingbirdTesting's responses live apart from
        // ProblemDetailsTesting, so the rules (and the `problem` tool) never link a framework.
        .target(
            name: "ProblemDetailsVaporTesting",
            dependencies: [
                "ProblemDetails",
                "ProblemDetailsTesting",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "VaporTesting", package: "vapor", condition: .when(traits: ["Vapor"])),
            ]
        ),
        .target(
            name: "ProblemDetailsHummingbirdTesting",
            dependencies: [
                "ProblemDetails",
                "ProblemDetailsTesting",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(
                    name: "HummingbirdTesting",
                    package: "hummingbird",
                    condition: .when(traits: ["Hummingbird"])
                ),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["Hummingbird"])),
            ]
        ),
        .executableTarget(
            name: "ProblemTool",
            dependencies: [
                "ProblemDetails",
                "ProblemDetailsOpenAPI",
                "ProblemDetailsTesting",
                .product(
                    name: "AsyncHTTPClient",
                    package: "async-http-client",
                    condition: .when(traits: ["AsyncHTTPClient"])
                ),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["AsyncHTTPClient"])),
                .product(name: "NIOHTTP1", package: "swift-nio", condition: .when(traits: ["AsyncHTTPClient"])),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test support: checks that documentation articles' code is code a test runs.
        .target(name: "ArticleCode", path: "Tests/ArticleCode"),
        // Test support: what the tests run under (a sanitizer slows wall-clock limits down).
        .target(name: "TestEnvironment", path: "Tests/TestEnvironment"),
        .testTarget(
            name: "ProblemDetailsTests",
            dependencies: [
                "ArticleCode",
                "TestEnvironment",
                "ProblemDetails",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "ProblemDetailsVaporTests",
            dependencies: [
                "ArticleCode",
                "ProblemDetailsVapor",
                "ProblemDetails",
                "ProblemDetailsServer",
                "ProblemDetailsVaporTesting",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "VaporTesting", package: "vapor", condition: .when(traits: ["Vapor"])),
            ]
        ),
        .testTarget(
            name: "ProblemDetailsServerTests",
            dependencies: [
                "ProblemDetailsServer",
                "ProblemDetails",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
            ]
        ),
        .testTarget(
            name: "ProblemDetailsHummingbirdTests",
            dependencies: [
                "ArticleCode",
                "ProblemDetailsHummingbird",
                "ProblemDetails",
                "ProblemDetailsServer",
                "ProblemDetailsHummingbirdTesting",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
                .product(
                    name: "HummingbirdTesting",
                    package: "hummingbird",
                    condition: .when(traits: ["Hummingbird"])
                ),
            ]
        ),
        .testTarget(
            name: "BookshelfContractTests",
            dependencies: [
                "TestEnvironment",
                "BookshelfContract",
                "BookshelfVapor",
                "BookshelfHummingbird",
                // The binaries, which the tests run as a user would.
                "Bookshelf",
                "BookshelfHummingbirdServer",
                "ProblemTool",
                "ProblemDetails",
                "ProblemDetailsTesting",
                "ProblemDetailsVaporTesting",
                "ProblemDetailsHummingbirdTesting",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Vapor", package: "vapor", condition: .when(traits: ["Vapor"])),
                .product(name: "VaporTesting", package: "vapor", condition: .when(traits: ["Vapor"])),
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
                .product(
                    name: "HummingbirdTesting",
                    package: "hummingbird",
                    condition: .when(traits: ["Hummingbird"])
                ),
            ],
            path: "Tests/BookshelfContractTests"
        ),
        .testTarget(
            name: "ProblemDetailsOpenAPITests",
            dependencies: [
                "ArticleCode",
                "ProblemDetailsOpenAPI",
                .target(name: "ProblemDetailsHummingbird", condition: .when(traits: ["Hummingbird"])),
                "ProblemDetails",
                "ProblemDetailsServer",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
                .product(
                    name: "HummingbirdTesting",
                    package: "hummingbird",
                    condition: .when(traits: ["Hummingbird"])
                ),
                .product(
                    name: "OpenAPIHummingbird",
                    package: "swift-openapi-hummingbird",
                    condition: .when(traits: ["Hummingbird"])
                ),
                .product(
                    name: "OpenAPIAsyncHTTPClient",
                    package: "swift-openapi-async-http-client",
                    condition: .when(traits: ["AsyncHTTPClient"])
                ),
                .product(
                    name: "AsyncHTTPClient",
                    package: "async-http-client",
                    condition: .when(traits: ["AsyncHTTPClient"])
                ),
            ],
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        .testTarget(
            name: "ProblemDetailsClientTests",
            dependencies: [
                "ArticleCode",
                "ProblemDetailsClient",
                "ProblemDetails",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
                .product(
                    name: "HummingbirdTesting",
                    package: "hummingbird",
                    condition: .when(traits: ["Hummingbird"])
                ),
                .product(
                    name: "AsyncHTTPClient",
                    package: "async-http-client",
                    condition: .when(traits: ["AsyncHTTPClient"])
                ),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["AsyncHTTPClient"])),
            ]
        ),
        .testTarget(
            name: "ProblemDetailsTestingTests",
            dependencies: [
                "ArticleCode",
                "ProblemDetailsTesting",
                "ProblemDetails",
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(
            name: "ProblemToolTests",
            dependencies: [
                "ProblemTool",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Hummingbird"])),
                .product(
                    name: "HummingbirdTesting",
                    package: "hummingbird",
                    condition: .when(traits: ["Hummingbird"])
                ),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["AsyncHTTPClient"])),
            ]
        ),
    ]
)

for target in package.targets {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
