import XCTest

@testable import Cleaner

/// The reader the streaming modes read through, on random inputs cut at random places: the lines
/// a plain split gives, counted runs and peeks that agree with the bytes, and gzip members
/// inflated straight into the reader's buffer whatever its size.
final class ByteReaderTests: XCTestCase {
    /// Lines of random lengths (some empty, some with "\r\n", some overlong), with or without a last "\n".
    private static func randomLines(_ random: inout PseudoRandom) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<random.next(12) {
            let length = random.next(4) == 0 ? random.next(400) : random.next(30)
            bytes += (0..<length).map { _ in UInt8(0x20 + random.next(0x5F)) }
            if random.next(4) == 0 { bytes.append(0x0D) }
            bytes.append(0x0A)
        }
        if random.next(2) == 0 { bytes += Array("tail".utf8) }
        return bytes
    }

    /// What `readLine` should give: "\n"-separated lines, a final "\r" dropped, overlong ones by length.
    private static func expectedLines(_ bytes: [UInt8], limit: Int) -> [String] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { line in
            if line.count > limit { return "too long: \(line.count)" }
            return String(decoding: line.last == 0x0D ? line.dropLast() : line[...], as: UTF8.self)
        }
    }

    func testLinesMatchASplitWhateverTheBufferAndPieces() throws {
        var random = PseudoRandom(state: 7)
        for _ in 0..<3_000 {
            let bytes = Self.randomLines(&random)
            let limit = random.next(3) == 0 ? random.next(40) : 1_000
            let reader = ByteReader(MemoryStream(bytes, piece: 1 + random.next(50)), chunk: 1 + random.next(64))
            var lines: [String] = []
            while let line = try reader.readLine(limit: limit) {
                switch line {
                case .line(let text): lines.append(String(decoding: text, as: UTF8.self))
                case .tooLong(let length): lines.append("too long: \(length)")
                }
            }
            XCTAssertEqual(lines, Self.expectedLines(bytes, limit: limit), "input \(bytes)")
            XCTAssertEqual(reader.offset, bytes.count, "every byte is counted")
        }
    }

    func testCountedReadsPeeksAndSkipsTakeTheBytesInOrder() throws {
        var random = PseudoRandom(state: 8)
        for _ in 0..<2_000 {
            let bytes = (0..<random.next(3_000)).map { _ in UInt8(random.next(256)) }
            let reader = ByteReader(MemoryStream(bytes, piece: 1 + random.next(700)), chunk: 1 + random.next(300))
            var position = 0
            while position < bytes.count {
                let count = random.next(random.next(5) == 0 ? 2_000 : 40)
                let expected = Array(bytes[position..<min(position + count, bytes.count)])
                switch random.next(4) {
                case 0:
                    XCTAssertEqual(try reader.skip(count: count), expected.count)
                case 1:
                    let peeked = try reader.peek(count: count) { Array($0) }
                    XCTAssertEqual(peeked, Array(expected.prefix(peeked.count)))
                    XCTAssertTrue(peeked.count == expected.count || peeked.count >= 1, "a peek sees at least the buffer's worth")
                    continue
                case 2:
                    guard case .line(let line)? = try reader.readLine(limit: 1 << 20) else { return XCTFail("no line at \(position)") }
                    let stop = bytes[position...].firstIndex(of: 0x0A) ?? bytes.count
                    var wanted = Array(bytes[position..<stop])
                    if wanted.last == 0x0D { wanted.removeLast() }
                    XCTAssertEqual(line, wanted)
                    position = min(stop + 1, bytes.count)
                    XCTAssertEqual(reader.offset, position)
                    continue
                default:
                    XCTAssertEqual(try reader.read(count: count), expected)
                }
                position += expected.count
                XCTAssertEqual(reader.offset, position)
            }
            XCTAssertTrue(try reader.atEnd())
        }
    }

    func testGzipMembersInflateIntoAnyBuffer() throws {
        var random = PseudoRandom(state: 9)
        for _ in 0..<80 {
            var plain: [UInt8] = []
            var file: [UInt8] = []
            for _ in 0..<(1 + random.next(5)) {
                let member = (0..<random.next(random.next(8) == 0 ? 70_000 : 300)).map { _ in UInt8(random.next(256)) }
                plain += member
                file += StoredGzip.member(member)
            }
            let stream = try GzipStream(MemoryStream(file, piece: 1 + random.next(5_000)), name: "t.gz")
            let reader = ByteReader(stream, chunk: 1 + random.next(2_000))
            XCTAssertEqual(try reader.read(count: plain.count + 10), plain)
            XCTAssertEqual(try Gzip.decompress(file, limit: 1 << 20), plain)
        }
        let cut = StoredGzip.member(Array("hello".utf8)).dropLast(3)
        let reader = ByteReader(try GzipStream(MemoryStream(Array(cut), piece: 4), name: "cut.gz"), chunk: 3)
        XCTAssertThrowsError(try reader.read(count: 100)) { XCTAssertEqual("\($0)", "cut.gz: gzip data is truncated") }
    }
}

/// Gzip members written with stored (uncompressed) deflate blocks: valid gzip without a compressor.
enum StoredGzip {
    static func member(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]
        var position = 0
        repeat {
            let length = min(0xFFFF, data.count - position)
            let final: UInt8 = position + length == data.count ? 1 : 0
            out.append(final)
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            out += data[position..<position + length]
            position += length
        } while position < data.count
        out += littleEndian(crc32(data))
        out += littleEndian(UInt32(truncatingIfNeeded: data.count))
        return out
    }

    private static func littleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    private static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
