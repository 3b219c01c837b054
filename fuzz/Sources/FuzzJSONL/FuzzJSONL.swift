import Cleaner
import FuzzSupport

/// The JSON Lines reader: any bytes (gzipped or not) as a stream of records. Every line read gives
/// exactly one output line, a JSON object; a stream that ends badly (a cut gzip member) throws a
/// reportable error, never crashes.
let cleaner: Cleaner = {
    guard let cleaner = try? Cleaner() else { fatalError("built-in rules do not load") }
    return cleaner
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let reader = ByteReader(try BufferStream.maybeGzipped(bytes), chunk: 1 << 12)
        while let line = try reader.readLine(limit: 1 << 16) {
            switch line {
            case .line(let record):
                RecordCheck.verify(RecordCleaner.clean(line: record, with: cleaner, options: CleanOptions()))
            case .tooLong(let length):
                RecordCheck.verify(RecordCleaner.failure(id: nil, url: nil, "line of \(length) bytes is too long"))
            }
        }
    } catch {
        // A damaged stream: reported by the command line with the file's name.
        _ = "\(error)"
    }
    return 0
}

/// SwiftPM links an executable's entry as `FuzzJSONL_main`; hand control to libFuzzer from there.
@_cdecl("FuzzJSONL_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzz)
}
