// swift-tools-version:6.1

import PackageDescription

let package = Package(
    name: "swift-problem-details",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ProblemDetails", targets: ["ProblemDetails"]),
        .executable(name: "problem", targets: ["ProblemTool"]),
    ],
    traits: [
        .trait(
            name: "XML",
            description: "application/problem+xml encoding and decoding (RFC 9457 Appendix B)"
        ),
        .default(enabledTraits: ["XML"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0", traits: []),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .target(
            name: "ProblemDetails",
            dependencies: [
                .product(name: "HTTPTypes", package: "swift-http-types")
            ]
        ),
        .executableTarget(
            name: "ProblemTool",
            dependencies: [
                "ProblemDetails",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ProblemDetailsTests",
            dependencies: [
                "ProblemDetails",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "ProblemToolTests",
            dependencies: ["ProblemTool"]
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
