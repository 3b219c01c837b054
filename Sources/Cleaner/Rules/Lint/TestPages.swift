import FoundationEssentials

/// The pages a site file can be checked against: its `test_url` pages cached as
/// `golden/pages/<name>.html`, and the golden cases whose page belongs to the site (by the case's
/// `url:`, or the page's canonical address).
struct TestPages {
    let golden: String
    /// Golden case pages by the site file that applies to them.
    private var casePages: [String: [PageProfile]] = [:]

    init(golden: String, library: RuleLibrary) {
        self.golden = golden
        for golden in (try? GoldenCase.all(in: golden)) ?? [] where golden.inputPath.hasSuffix(".html") || golden.options.input == .html {
            guard let page = PageProfile(path: golden.inputPath) else { continue }
            guard let url = golden.options.url ?? page.canonicalURL, let host = URLHost.host(of: url),
                let site = library.siteName(forHost: host)
            else { continue }
            casePages[site, default: []].append(page)
        }
    }

    /// The test pages of the site file `name` with these `test_url`s.
    func pages(for name: String, tests: [RuleSet.SiteTest]) -> [PageProfile] {
        let cached = tests.compactMap { PageProfile(path: CachedPage.path(for: $0.url, golden: golden)) }
        return cached + (casePages[name.lowercased()] ?? [])
    }
}
