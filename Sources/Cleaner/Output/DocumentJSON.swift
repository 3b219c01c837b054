/// One document as the JSON object trafilatura's JSON output writes (`trafilatura --json`,
/// `extract(output_format="json", with_metadata=True)`): its keys in its order, `null` where a
/// field is unknown, `categories` and `tags` joined by ";", `source` for the address,
/// `source-hostname` for the site's name and `excerpt` for the description. `url`, `sitename` and
/// `description` repeat those three under the names trafilatura's other outputs use; `site` and
/// `input` are `clean`'s (the rule file that applied; `html` or `text`). `fingerprint` is
/// trafilatura's simhash of title and text (`ContentFingerprint`); `id` and `filedate` are null (a
/// file has no record id; no download date is known); `comments` is always "" (comment sections
/// are removed, never extracted).
public enum DocumentJSON {
    public static func object(for result: CleanResult, markdown: Bool = false) -> String {
        let plain = result.text
        let fields = DocumentFields(result, text: plain)
        let text = markdown ? MarkdownWriter.markdown(of: result) : plain
        var writer = JSONWriter(capacity: text.utf8.count + 512)
        writer.add("title", orNull: fields.title)
        writer.add("author", orNull: fields.author)
        writer.add("hostname", orNull: fields.hostname)
        writer.add("date", orNull: fields.date)
        writer.add("fingerprint", ContentFingerprint.of(title: fields.title, text: plain))
        writer.add("id", orNull: nil)
        writer.add("license", orNull: fields.license)
        writer.add("comments", "")
        writer.add("text", text)
        writer.add("language", orNull: fields.language)
        writer.add("image", orNull: fields.image)
        writer.add("pagetype", orNull: fields.pagetype)
        writer.add("filedate", orNull: nil)
        writer.add("source", orNull: fields.url)
        writer.add("source-hostname", orNull: fields.sitename)
        writer.add("excerpt", orNull: fields.description)
        writer.add("categories", fields.categories.joined(separator: ";"))
        writer.add("tags", fields.tags.joined(separator: ";"))
        writer.add("url", orNull: fields.url)
        writer.add("sitename", orNull: fields.sitename)
        writer.add("description", orNull: fields.description)
        writer.add("site", orNull: result.site)
        writer.add("input", result.inputKind.rawValue)
        var line = writer.finishLine()
        line.removeLast()
        return String(decoding: line, as: UTF8.self)
    }
}
