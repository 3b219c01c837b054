import Cleaner
import FuzzSupport

/// The rule parser: any bytes as a rule file, strict then lenient. A broken rule must be a
/// RuleError naming the line; a lenient load must not throw for a bad line, only warn.
/// Whatever loads is then run on a small page and a small scrape.
let page = Array("<html><head><title>T</title></head><body><div id='a' class='b'><p>One line.</p><img src='x.png'><p>Two</p></div></body></html>".utf8)
let scrape = Array("Title\n\nOne line of text.\nAnother line.\n\n(AP Photo/X)\n".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for lenient in [false, true] {
        var library = RuleLibrary()
        do {
            try library.add(name: "site.test", text: text, path: "site.test.txt", lenient: lenient)
        } catch let error as RuleError {
            // Strict: the first broken rule, with its line. Lenient: broken rules are warnings, never errors.
            if lenient || error.line < 1 { fatalError("rule error from a \(lenient ? "lenient" : "strict") load: \(error)") }
            continue
        } catch {
            fatalError("unexpected error type \(error)")
        }
        let cleaner = Cleaner(library: library)
        OutputCheck.verify(cleaner.clean(page, options: CleanOptions(url: "https://site.test/a")).text)
        OutputCheck.verify(cleaner.clean(scrape, options: CleanOptions(url: "https://site.test/a")).text)
    }
    return 0
}

/// SwiftPM links an executable's entry as `FuzzRules_main`; hand control to libFuzzer from there.
@_cdecl("FuzzRules_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzz)
}
