import Foundation
import XCTest

@testable import Cleaner

/// Pages and scrapes in legacy encodings, labelled, unlabelled and mislabelled, come out as the
/// same UTF-8 text.
final class EncodingTests: XCTestCase {
    private let cleaner = Cleaner(library: RuleLibrary())
    private let fixtures = Repository.path("Tests/Fixtures/encodings")

    /// Every fixture (scripts/make-encoding-fixtures): windows-1252, ISO-8859-1/-2/-7/-15, windows-1250,
    /// -1251, -1253, -1254, KOI8-R, Shift_JIS, EUC-JP, ISO-2022-JP, GB2312, GBK, GB18030, Big5, EUC-KR;
    /// as a page without a label, with `<meta charset>`, with `http-equiv`, with a wrong label, and as text.
    func testEveryLegacyEncodingComesOutAsUTF8() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: fixtures).sorted()
        var checked = 0
        for name in names where !name.hasSuffix(".expected") {
            let language = String(name.prefix { $0 != "." })
            let expected = try String(contentsOfFile: "\(fixtures)/\(language).expected", encoding: .utf8)
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(fixtures)/\(name)")))
            let result = cleaner.clean(bytes)
            XCTAssertEqual(result.text + "\n", expected, "\(name) read as \(result.encoding)")
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 100)
    }

    func testDetectionNamesTheEncodingAndSaysHow() throws {
        let russian = try fixture("ru.koi8-r.nolabel.html")
        XCTAssertEqual(cleaner.clean(russian).encoding, DetectedEncoding(name: "KOI8-R", source: .detected))
        let japanese = try fixture("ja.shift_jis.meta.html")
        XCTAssertEqual(cleaner.clean(japanese).encoding, DetectedEncoding(name: "CP932", source: .markup))
        let wrong = try fixture("ko.euc-kr.wrong.html")
        XCTAssertEqual(cleaner.clean(wrong).encoding, DetectedEncoding(name: "CP949", source: .detected))
    }

    /// The transport's label (a WARC record's HTTP header, a JSONL `charset`) beats the page's own.
    func testTransportLabelWinsOverThePageDeclaration() throws {
        let page = "<html><head><meta charset=iso-8859-1></head><body><p>Правительство представило законопроект.</p></body></html>"
        let bytes = try encode(page, "WINDOWS-1251")
        let result = cleaner.clean(bytes, options: CleanOptions(encoding: "windows-1251"))
        XCTAssertEqual(result.text, "Правительство представило законопроект.")
        XCTAssertEqual(result.encoding.source, .transport)
    }

    /// libxml2 must not re-decode a page that is UTF-8 but says otherwise.
    func testUTF8UnderALatin1LabelStaysUTF8() {
        let page = "<html><head><meta charset='iso-8859-1'></head><body><p>Ünïcödé — “quotes” 日本</p></body></html>"
        XCTAssertEqual(cleaner.clean(page).text, "Ünïcödé — “quotes” 日本")
    }

    /// libxml2 2.9 reads the rest of a page as Latin-1 after one bad byte; here one stray byte costs one character.
    func testOneBadByteInUTF8LosesOnlyThatByte() {
        let bytes = Array("<html><body><p>café ".utf8) + [0xFF] + Array(" — naïve</p><p>€ 5, “done”</p></body></html>".utf8)
        let result = cleaner.clean(bytes)
        XCTAssertEqual(result.text, "café \u{FFFD} — naïve\n\n€ 5, “done”")
        XCTAssertEqual(result.encoding.name, "UTF-8")
    }

    /// The validator's runs of 32 and 8 ASCII bytes end where the input does, and a sequence
    /// anywhere in a word, valid or not, is looked at; so do the ASCII test's words (the last
    /// one overlapping the one before it).
    func testUTF8ValidatorAtEveryLengthAndOffset() {
        for length in 0..<100 {
            let ascii = [UInt8](repeating: 0x7F, count: length)
            ascii.withUnsafeBytes { XCTAssertTrue(UTF8Validator.isValid($0) && UTF8Validator.isASCII($0), "\(length)") }
            for offset in 0..<length {
                var bad = ascii
                bad[offset] = 0xFF
                bad.withUnsafeBytes { XCTAssertFalse(UTF8Validator.isValid($0) || UTF8Validator.isASCII($0), "\(length) \(offset)") }
                guard offset + 1 < length else { continue }
                var accented = ascii
                accented[offset] = 0xC3
                accented[offset + 1] = 0xA9
                accented.withUnsafeBytes { XCTAssertTrue(UTF8Validator.isValid($0) && !UTF8Validator.isASCII($0), "\(length) \(offset)") }
            }
        }
    }

    /// The validator's counts of valid multi-byte sequences, broken bytes and CJK misreading
    /// leads are those of a plain reading byte by byte, on runs of characters past ASCII back to back (as in scripts
    /// other than Latin), broken and cut sequences, and ASCII runs of every length between them.
    func testUTF8TallyIsTheTallyByteByByte() {
        func reference(_ bytes: [UInt8], stopAtFirstError: Bool) -> (multiByte: Int, invalid: Int, misreadLeads: Int) {
            var multiByte = 0
            var invalid = 0
            var misreadLeads = 0
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                // (RFC 3629's table of well-formed sequences.)
                let length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0
                let second: ClosedRange<UInt8> =
                    switch lead {
                    case 0xE0: 0xA0...0xBF
                    case 0xED: 0x80...0x9F
                    case 0xF0: 0x90...0xBF
                    case 0xF4: 0x80...0x8F
                    default: 0x80...0xBF
                    }
                if length > 0, index + length > bytes.count { return (multiByte, invalid + 1, misreadLeads) }
                if length > 0, second.contains(bytes[index + 1]), (2..<length).allSatisfy({ bytes[index + $0] & 0xC0 == 0x80 }) {
                    multiByte += 1
                    if (0xE3...0xEF).contains(lead) { misreadLeads += 1 }
                    index += length
                } else {
                    invalid += 1
                    if stopAtFirstError { break }
                    index += 1
                }
            }
            return (multiByte, invalid, misreadLeads)
        }
        let pieces: [[UInt8]] = [
            Array("é".utf8), Array("日本語".utf8), Array("Привет".utf8), Array("😀".utf8), Array("€".utf8), [0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80],
            [0xF4, 0x90, 0x80, 0x80], [0xE0, 0x80, 0x80], [0xC0, 0xAF], [0x80], [0xBF, 0xBF],
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                bytes += [UInt8](repeating: 0x61, count: Int.random(in: 0...40, using: &generator))
                if let piece = pieces.randomElement(using: &generator) { bytes += piece }
            }
            for stop in [false, true] {
                let tally = bytes.withUnsafeBytes { UTF8Validator.tally($0, stopAtFirstError: stop) }
                let expected = reference(bytes, stopAtFirstError: stop)
                XCTAssertTrue(tally == expected, "\(bytes) \(stop): \(tally) \(expected)")
            }
            let isValid = String(validating: bytes, as: UTF8.self) != nil
            bytes.withUnsafeBytes { XCTAssertEqual(UTF8Validator.isValid($0), isValid, "\(bytes)") }
            // The decoder's count of the bytes a CJK misreading leaves is the count made afresh.
            let decoded = InputDecoder.decode(bytes, kind: .text, declared: nil)
            if isValid {
                XCTAssertEqual(decoded.misreadLeads, bytes.withUnsafeBufferPointer { ByteLanes.count(in: MojibakeRepair.misreadLeadBytes, $0) }, "\(bytes)")
            } else {
                XCTAssertNil(decoded.misreadLeads, "\(bytes)")
            }
        }
    }

    /// The UTF-16 sniffer's zero counts, taken eight bytes at a time, give the verdict of a count
    /// byte by byte, at every length and with zeros at any rate on either side.
    func testUTF16SnifferCountsAsByteByByte() {
        func reference(_ bytes: [UInt8]) -> String? {
            let limit = min(bytes.count, 4096) & ~1
            guard limit >= 8 else { return nil }
            var evenZeros = 0
            var oddZeros = 0
            for index in stride(from: 0, to: limit, by: 2) {
                if bytes[index] == 0 { evenZeros += 1 }
                if bytes[index + 1] == 0 { oddZeros += 1 }
            }
            let pairs = limit / 2
            if oddZeros * 10 >= pairs * 7, evenZeros * 20 <= pairs { return "UTF-16LE" }
            if evenZeros * 10 >= pairs * 7, oddZeros * 20 <= pairs { return "UTF-16BE" }
            return nil
        }
        var generator = SystemRandomNumberGenerator()
        let rates = [0.0, 0.04, 0.06, 0.68, 0.72, 1.0]
        for length in Array(0..<200) + [4095, 4096, 4097, 5000] {
            for _ in 0..<10 {
                let even = rates.randomElement(using: &generator) ?? 0
                let odd = rates.randomElement(using: &generator) ?? 0
                let bytes = (0..<length).map { index -> UInt8 in
                    Double.random(in: 0..<1, using: &generator) < (index % 2 == 0 ? even : odd) ? 0 : UInt8.random(in: 1...255, using: &generator)
                }
                XCTAssertEqual(bytes.withUnsafeBytes { UTF16Sniffer.encoding(of: $0) }, reference(bytes), "\(length) \(even) \(odd)")
            }
        }
    }

    func testUTF8CutShortAtTheEndKeepsTheRest() {
        let bytes = Array("Überschrift\n\nText mit Umlauten: äöü ".utf8) + [0xE2, 0x80]
        XCTAssertEqual(cleaner.clean(bytes).text, "Überschrift\n\nText mit Umlauten: äöü \u{FFFD}")
    }

    func testByteOrderMarks() throws {
        let page = "<html><body><p>Grüße aus Köln</p></body></html>"
        XCTAssertEqual(cleaner.clean([0xEF, 0xBB, 0xBF] + Array(page.utf8)).text, "Grüße aus Köln")
        XCTAssertEqual(cleaner.clean([0xFF, 0xFE] + (try encode(page, "UTF-16LE"))).text, "Grüße aus Köln")
        XCTAssertEqual(cleaner.clean([0xFE, 0xFF] + (try encode(page, "UTF-16BE"))).text, "Grüße aus Köln")
        // Without a mark, UTF-16 shows in its zero bytes.
        XCTAssertEqual(cleaner.clean(try encode(page, "UTF-16LE")).text, "Grüße aus Köln")
    }

    func testLabelsMapAsBrowsersMapThem() {
        XCTAssertEqual(CharsetLabel.iconvName(for: "ISO-8859-1"), "WINDOWS-1252")
        XCTAssertEqual(CharsetLabel.iconvName(for: " \"latin1\" "), "WINDOWS-1252")
        XCTAssertEqual(CharsetLabel.iconvName(for: "x-sjis"), "CP932")
        XCTAssertEqual(CharsetLabel.iconvName(for: "gb2312"), "GB18030")
        XCTAssertEqual(CharsetLabel.iconvName(for: "ks_c_5601-1987"), "CP949")
        XCTAssertEqual(CharsetLabel.iconvName(for: "cp1251"), "WINDOWS-1251")
        XCTAssertEqual(CharsetLabel.iconvName(for: "iso8859-2"), "ISO-8859-2")
        XCTAssertEqual(CharsetLabel.iconvName(for: "latin2"), "ISO-8859-2")
        XCTAssertNil(CharsetLabel.iconvName(for: "no-such-charset"))
        XCTAssertEqual(CharsetLabel.parameter(inContentType: "text/html; Charset=\"Shift_JIS\""), "shift_jis")
        XCTAssertNil(CharsetLabel.parameter(inContentType: "text/html"))
    }

    func testDeclarationsAreFoundInMarkup() {
        func declared(_ page: String) -> String? {
            Array(page.utf8).withUnsafeBytes { CharsetDeclaration.declaredInMarkup($0) }
        }
        XCTAssertEqual(declared("<html><head><META CHARSET=\"EUC-JP\">"), "euc-jp")
        XCTAssertEqual(declared("<meta http-equiv='Content-Type' content='text/html; charset=koi8-r'>"), "koi8-r")
        XCTAssertEqual(declared("<?xml version=\"1.0\" encoding=\"big5\"?><html>"), "big5")
        XCTAssertEqual(declared("<html><head><meta name=description content=\"charset=x\"></head><body><meta charset=big5>"), "big5")
        XCTAssertNil(declared("<html><head><meta name=description content=\"text/html; charset=x\"></head><body>"))
    }

    /// An unknown label is no label: the bytes decide.
    func testAnUnknownLabelFallsBackToDetection() throws {
        let bytes = try encode("<html><head><meta charset=klingon></head><body><p>Zweifel an der Finanzierung äußerten Kritiker.</p></body></html>", "WINDOWS-1252")
        XCTAssertEqual(cleaner.clean(bytes).text, "Zweifel an der Finanzierung äußerten Kritiker.")
    }

    private func fixture(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(fixtures)/\(name)")))
    }

    /// Encodes with the `iconv` command, so these cases do not depend on the decoder under test.
    private func encode(_ text: String, _ encoding: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", encoding]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return [UInt8](data)
    }
}
