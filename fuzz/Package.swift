// swift-tools-version:6.0
// libFuzzer targets for the cleaner. Build and run them with scripts/fuzz (they need
// `-sanitize=fuzzer`, so they live outside the main package, whose plain `swift build` must keep working).
import PackageDescription

let package = Package(
    name: "clean-fuzz",
    dependencies: [
        .package(name: "clean", path: ".."),
    ],
    targets: [
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver", .product(name: "Cleaner", package: "clean")]),
        .executableTarget(name: "FuzzHTML", dependencies: ["FuzzSupport", .product(name: "Cleaner", package: "clean")]),
        .executableTarget(name: "FuzzText", dependencies: ["FuzzSupport", .product(name: "Cleaner", package: "clean")]),
        .executableTarget(name: "FuzzRules", dependencies: ["FuzzSupport", .product(name: "Cleaner", package: "clean")]),
        .executableTarget(name: "FuzzJSONL", dependencies: ["FuzzSupport", .product(name: "Cleaner", package: "clean")]),
        .executableTarget(name: "FuzzWARC", dependencies: ["FuzzSupport", .product(name: "Cleaner", package: "clean")]),
    ]
)
