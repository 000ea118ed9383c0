// swift-tools-version: 6.0
// Benchmarks of compose (engine against swift-mustache, MIME writer), kept in its own package
// so the product itself keeps no dependencies.
import PackageDescription

let package = Package(
    name: "Benchmarks",
    dependencies: [
        .package(name: "compose", path: ".."),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        .executableTarget(
            name: "engine-bench",
            dependencies: [
                .product(name: "MustacheEngine", package: "compose"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("InternalImportsByDefault"),
            ]),
        .executableTarget(
            name: "json-bench",
            dependencies: [
                .product(name: "MustacheEngine", package: "compose"),
                .product(name: "SupportReplies", package: "compose"),
            ],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("InternalImportsByDefault"),
            ]),
        .executableTarget(
            name: "mime-bench",
            dependencies: [
                .product(name: "MIMEWriter", package: "compose"),
                .product(name: "MustacheEngine", package: "compose"),
                .product(name: "SupportReplies", package: "compose"),
            ],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("InternalImportsByDefault"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
