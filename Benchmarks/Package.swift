// swift-tools-version:6.1

import PackageDescription

// A package of its own, so users of swift-problem-details never build the benchmark harness.
let package = Package(
    name: "Benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "swift-problem-details", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/vapor/vapor", from: "4.122.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .executableTarget(
            name: "Codecs",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ProblemDetails", package: "swift-problem-details"),
            ],
            path: "Benchmarks/Codecs",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Responding",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ProblemDetails", package: "swift-problem-details"),
            ],
            path: "Benchmarks/Responding",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Serving",
            dependencies: [
                "VaporLoadRoutes",
                "HummingbirdLoadRoutes",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ProblemDetailsHummingbird", package: "swift-problem-details"),
            ],
            path: "Benchmarks/Serving",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The servers `HTTP/run` drives with wrk: each is both arms, the framework's default error
        // handling and ours, chosen by `--mode`.
        .target(
            name: "LoadServerOptions",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ProblemDetails", package: "swift-problem-details"),
            ],
            path: "HTTP/LoadServerOptions"
        ),
        // The two applications, shared by the load servers and the in-process `Serving`.
        .target(
            name: "VaporLoadRoutes",
            dependencies: [
                "LoadServerOptions",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "ProblemDetailsVapor", package: "swift-problem-details"),
            ],
            path: "HTTP/VaporLoadRoutes"
        ),
        .target(
            name: "HummingbirdLoadRoutes",
            dependencies: [
                "LoadServerOptions",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ProblemDetailsHummingbird", package: "swift-problem-details"),
            ],
            path: "HTTP/HummingbirdLoadRoutes"
        ),
        .executableTarget(
            name: "VaporLoadServer",
            dependencies: [
                "LoadServerOptions",
                "VaporLoadRoutes",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Vapor", package: "vapor"),
            ],
            path: "HTTP/VaporLoadServer"
        ),
        .executableTarget(
            name: "HummingbirdLoadServer",
            dependencies: [
                "LoadServerOptions",
                "HummingbirdLoadRoutes",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "HTTP/HummingbirdLoadServer"
        ),
    ]
)
