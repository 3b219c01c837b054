import Foundation
import XCTest

/// The release binary built with the Swift runtime linked in runs on a node without Swift: its
/// shared libraries are the system's (libc, libxml2, PCRE2, zlib and what they pull in).
final class StaticBinaryTests: XCTestCase {
    func testReleaseBinaryNeedsNoSwiftRuntimeLibrary() throws {
        guard let swift = Engines.find("swift") else { throw XCTSkip("swift is not on PATH: the release binary cannot be built") }
        guard let ldd = Engines.find("ldd") else { throw XCTSkip("ldd is absent") }
        // Its own build folder, so that the suite's build and a plain release build are left alone.
        let buildPath = CLITests.repository + "/.build-static"
        let build = try Engines.run(swift, ["build", "-c", "release", "--static-swift-stdlib", "--product", "clean", "--build-path", buildPath])
        XCTAssertEqual(build.status, 0, String(decoding: build.stdout, as: UTF8.self) + build.stderr)
        let binary = buildPath + "/release/clean"
        let libraries = try Engines.run(ldd, [binary])
        XCTAssertEqual(libraries.status, 0, libraries.stderr)
        let names = libraries.lines.compactMap { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) }
        XCTAssertTrue(names.contains { $0.hasPrefix("libxml2.so") }, libraries.lines.joined(separator: "\n"))
        XCTAssertTrue(names.contains { $0.hasPrefix("libc.so") })
        for line in libraries.lines {
            XCTAssertFalse(line.contains("not found"), line)
            // The Swift runtime: libswift*, Foundation, libdispatch, BlocksRuntime, all shipped in the toolchain.
            for runtime in ["swift", "Foundation", "dispatch", "BlocksRuntime"] {
                XCTAssertFalse(line.contains(runtime), "a Swift runtime library is linked dynamically: \(line)")
            }
        }
        // Linked at a fixed address (Package.swift): every run would pay for relocating a
        // position-independent binary. The ELF type is `ET_EXEC` (2), not `ET_DYN` (3).
        let header = try Data(contentsOf: URL(fileURLWithPath: binary)).prefix(18)
        XCTAssertEqual(Array(header.prefix(4)), [0x7F, 0x45, 0x4C, 0x46], "not an ELF file")
        XCTAssertEqual(header.count, 18)
        XCTAssertEqual(UInt16(header[header.startIndex + 16]) | UInt16(header[header.startIndex + 17]) << 8, 2, "the binary is position-independent")
        // And it cleans with no Swift library path set.
        let page = try TestFiles.folder("clean-engines") + "/page.html"
        try "<html><body><nav>Home</nav><p>Story text.</p></body></html>".write(toFile: page, atomically: true, encoding: .utf8)
        let cleaned = try Engines.run("/usr/bin/env", ["-i", binary, page])
        XCTAssertEqual(cleaned.status, 0, cleaned.stderr)
        XCTAssertEqual(String(decoding: cleaned.stdout, as: UTF8.self), "Story text.\n")
    }

    /// Every run of `clean` pays for loading what it links: the full Foundation with its ICU data
    /// added some 3 ms (a fifth of a small page's run), so the tool uses FoundationEssentials only.
    func testBinaryDoesNotLinkFullFoundation() throws {
        guard let ldd = Engines.find("ldd") else { throw XCTSkip("ldd is absent") }
        let libraries = try Engines.run(ldd, [CLITests.binary.path])
        XCTAssertEqual(libraries.status, 0, libraries.stderr)
        for line in libraries.lines {
            XCTAssertFalse(line.contains("libFoundation.so") || line.contains("FoundationICU"), "full Foundation linked: \(line)")
        }
    }
}
