/// Metadata read from the page (rules' `title`/`author`/`date`, or the page's own tags).
public struct Metadata: Sendable, Equatable {
    /// The title the line filters compare blocks with (rules, og:title, h1, <title>).
    public var title: String?
    public var author: String?
    /// ISO 8601 (`YYYY-MM-DD`), see `DateNormalizer`.
    public var date: String?
    public var url: String?
    public var site: String?
    /// og:site_name, the JSON-LD publisher, application-name.
    public var sitename: String?
    /// meta description, og:description, twitter:description.
    public var description: String?
    /// The page's own declaration (`<html lang>`, content-language, og:locale), as an ISO 639-1 code.
    public var declaredLanguage: String?
    public var categories: [String] = []
    public var tags: [String] = []
    /// og:image, twitter:image, JSON-LD image.
    public var image: String?
    /// og:type.
    public var pagetype: String?
    /// The text of `<a rel="license">`.
    public var license: String?
    /// A title from sources that `title` does not read (JSON-LD headline, twitter:title), for output
    /// only: `title` stays what the line filters have always compared with.
    public var alternativeTitle: String?

    public init() {}
}

/// A DOM subtree that an HTML filter removed, kept for `--explain`.
public struct RemovedElement: Sendable {
    public let text: String
    public let reason: RemovalReason
    /// The index of the first block that followed the element in the page, when known: `--explain`
    /// shows the element just before that block (at the end when it equals the number of blocks).
    public var position: Int?

    public init(text: String, reason: RemovalReason, position: Int? = nil) {
        self.text = text
        self.reason = reason
        self.position = position
    }
}

/// The document model that both input paths produce and the line filters work on.
public struct Document: Sendable {
    public var blocks: [Block]
    /// Which path made the blocks: `html` (from the DOM) or `text` (from a plain-text scrape).
    public var origin: InputKind = .text
    public var metadata = Metadata()
    /// What the HTML filters removed before the page became blocks (empty for text input).
    public var removedElements: [RemovedElement] = []
    /// The HTML extraction kept readers' comments as part of the text (a discussion page, or
    /// `--comments`): the line rules of the `comments` category are not for this document.
    var keptComments = false

    public init(blocks: [Block]) {
        self.blocks = blocks
    }

    /// The output text: kept blocks, one per paragraph, a blank line between blocks. Made from
    /// `textFileBytes` (the same bytes and a final "\n"), copied once into a string that takes
    /// them as valid UTF-8: the lines' own strings are, and so is any join of them. An append a
    /// line grew the string through its checks and copies (a share of a text scrape's time).
    public var text: String {
        let bytes = textFileBytes
        guard !bytes.isEmpty else { return "" }
        return bytes.withUnsafeBufferPointer { buffer in
            let body = UnsafeBufferPointer(rebasing: buffer[..<(buffer.count - 1)])
            return ValidUTF8.string(body, isASCII: UTF8Validator.isASCII(UnsafeRawBufferPointer(body)))
        }
    }

    /// `text`'s UTF-8 and a final "\n", or nothing when `text` is empty: what an output file or
    /// stream holds for the document, copied from the lines' bytes into one buffer of the right
    /// size, where `text` grows a `String` an append a line (and the caller copied it twice more).
    public var textFileBytes: [UInt8] {
        // Room for two bytes a kept block and a line end a kept line, more than the separators take.
        var size = 0
        for block in blocks where block.isKept {
            size += 2
            for line in block.lines where line.isKept { size += line.text.utf8.count + 1 }
        }
        // Written in place: each line's bytes copied at once, without an append's checks and growth.
        return [UInt8](unsafeUninitializedCapacity: size) { output, written in
            func put(_ byte: UInt8) {
                output.initializeElement(at: written, to: byte)
                written += 1
            }
            for block in blocks where block.isKept {
                if written > 0 {
                    put(0x0A)
                    put(0x0A)
                }
                var first = true
                for line in block.lines where line.isKept {
                    if !first { put(0x0A) }
                    let utf8 = line.text.utf8
                    let rest = UnsafeMutableBufferPointer(rebasing: output[written...])
                    written = utf8.withContiguousStorageIfAvailable { rest.initialize(fromContentsOf: $0) + written } ?? rest.initialize(fromContentsOf: Array(utf8)) + written
                    first = false
                }
            }
            if written > 0 { put(0x0A) }
        }
    }

    /// Indices of blocks that still have kept lines, in order.
    var keptBlockIndices: [Int] {
        blocks.indices.filter { blocks[$0].isKept }
    }
}
