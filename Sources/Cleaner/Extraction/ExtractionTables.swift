/// Tag tables and thresholds of the generic extraction, after Readability's, with why.
enum ExtractionTables {
    /// A block needs this much text of its own to count as a paragraph (shorter is a label or a link).
    static let minParagraphCharacters = 25
    /// An extraction shorter than this is a failed attempt: retry with fewer filters.
    static let minArticleCharacters = 500
    /// When every attempt falls short, one that kept less than this share of its chosen text
    /// cleaned away the page itself (products each in a form, a page of link blocks): the
    /// chosen text is kept uncleaned.
    static let minCleanedShare = 0.25
    /// A short first answer this long is kept over a retry that cleaned its own choice mostly
    /// away (a page with one short post among sidebars).
    static let minTrustedShortCharacters = 100
    /// How many ancestors a paragraph's score reaches (parent, grandparent, ...).
    static let scoredAncestors = 5

    /// Blocks whose own text is scored as a paragraph. Lists and cells of navigation are not.
    static let unscoredBlocks: Set<String> = ["li", "ul", "ol", "dl", "dt", "dd", "th", "h1", "nav", "menu", "html", "body"]

    /// Starting score of a candidate by its tag: containers of prose up, lists and headings down.
    static func tagBonus(_ tag: String) -> Double {
        switch tag {
        case "div", "article", "main", "section": 5
        case "pre", "td", "blockquote": 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": -5
        default: 0
        }
    }

    /// Embedded players and frames: one in a short block makes it a widget.
    static let embeds: Set<String> = ["iframe", "object", "embed"]
    /// Form controls: many of them make a block a form, not prose.
    static let inputs: Set<String> = ["input", "select", "textarea", "button"]
    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// Elements inside the article that are removed when they look like boilerplate. Rows and
    /// cells of a layout table are among them (a column of links beside the article's cell),
    /// under stricter tests (`ConditionalCleaner`).
    static let conditional: Set<String> = ["form", "fieldset", "table", "ul", "ol", "div", "section", "header", "tr", "td"]
    /// An element inside the article holding this share of its prose, with links under
    /// `maxArticleLinkDensity` of its text, is not removed by the conditional tests (a gallery
    /// post's text among its pictures is still the post).
    static let articleProseShare = 0.5
    static let maxArticleLinkDensity = 0.33
    /// Elements inside the article that are never article text. (`<address>` is the contact
    /// line of the page or the article's author, not its text.)
    static let alwaysRemoved: Set<String> = ["footer", "aside", "nav", "form", "address"]

    /// The tag sets above as flags, found with one look-up of an element's packed name: the walks
    /// ask them of every element, where hashing a `String` per set would cost more than the walk.
    struct TagTraits: Sendable {
        var embed = false
        var input = false
        var heading = false
        var unscoredBlock = false
        var conditional = false
        var alwaysRemoved = false
    }

    static func traits(_ name: PackedName) -> TagTraits {
        traitTable[name]
    }

    private static let traitTable = PackedNameTable(
        embeds.union(inputs).union(headings).union(unscoredBlocks).union(conditional).union(alwaysRemoved).map { tag in
            let traits = TagTraits(
                embed: embeds.contains(tag), input: inputs.contains(tag), heading: headings.contains(tag),
                unscoredBlock: unscoredBlocks.contains(tag), conditional: conditional.contains(tag), alwaysRemoved: alwaysRemoved.contains(tag))
            return (PackedName(tag), traits)
        }, missing: TagTraits())

    /// A `<p>` inside the article at least this long with at least this share of its text in
    /// links is a list of other pages ("See also" and titles), removed; a short linked line ("Read
    /// the report") and a sentence with a few links stay.
    static let linkParagraphCharacters = 80
    static let linkParagraphDensity = 0.8
    /// ...unless it is at most this many links around text with at least this many commas: a
    /// reference in a bibliography ("[9] G. Nowak, S. Krukowski, ... J. Appl. Phys. 1, 5 (1996).")
    /// or a sentence linked whole, where a list of other pages has a link per title and its
    /// titles carry few commas. A comma-separated list of tags is many links, and still goes.
    static let maxCitationLinks = 2
    static let minCitationCommas = 3
    /// A paragraph with more of its text in links than this is a link list, not prose.
    static let maxProseLinkDensity = 0.2
    /// A block inside the article between two paragraphs of prose is itself a paragraph of the
    /// article (a sentence with a link or two, in its own wrapper) below this link density, where
    /// a lone block is held to Readability's 0.2: a link list or teaser sits beside the article's
    /// paragraphs, not between them. It needs a paragraph's worth of words outside its links
    /// (`minParagraphCharacters`): a linked site name and a date are a byline.
    static let maxLinkDensityBetweenProse = 0.5
    /// A block with this much text outside its links, and links under `maxOwnProseLinkDensity`
    /// of its text, is prose that cites its sources (a blog post's paragraphs, a column of news
    /// items written out in full), not a link list or a gallery: Readability's 0.2 link-density
    /// test and its images-to-paragraphs test would drop it whole, taking the reader's sentences
    /// with it. Teasers stay below: each one's blurb is short, and teasers go one by one before
    /// their container is judged on what is left in it. Counted in characters, so any language.
    static let minOwnProseCharacters = 500
    static let maxOwnProseLinkDensity = 0.4
    /// When the chosen elements hold less than this share of the page's prose, the choice was
    /// too narrow (one post of a thread, one section of a long page): widen it...
    static let minProseShare = 0.3
    /// ...to the nearest ancestor that holds at least this share.
    static let widenedProseShare = 0.75
    /// Up to this share, the choice is widened too when what the ancestor adds reads like the
    /// article (more posts of a blog page, the other cells of a table layout)...
    static let widenBelowProseShare = 0.7
    /// ...rather than headlines: at most this share of the added text in links and headings
    /// (teaser lists, related stories, which are also text beside the article, are far above).
    static let maxWidenedHeadlineShare = 0.25

    /// A block up to this long holding an empty link of its own (`<a href></a>`, stretched over it
    /// by the style sheet) is a teaser card: its text counts as link text. A headline and a line
    /// of summary fit; an article's block is longer, and one with an icon link keeps its prose.
    static let maxOverlayCardCharacters = 300

    /// Sibling blocks join the top candidate above this share of its score (Readability: 0.2).
    static let siblingScoreShare = 0.2
    /// A sibling paragraph this long with few links joins the article.
    static let siblingParagraphCharacters = 80
    /// A sibling block of any tag joins too when it is prose: its paragraphs hold at least this
    /// share of its text and `siblingParagraphCharacters`, with links under this density.
    static let minSiblingProseShare = 0.5
    static let maxSiblingLinkDensity = 0.25
    /// A prose cell in a later row of the article's layout table joins it when it holds at least
    /// this share of the chosen cell's prose (the next letter or section of the page, as a sibling
    /// joins at Readability's 0.2 of the score); a short note or credit row under it does not.
    static let minLaterCellProseShare = 0.2

    /// A page whose readers' comments hold at least this many times the text of its post (both
    /// cleaned) is a discussion, and the comments are its content (`DiscussionPages`). Under an
    /// article, even a busy comment section stays well below: a fraction of the article to a
    /// dozen times a short one; a prompt under a long thread of replies is far above.
    static let minDiscussionCommentsToPost = 20.0
}
