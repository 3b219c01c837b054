/// The HTML path: parse, choose the site's rules, run the DOM filters, serialize the article to blocks.
enum HTMLPipeline {
    /// `bytes` are UTF-8 (see `InputDecoder`).
    static func run(_ page: [UInt8], library: RuleLibrary, options: CleanOptions) -> (Document, site: String?) {
        let bytes = BogusComments.removed(from: page) ?? page
        // With an address, the site's rules are known before the parse, and the page is blanked
        // only as far as they allow. Without one, the site comes from the page's canonical link
        // (which blanking leaves alone), and a site whose rules read what was blanked gets the
        // page parsed again.
        func siteRules(for url: String?) -> (site: String?, rules: RuleSet) {
            let site = url.flatMap(URLHost.host(of:)).flatMap(library.siteName(forHost:))
            return (site, library.rules(forSite: site).removingCategories(options.keptCategories))
        }
        let known = options.url.map { siteRules(for: $0) }
        // Without an address, the page is first blanked as the rules of every page allow.
        let first = known?.rules ?? siteRules(for: nil).rules
        let blanked = blank(bytes, for: first)
        guard var page = parse(bytes, blanked) else { return (Document(blocks: []), nil) }
        let url = options.url ?? MetadataReader.canonicalURL(of: page)
        let (site, rules) = known ?? siteRules(for: url)
        if !rules.replacements.isEmpty {
            let replaced = RawReplacements.apply(rules.replacements, to: bytes)
            if let mended = parse(replaced, blank(replaced, for: rules)) { page = mended }
        } else if known == nil, blanked != nil, rules.readsComments || !keeps(keptAttributes(for: first), allThat: rules),
            let whole = parse(bytes, blank(bytes, for: rules))
        {
            page = whole
        }
        if let body = BodySelector.pageBody(of: page) { NoscriptRepair.apply(to: page, body: body) }
        var log = RemovalLog(enabled: options.explain)
        var metadata = MetadataReader.read(rules, from: page, full: options.metadata)
        metadata.url = url
        metadata.site = site

        StripXPath.apply(rules.strip, to: page, log: &log)
        StripAttributes.apply(rules, to: page, log: &log)
        var roots: [Node]
        var excluded: [Node: RemovalReason] = [:]
        var keptComments = false
        if let selected = BodySelector.select(rules.body, in: page) {
            roots = selected
            if rules.prune == true {
                for root in roots { Pruner.apply(to: root, in: page, log: &log) }
            }
        } else if let body = BodySelector.pageBody(of: page) {
            // No site rule says where the article is: find it.
            let extraction = ContentExtractor.extract(body: body, in: page, title: metadata.title, keepComments: options.comments)
            roots = extraction.roots
            excluded = extraction.excluded
            keptComments = extraction.keptComments
            if log.enabled { record(excluded, except: Set(roots), under: body, in: page, log: &log) }
        } else {
            roots = []
        }
        var serializer = BlockSerializer(markers: options.explain ? log.markers : nil, excluded: excluded, markdown: options.markdown)
        var spans: [RemovalMarkers.Span] = []
        for root in roots {
            let start = (blocks: serializer.blocks.count, markers: serializer.markerPositions.count)
            serializer.serialize(root, in: page)
            spans.append(.init(root: root, blocks: start.blocks..<serializer.blocks.count, markers: start.markers..<serializer.markerPositions.count))
        }

        var document = Document(blocks: serializer.blocks)
        document.origin = .html
        document.metadata = metadata
        document.keptComments = keptComments
        document.removedElements = log.elements(at: log.markers.pageOrder(of: page, spans: spans, seen: serializer.markerPositions))
        return (document, site)
    }

    /// Logs the extraction's removals in page order (a `Dictionary`'s order changes from run to
    /// run, and `--explain` lists the removals it cannot place in the order they were logged),
    /// each once: a removal inside a removed element would show the same text again.
    private static func record(_ excluded: [Node: RemovalReason], except moved: Set<Node>, under body: Node, in page: HTMLDocument, log: inout RemovalLog) {
        page.walk(from: body, enter: { node in
            guard let reason = excluded[node], !moved.contains(node) else { return .descend }
            log.record(node, reason)
            return .skip
        })
    }

    /// `RawTextBlanker.blank` as far as `rules` allow: nothing when they select comments, every
    /// attribute they read kept.
    private static func blank(_ bytes: [UInt8], for rules: RuleSet) -> RawTextBlanker.Blanked? {
        if rules.readsComments { return nil }
        return RawTextBlanker.blank(bytes, attributes: keptAttributes(for: rules))
    }

    /// The attributes a page keeps for `rules`: the pipeline's reads and theirs; nil, all of them.
    private static func keptAttributes(for rules: RuleSet) -> KeptAttributes? {
        guard let read = rules.xpathAttributes else { return nil }
        return KeptAttributes.reading(read, imageSources: !rules.stripImageSrc.isEmpty)
    }

    /// True when `kept` keeps the value of every attribute `rules` read.
    private static func keeps(_ kept: KeptAttributes?, allThat rules: RuleSet) -> Bool {
        guard let kept else { return true }
        guard let read = rules.xpathAttributes else { return false }
        return kept.keepsValues(of: read) && (rules.stripImageSrc.isEmpty || kept.keepsImageSources)
    }

    /// The page's tree; parsed with its scripts, styles and comments emptied (`RawTextBlanker`)
    /// when `blanked` has them, which gives the same tree but for the comments' text.
    private static func parse(_ bytes: [UInt8], _ blanked: RawTextBlanker.Blanked? = nil) -> HTMLDocument? {
        if let blanked, let page = blanked.bytes.withUnsafeBytes({ HTMLDocument(utf8: $0) }), page.restoreRawText(blanked, original: bytes),
            page.restoreValues(blanked, original: bytes)
        {
            return page
        }
        return bytes.withUnsafeBytes { HTMLDocument(utf8: $0) }
    }
}
