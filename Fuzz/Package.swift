// swift-tools-version:6.0
// The fuzz targets (docs/security.md): a package of its own, beside the product's, so that
// `swift build` of the product never needs libFuzzer's flags. `make fuzz` builds it with
// `-sanitize=fuzzer` (every module instrumented) into .build-fuzz.
import Foundation
import PackageDescription

// A package depended on by path is known by its folder's name, which is the clone's name.
let bearing = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

// Each target is one library-style file whose entry starts libFuzzer (FuzzSupport/FuzzerDriver.swift).
let fuzzTarget: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "BearingFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "CFuzzer", path: "Sources/CFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzer", .product(name: "BearingCore", package: bearing)], path: "Sources/FuzzSupport"),
        .executableTarget(name: "fuzz-document", dependencies: ["FuzzSupport"], path: "Sources/fuzz-document", swiftSettings: fuzzTarget),
        .executableTarget(name: "fuzz-front-matter", dependencies: ["FuzzSupport"], path: "Sources/fuzz-front-matter", swiftSettings: fuzzTarget),
        .executableTarget(name: "fuzz-query", dependencies: ["FuzzSupport"], path: "Sources/fuzz-query", swiftSettings: fuzzTarget),
    ],
    swiftLanguageModes: [.v6]
)
