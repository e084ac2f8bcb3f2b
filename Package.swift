// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Bearing",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bearing", targets: ["bearing"]),
        .library(name: "BearingCore", targets: ["BearingCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        .systemLibrary(name: "CCmarkGFM", path: "Sources/CCmarkGFM"),
        .target(
            name: "BearingCore",
            dependencies: [
                "CCmarkGFM", .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            path: "Sources/BearingCore",
            plugins: ["EmbedTemplates"]
        ),
        .executableTarget(name: "embed-templates", path: "Sources/embed-templates"),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["embed-templates"]),
        // The preview server: the only target that links an HTTP library.
        .target(
            name: "BearingServer",
            dependencies: ["BearingCore", .product(name: "FlyingSocks", package: "FlyingFox")],
            path: "Sources/BearingServer"
        ),
        // The language server (`bearing lsp`): JSON-RPC over stdio, no library beyond Foundation.
        .target(
            name: "BearingLanguageServer",
            dependencies: ["BearingCore"],
            path: "Sources/BearingLanguageServer"
        ),
        .executableTarget(
            name: "bearing",
            dependencies: ["BearingCore", "BearingServer", "BearingLanguageServer", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/bearing"
        ),
        // What the test targets share: running the built `bearing` and other programs.
        .target(name: "BearingTestSupport", path: "Tests/BearingTestSupport"),
        .testTarget(
            name: "BearingCoreTests",
            dependencies: ["BearingCore", "BearingTestSupport"],
            path: "Tests/BearingCoreTests",
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "BearingServerTests",
            dependencies: ["BearingServer", "BearingCore", "BearingTestSupport"],
            path: "Tests/BearingServerTests"
        ),
        .testTarget(
            name: "BearingLanguageServerTests",
            dependencies: ["BearingLanguageServer", "BearingCore", "BearingTestSupport"],
            path: "Tests/BearingLanguageServerTests"
        ),
        .testTarget(
            name: "BearingCLITests",
            dependencies: ["BearingCore", "BearingTestSupport"],
            path: "Tests/BearingCLITests",
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
