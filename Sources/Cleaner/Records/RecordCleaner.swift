/// JSON Lines records in and out: `{"html" or "text", "url"?, "id"?, "charset"?}` a line in; a line out
/// with `id` and `url` echoed and the cleaned `text` with the page's metadata, or `error`.
public enum RecordCleaner {
    /// The output of one record: its line (with "\n") and whether it carries an `error`.
    public struct Output: Sendable {
        public let line: [UInt8]
        public let failed: Bool

        public init(line: [UInt8], failed: Bool) {
            self.line = line
            self.failed = failed
        }
    }

    /// Cleans one input line. `options` gives the run's settings (`keep`); each record brings its
    /// own input kind and URL. Never throws: a record that cannot be read becomes an `error` line.
    public static func clean(line: [UInt8], with cleaner: Cleaner, options: CleanOptions) -> Output {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            return failure(id: nil, url: nil, "empty line")
        }
        let record: JSONValue
        do {
            record = try JSONParser.parse(line)
        } catch {
            return failure(id: nil, url: nil, "not JSON: \(error)")
        }
        guard case .object = record else { return failure(id: nil, url: nil, "not a JSON object") }
        let id = record["id"]
        let url = record["url"].flatMap { $0 == .null ? nil : $0 }
        var recordOptions = options
        recordOptions.metadata = true
        if let url {
            guard let address = url.string else { return failure(id: id, url: url, "\"url\" is not a string") }
            recordOptions.url = address
        }
        var payload: [UInt8]
        switch (record["html"], record["text"]) {
        case (.string(let html)?, _):
            // The page was decoded to Unicode when it went into JSON: its bytes are UTF-8 now,
            // whatever its <meta charset> still says.
            payload = html
            recordOptions.input = .html
            recordOptions.encoding = "UTF-8"
        case (let html?, _) where html != .null:
            return failure(id: id, url: url, "\"html\" is not a string")
        case (_, .string(let text)?):
            payload = text
            recordOptions.input = .text
        case (_, let text?) where text != .null:
            return failure(id: id, url: url, "\"text\" is not a string")
        default:
            return failure(id: id, url: url, "no \"html\" or \"text\" string")
        }
        if let charset = record["charset"], charset != .null {
            guard let label = charset.string else { return failure(id: id, url: url, "\"charset\" is not a string") }
            // The original bytes, one per code point, in the encoding the record names; a string
            // with any code point above U+00FF is Unicode already and the label does not apply.
            if let original = ByteString.bytes(fromLatin1: payload) {
                payload = original
                recordOptions.encoding = label
            }
        }
        let result = cleaner.clean(payload, options: recordOptions)
        if let failure = result.failure { return Self.failure(id: id, url: url, "\(failure)") }
        return Output(line: Self.line(for: result, id: id, url: url, markdown: options.markdown), failed: false)
    }

    /// The output line of a cleaned document: echoed `id` and `url`, then metadata and text (Markdown
    /// when `markdown`). Metadata fields that are unknown are left out; `filedate` is the day the
    /// page was fetched, when the input says it (a WARC record's date).
    public static func line(for result: CleanResult, id: JSONValue?, url: JSONValue?, filedate: String? = nil, markdown: Bool = false) -> [UInt8] {
        let plain = result.text
        let fields = DocumentFields(result, text: plain)
        let text = markdown ? MarkdownWriter.markdown(of: result) : plain
        var writer = JSONWriter(capacity: text.utf8.count + 512)
        writer.add("id", id)
        writer.add("url", url)
        writer.add("title", fields.title)
        writer.add("author", fields.author)
        writer.add("date", fields.date)
        writer.add("hostname", fields.hostname)
        writer.add("sitename", fields.sitename)
        writer.add("description", fields.description)
        writer.add("language", fields.language)
        writer.add("categories", fields.categories.isEmpty ? nil : fields.categories.joined(separator: ";"))
        writer.add("tags", fields.tags.isEmpty ? nil : fields.tags.joined(separator: ";"))
        writer.add("image", fields.image)
        writer.add("site", result.site)
        writer.add("input", result.inputKind.rawValue)
        writer.add("fingerprint", ContentFingerprint.of(title: fields.title, text: plain))
        writer.add("filedate", filedate)
        writer.add("text", text)
        return writer.finishLine()
    }

    /// An `error` line, echoing whatever `id` and `url` could be read.
    public static func failure(id: JSONValue?, url: JSONValue?, _ message: String) -> Output {
        var writer = JSONWriter()
        writer.add("id", id)
        writer.add("url", url)
        writer.add("error", message)
        return Output(line: writer.finishLine(), failed: true)
    }
}
