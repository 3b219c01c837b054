import Cleaner
import FuzzSupport

/// The WARC reader: any bytes (gzipped or not) as a WARC file. Every HTML response gives one JSON
/// line; a damaged file throws a reportable error after the records before the damage.
let cleaner: Cleaner = {
    guard let cleaner = try? Cleaner() else { fatalError("built-in rules do not load") }
    return cleaner
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let reader = WARCReader(ByteReader(try BufferStream.maybeGzipped(bytes), chunk: 1 << 12), name: "fuzz.warc")
        while let response = try reader.next() {
            RecordCheck.verify(response.clean(with: cleaner, options: CleanOptions()))
        }
    } catch {
        _ = "\(error)"
    }
    return 0
}

/// SwiftPM links an executable's entry as `FuzzWARC_main`; hand control to libFuzzer from there.
@_cdecl("FuzzWARC_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzz)
}
