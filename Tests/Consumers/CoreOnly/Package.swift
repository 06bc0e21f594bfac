// swift-tools-version:6.1

import PackageDescription

// A consumer that wants the core alone: CI builds it and checks that neither Vapor nor any other
// framework was resolved, which is what the package traits promise.
let package = Package(
    name: "CoreOnly",
    dependencies: [
        .package(name: "swift-problem-details", path: "../../..", traits: ["XML"])
    ],
    targets: [
        .executableTarget(
            name: "CoreOnly",
            dependencies: [.product(name: "ProblemDetails", package: "swift-problem-details")]
        )
    ]
)
