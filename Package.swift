// swift-tools-version: 6.0
// compose: writes technical-support replies from case JSON.
// No package dependencies, by design: the toolchain's standard library only
// in the product, Foundation and the test frameworks in the tests.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "compose",
    products: [
        .executable(name: "compose", targets: ["compose"]),
        .library(name: "MustacheEngine", targets: ["MustacheEngine"]),
        .library(name: "MIMEWriter", targets: ["MIMEWriter"]),
        .library(name: "SupportReplies", targets: ["SupportReplies"]),
    ],
    targets: [
        .target(name: "MustacheEngine", swiftSettings: strict),
        .target(name: "MIMEWriter", swiftSettings: strict),
        .target(name: "SupportReplies", dependencies: ["MustacheEngine", "MIMEWriter"], swiftSettings: strict),
        .target(name: "ComposeCommandLine", dependencies: ["SupportReplies"], swiftSettings: strict),
        .executableTarget(name: "compose", dependencies: ["ComposeCommandLine"], swiftSettings: strict),
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "MustacheEngineTests", dependencies: ["MustacheEngine"], swiftSettings: strict),
        .testTarget(name: "MIMEWriterTests", dependencies: ["MIMEWriter", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "SupportRepliesTests", dependencies: ["SupportReplies", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "ComposeCommandLineTests", dependencies: ["ComposeCommandLine", "compose", "TestSupport"],
            exclude: ["Golden"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
