import Synchronization

/// The attributes some stage reads. `RawTextBlanker` takes every other attribute out of a page
/// before the parse: libxml2 then builds no attribute for it, and reads no byte of its value
/// (a fifth of what libxml2 reads of a page once scripts and styles are emptied).
///
/// Every reader of an attribute must be covered: the pipeline's own reads are listed in
/// `pipeline`; what a site's rules read is added per page (`RuleSet.readAttributes`).
struct KeptAttributes: Sendable {
    /// What a stage needs of an attribute.
    enum Use: Sendable {
        /// Its value (and, so, its presence).
        case value
        /// Its presence on every element but `<link>`, where only the canonical link's value is
        /// read (`href`: the extraction only asks whether a link has an address; metadata reads
        /// the canonical link's): a `<link>` that is not canonical loses it whole.
        case presenceOutsideLink
        /// Its value on a `<meta>` whose key metadata reads (`content`, see `readsMeta`); taken
        /// out whole everywhere else (most of a page's meta tags are for other readers).
        case readMetaOnly
        /// Its value on a `<script>` whose value names JSON-LD (`type`: metadata reads those
        /// scripts); taken out whole everywhere else.
        case jsonLDScriptOnly
        /// Its value on `<img>` (`src`, when only `strip_image_src` reads it); taken out whole
        /// everywhere else (scripts', frames' and sources' addresses).
        case imageOnly
    }

    /// The pipeline's own reads, with who reads them.
    static let pipeline: [String: Use] = [
        // Extraction and `strip_id_or_class`: class words, ids, comment sections, siblings' class.
        "class": .value, "id": .value,
        // Hidden and control elements (`HiddenElements`, `ControlElements`, `ContentScorer`).
        "style": .value, "hidden": .value, "aria-hidden": .value, "role": .value,
        // Comment sections: schema.org types and properties.
        "itemprop": .value, "itemtype": .value,
        // Metadata: meta tags, canonical and author links, JSON-LD scripts, time stamps, language.
        "content": .readMetaOnly, "name": .value, "property": .value, "http-equiv": .value, "charset": .value,
        "rel": .value, "type": .jsonLDScriptOnly, "datetime": .value, "lang": .value, "xml:lang": .value,
        // Numbered lists (`MarkupGatherer`).
        "start": .value,
        "href": .presenceOutsideLink,
    ]

    /// The attributes that hold a `<meta>` tag's key (`MetaTags`).
    static let metaKeyNames: [PackedName] = ["property", "name", "itemprop", "http-equiv"].map(PackedName.init)

    /// True when metadata reads the `content` of a `<meta>` with this key (`value`, as written in
    /// the page): its keys are compared in lower case, as `MetaTags` and the XPath fallbacks read
    /// them. A value with a character reference or a byte past ASCII is taken as read.
    static func readsMeta(key value: UnsafeBufferPointer<UInt8>) -> Bool {
        if value.contains(where: { $0 == 0x26 || $0 >= 0x80 }) { return true }
        if value.count <= 16 { return shortMetaKeys[PackedName(lowercasing: value)] }
        return longMetaKeys.contains { key in
            key.count == value.count && zip(key, value).allSatisfy { $0 == ($1 >= 0x41 && $1 <= 0x5A ? $1 + 0x20 : $1) }
        }
    }

    /// `MetadataTables.readMetaKeys`, packed where they fit (most), as bytes where they do not.
    private static let shortMetaKeys = PackedNameTable(
        MetadataTables.readMetaKeys.filter { $0.utf8.count <= 16 }.map { (PackedName($0), true) }, missing: false)
    private static let longMetaKeys = MetadataTables.readMetaKeys.filter { $0.utf8.count > 16 }.map { Array($0.utf8) }

    /// True when a `<link rel>` with this value may be the canonical link, whose address metadata
    /// reads: it names `canonical` in any case, or holds a character reference.
    static func mayBeCanonical(rel value: UnsafeBufferPointer<UInt8>) -> Bool {
        let word: [UInt8] = Array("canonical".utf8)
        guard value.count >= word.count else { return value.contains(0x26) }
        if value.contains(0x26) { return true }
        outer: for start in 0...(value.count - word.count) {
            for offset in 0..<word.count where value[start + offset] | 0x20 != word[offset] { continue outer }
            return true
        }
        return false
    }

    /// The pipeline's reads alone: for a page whose site is not known yet.
    static let base = KeptAttributes(alsoReading: [])

    /// `KeptAttributes(alsoReading: names)`, made once for each set of names: every page asks
    /// for the global rules' set, and a table costs more to build than a page's look-ups in it.
    /// With `imageSources`, images' `src` is kept too (`strip_image_src`).
    static func reading(_ names: Set<String>, imageSources: Bool = false) -> KeptAttributes {
        if names.isEmpty && !imageSources { return base }
        let key = Reads(names: names, imageSources: imageSources)
        if let made = made.withLock({ $0[key] }) { return made }
        let kept = KeptAttributes(alsoReading: names, imageSources: imageSources)
        made.withLock { made in
            // (Sites' rules may read many sets; those past the first few are made each time.)
            if made.count < madeLimit { made[key] = kept }
        }
        return kept
    }

    private struct Reads: Hashable {
        var names: Set<String>
        var imageSources: Bool
    }

    private static let made = Mutex<[Reads: KeptAttributes]>([:])
    private static let madeLimit = 64

    private let table: PackedNameTable<Use?>
    /// Names longer than `PackedName` holds are kept when any kept name is that long.
    private let keepsLongNames: Bool
    private let wholeNames: Set<String>
    /// True when images keep their `src`.
    let keepsImageSources: Bool

    /// The pipeline's reads and `names` (lower case), whose values are all kept; with
    /// `imageSources`, images' `src` too.
    init(alsoReading names: Set<String>, imageSources: Bool = false) {
        var uses = Self.pipeline
        if imageSources { uses["src"] = .imageOnly }
        for name in names { uses[name] = .value }
        keepsImageSources = uses["src"] != nil
        table = PackedNameTable(uses.map { (PackedName($0.key), Optional($0.value)) }, missing: nil)
        keepsLongNames = uses.keys.contains { $0.utf8.count > 16 }
        wholeNames = Set(uses.filter { $0.value == .value }.keys)
    }

    /// True when every attribute in `names` keeps its value here.
    func keepsValues(of names: Set<String>) -> Bool {
        names.isSubset(of: wholeNames)
    }

    /// What is kept of the attribute named `name` (lower case), nil for nothing.
    func use(of name: PackedName) -> Use? {
        name == .long ? (keepsLongNames ? .value : nil) : table[name]
    }
}
