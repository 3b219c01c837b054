import Glibc

/// Bytes in a legacy encoding to UTF-8, through glibc's iconv. Holds an iconv descriptor from
/// `IconvPool` and gives it back with itself. Never fails on bad bytes: each byte that is not part of a valid sequence
/// becomes U+FFFD (and is counted), a sequence cut short at the end becomes one U+FFFD, so nothing
/// after a bad byte is lost.
final class Transcoder {
    let encoding: String
    private let descriptor: iconv_t

    /// nil when iconv does not know `encoding` (an iconv name, see `CharsetLabel`).
    init?(from encoding: String) {
        guard let descriptor = IconvPool.take(to: "UTF-8", from: encoding) else { return nil }
        self.encoding = encoding
        self.descriptor = descriptor
    }

    deinit {
        IconvPool.giveBack(descriptor, to: "UTF-8", from: encoding)
    }

    struct Output {
        var utf8: [UInt8]
        /// Bytes that were not valid in the encoding (each replaced by U+FFFD).
        var errors: Int
    }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    func convert(_ input: UnsafeRawBufferPointer) -> Output {
        // Reset the shift state: one descriptor converts many documents.
        iconv(descriptor, nil, nil, nil, nil)
        guard let base = input.baseAddress, input.count > 0 else { return Output(utf8: [], errors: 0) }
        // UTF-8 needs at most 3 bytes for each byte of any single- or double-byte encoding (and 4 for
        // GB18030's 4-byte sequences), so one allocation almost always suffices; E2BIG grows it.
        var output = [UInt8](repeating: 0, count: input.count * 3 + 16)
        var written = 0
        var errors = 0
        var inputPointer = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: CChar.self))
        var inputLeft = input.count
        while inputLeft > 0 {
            let capacity = output.count - written
            var outputLeft = capacity
            let result = output.withUnsafeMutableBytes { buffer -> Int in
                guard let outputBase = buffer.baseAddress else { return 0 }
                var outputPointer: UnsafeMutablePointer<CChar>? = (outputBase + written).assumingMemoryBound(to: CChar.self)
                var inputCursor: UnsafeMutablePointer<CChar>? = inputPointer
                let status = iconv(descriptor, &inputCursor, &inputLeft, &outputPointer, &outputLeft)
                if let inputCursor { inputPointer = inputCursor }
                return status
            }
            written += capacity - outputLeft
            if result != -1 { break }
            switch errno {
            case E2BIG:
                output.append(contentsOf: repeatElement(0, count: max(output.count / 2, 64)))
            case EINVAL:
                // A multi-byte sequence cut short by the end of the input.
                append(Self.replacement, to: &output, at: &written)
                errors += 1
                inputLeft = 0
            default:
                // EILSEQ: a byte that starts no valid sequence. Replace it and go on from the next byte.
                append(Self.replacement, to: &output, at: &written)
                errors += 1
                inputPointer += 1
                inputLeft -= 1
                iconv(descriptor, nil, nil, nil, nil)
            }
        }
        output.removeSubrange(written...)
        return Output(utf8: output, errors: errors)
    }

    private func append(_ bytes: [UInt8], to output: inout [UInt8], at written: inout Int) {
        if output.count - written < bytes.count {
            output.append(contentsOf: repeatElement(0, count: max(output.count / 2, 64)))
        }
        for byte in bytes {
            output[written] = byte
            written += 1
        }
    }
}
