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
        /// Its presence on every element but `<link>`, where its value is read (`href`: the
        /// extraction only asks whether a link has an address; metadata reads the canonical link's).
        case presenceOutsideLink
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
        "content": .value, "name": .value, "property": .value, "http-equiv": .value, "charset": .value,
        "rel": .value, "type": .value, "datetime": .value, "lang": .value, "xml:lang": .value,
        // Numbered lists (`MarkupGatherer`).
        "start": .value,
        "href": .presenceOutsideLink,
    ]

    /// The pipeline's reads alone: for a page whose site is not known yet.
    static let base = KeptAttributes(alsoReading: [])

    /// `KeptAttributes(alsoReading: names)`, made once for each set of names: every page asks
    /// for the global rules' set, and a table costs more to build than a page's look-ups in it.
    static func reading(_ names: Set<String>) -> KeptAttributes {
        if names.isEmpty { return base }
        if let made = made.withLock({ $0[names] }) { return made }
        let kept = KeptAttributes(alsoReading: names)
        made.withLock { made in
            // (Sites' rules may read many sets; those past the first few are made each time.)
            if made.count < madeLimit { made[names] = kept }
        }
        return kept
    }

    private static let made = Mutex<[Set<String>: KeptAttributes]>([:])
    private static let madeLimit = 64

    private let table: PackedNameTable<Use?>
    /// Names longer than `PackedName` holds are kept when any kept name is that long.
    private let keepsLongNames: Bool
    private let wholeNames: Set<String>

    /// The pipeline's reads and `names` (lower case), whose values are all kept.
    init(alsoReading names: Set<String>) {
        var uses = Self.pipeline
        for name in names { uses[name] = .value }
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
