// swift-tools-version:6.1

import PackageDescription

// A Hummingbird application's view of the package: CI builds it and checks that Vapor, Fluent and
// their dependencies were not resolved, which is what the package traits promise.
let package = Package(
    name: "HummingbirdOnly",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "swift-problem-details", path: "../../..", traits: ["Hummingbird"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    ],
    targets: [
        .executableTarget(
            name: "HummingbirdOnly",
            dependencies: [
                .product(name: "ProblemDetailsHummingbird", package: "swift-problem-details"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        )
    ]
)
