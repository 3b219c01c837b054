import Cleaner
import FuzzSupport

/// The text path: any bytes as a plain-text scrape, with the built-in rules.
let cleaner: Cleaner = {
    guard let cleaner = try? Cleaner() else { fatalError("built-in rules do not load") }
    return cleaner
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let result = cleaner.clean(bytes, options: CleanOptions(input: .text))
    OutputCheck.verify(result.text)
    return 0
}

/// SwiftPM links an executable's entry as `FuzzText_main`; hand control to libFuzzer from there.
@_cdecl("FuzzText_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzz)
}
