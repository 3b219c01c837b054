/// Where metadata is read from and how dates are written: named tables, so that the sources and
/// their order are data in one place. Orders follow trafilatura's metadata reader (meta tags
/// first, then JSON-LD, then the page's elements), so that the fields mean what its users expect.
enum MetadataTables {
    /// Years a publication date can have: the web's (htmldate's lower bound is 1995), with room
    /// ahead; outside this a number is an id or a price, not a year.
    static let years = 1990...2100

    /// `<meta name|property|itemprop=... content>` keys (lower case) for each field, most reliable first.
    static let authorKeys = ["author", "article:author", "dc.creator", "dcterms.creator", "byl", "sailthru.author", "parsely-author", "citation_author", "og:article:author"]
    static let descriptionKeys = ["description", "og:description", "twitter:description", "dc.description", "dcterms.description", "sailthru.description"]
    static let sitenameKeys = ["og:site_name", "application-name", "dc.publisher", "dcterms.publisher", "publisher", "twitter:site"]
    static let titleKeys = ["twitter:title", "dc.title", "dcterms.title", "sailthru.title", "parsely-title", "citation_title", "headline"]
    static let imageKeys = ["og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src", "image"]
    /// Publication dates first; a modification date only when nothing says when the page was published
    /// (htmldate's `original_date` preference).
    static let publishedDateKeys = [
        "article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date",
        "publish_date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "dc.date.created",
        "sailthru.date", "parsely-pub-date", "article.published", "originalpublicationdate", "citation_publication_date",
        "citation_date", "release_date", "created",
    ]
    static let modifiedDateKeys = ["article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified", "dc.date.modified"]
    static let sectionKeys = ["article:section", "parsely-section"]
    static let tagKeys = ["article:tag", "keywords", "news_keywords", "parsely-tags"]
    static let localeKeys = ["content-language", "og:locale", "language", "dc.language", "dcterms.language"]
    /// Keys read outside the lists above: `og:type`, and those of `MetadataReader`'s XPath
    /// fallbacks (title, author, date, canonical address).
    static let fallbackKeys = ["og:type", "og:title", "author", "article:author", "article:published_time", "date", "og:url"]

    /// Every key whose `content` is read: the meta tags without one of these lose their `content`
    /// before the parse (`KeptAttributes.readMetaOnly`). A key read anywhere must be listed here.
    static let readMetaKeys: Set<String> = Set(
        [authorKeys, descriptionKeys, sitenameKeys, titleKeys, imageKeys, publishedDateKeys, modifiedDateKeys, sectionKeys, tagKeys, localeKeys, fallbackKeys]
            .joined())

    /// JSON-LD `@type`s that describe the page's own article (a `Person` or `Organization` node
    /// elsewhere in the graph is not the article).
    static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "scholarlyarticle", "techarticle", "report", "webpage", "itempage", "posting", "socialmediaposting",
        "discussionforumposting", "liveblogposting", "review", "recipe", "howto", "creativework", "medicalwebpage",
    ]

    /// Month names and abbreviations (lower case) of the languages whose pages write dates in words:
    /// English, German, French, Spanish, Italian, Portuguese, Dutch. No name means two months; short forms that are also common words ("ago", "set", "out") are left out.
    static let months: [String: Int] = {
        let names: [[String]] = [
            ["january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "janeiro", "januari"],
            ["february", "feb", "februar", "février", "fevrier", "févr", "fevr", "febrero", "febbraio", "fevereiro", "fev", "februari"],
            ["march", "mar", "märz", "mär", "maerz", "mars", "marzo", "março", "marco", "maart", "mrt"],
            ["april", "apr", "avril", "avr", "abril", "abr", "aprile"],
            ["may", "mai", "mayo", "maggio", "maio", "mei"],
            ["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho"],
            ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho"],
            ["august", "aug", "août", "aout", "agosto", "augustus"],
            ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "setembro"],
            ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro"],
            ["november", "nov", "novembre", "noviembre", "novembro"],
            ["december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre", "dezembro"],
        ]
        var table: [String: Int] = [:]
        for (index, words) in names.enumerated() {
            for word in words { table[word] = index + 1 }
        }
        return table
    }()

    /// Words that stand between a day, a month's name and a year: ordinal endings ("29th", "1er")
    /// and the small words of "29 de marzo de 2019", "29th of March", "am 29. März".
    static let dateFillerWords: Set<String> = ["st", "nd", "rd", "th", "er", "e", "de", "del", "of", "the", "am", "den", "le", "el", "il"]
}
