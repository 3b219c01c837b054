// swift-tools-version:6.0
import PackageDescription

// The release `clean` binary is not position-independent, so the loader patches none of its
// pointers: 40,000 relocations, and a copy-on-write page fault for each page they touch, on every
// run (see the README's start-up row). Release only: the setting reaches the test bundles that
// link the target, where the linker warns about XCTest's protected functions.
let fixedAddress: [LinkerSetting] = [.unsafeFlags(["-Xclang-linker", "-no-pie"], .when(configuration: .release))]

let package = Package(
    name: "clean",
    products: [
        .library(name: "Cleaner", targets: ["Cleaner"]),
        .executable(name: "clean", targets: ["clean"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // libxml2's HTML parser, DOM and XPath (Debian: libxml2-dev).
        .systemLibrary(
            name: "CLibXML",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // PCRE2 for user-written line patterns: JIT, match limits, no backtracking blow-up (Debian: libpcre2-dev).
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        // zlib for gzip inputs, gzip-compressed WARC members and HTTP bodies (Debian: zlib1g-dev).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "Cleaner",
            dependencies: ["CLibXML", "CPCRE2", "CZlib"]
        ),
        .executableTarget(
            name: "clean",
            dependencies: [
                "Cleaner",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: fixedAddress
        ),
        .testTarget(
            name: "CleanerTests",
            dependencies: ["Cleaner"]
        ),
        .testTarget(
            name: "cleanTests",
            dependencies: ["clean"]
        ),
    ]
)
