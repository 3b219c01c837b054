import XCTest

@testable import Cleaner

/// The generic extraction on pages no site rule covers.
final class ExtractionTests: XCTestCase {
    private let prose = (1...6).map { "Paragraph \($0) of the story has enough words, commas, and clauses, to read as prose that a person wrote for this page." }

    private func page(article: String, chrome: String = "") -> String {
        """
        <html><head><title>Story title</title></head><body>
        <div id="menu"><ul><li><a href="/a">Home</a></li><li><a href="/b">World</a></li><li><a href="/c">Sport</a></li></ul></div>
        \(chrome)
        <div class="main"><h1>Story title</h1>\(article)</div>
        <div class="footer"><a href="/about">About us</a> <a href="/privacy">Privacy policy</a> <a href="/terms">Terms</a></div>
        </body></html>
        """
    }

    func testFindsTheArticleAndLeavesMenusAndFootersOut() throws {
        let html = page(article: prose.map { "<p>\($0)</p>" }.joined())
        let result = try clean(html, builtin: true)
        XCTAssertEqual(result.text, prose.joined(separator: "\n\n"))
        XCTAssertEqual(result.document.metadata.title, "Story title", "the title goes to the metadata, not the body")
    }

    func testTextSplitByLineBreaksIsAnArticleToo() throws {
        let html = page(article: "<div>" + prose.joined(separator: "<br><br>") + "</div>", chrome: "<div><p>A short sidebar note, with a comma.</p></div>")
        let result = try clean(html, builtin: true)
        XCTAssertEqual(result.text, prose.joined(separator: "\n\n"), "two <br>s end a paragraph")
    }

    func testBreadcrumbTrailsAndNoPrintNoticesGo() throws {
        let trail = "<p><a href='/'>Home</a> &gt; <a href='/guide'>Travel guide</a> &gt; <a href='/money'>Money and costs</a> &gt; Changing money</p>"
        let notice = "<div class='noprint'><p>The information on this site is no substitute for advice, and we accept no responsibility for decisions made on it.</p></div>"
        let html = page(article: trail + prose.map { "<p>\($0)</p>" }.joined() + notice)
        XCTAssertEqual(try clean(html, builtin: true).text, prose.joined(separator: "\n\n"))
        // A sentence that names a menu path is prose, not a trail.
        let steps = "<p>In the editor, click Analysis > Compare > By Feature. The dialog opens.</p>"
        let withSteps = try clean(page(article: steps + prose.map { "<p>\($0)</p>" }.joined()), builtin: true)
        XCTAssertTrue(withSteps.text.hasPrefix("In the editor, click Analysis > Compare > By Feature."))
    }

    func testLinkListsInsideTheArticleGo() throws {
        let related = "<ul>" + (1...5).map { "<li><a href='/s\($0)'>Another story number \($0) worth a click</a></li>" }.joined() + "</ul>"
        let html = page(article: prose.map { "<p>\($0)</p>" }.joined() + related)
        XCTAssertEqual(try clean(html, builtin: true).text, prose.joined(separator: "\n\n"))
    }

    /// Each paragraph in its own wrapper: a short sentence with a link, between two paragraphs of
    /// prose, is the article's; the same wrapper after the article, a teaser, is not.
    func testALinkedSentenceBetweenParagraphsStays() throws {
        let wrap = { (text: String) in "<div class='card'><p>\(text)</p></div>" }
        let linked = "The result was published on Monday in the <a href='/journal'>journal Nature Astronomy</a>."
        let html = page(article: prose.prefix(3).map(wrap).joined() + wrap(linked) + prose.suffix(3).map(wrap).joined())
        let text = try clean(html, builtin: true).text
        XCTAssertTrue(text.contains("The result was published on Monday in the journal Nature Astronomy."))
        let teaser = "Read more: <a href='/other'>Another story from the same desk, worth a click</a>."
        let after = try clean(page(article: prose.map(wrap).joined() + wrap(teaser)), builtin: true).text
        XCTAssertFalse(after.contains("Another story"), "a linked line with no paragraph after it is still judged by its links")
    }

    /// A post whose links push it over Readability's 0.2 stays between the thread's other posts,
    /// an empty anchor before each post notwithstanding; a linked name and a date between two
    /// paragraphs, with too few words of their own, are a byline and go.
    func testALinkedPostBetweenPostsStaysButABylineGoes() throws {
        let post = { (text: String) in "<a id='reply'></a><div class='reply-item'><p>\(text)</p></div>" }
        let linked = "A quick search on the web reveals these pages, and there are loads more out there: <a href='/g'>http://example.org/title-generator</a>"
        let thread = page(article: prose.prefix(3).map(post).joined() + post(linked) + prose.suffix(3).map(post).joined())
        XCTAssertTrue(try clean(thread, builtin: true).text.contains("http://example.org/title-generator"))
        let byline = "<div class='reply-item'><a href='/'>Daily Courier</a> October 06, 2018</div>"
        let story = page(article: prose.prefix(3).map(post).joined() + byline + prose.suffix(3).map(post).joined())
        XCTAssertFalse(try clean(story, builtin: true).text.contains("Daily Courier"))
    }

    /// A block of sentences that cite their sources in links (a quarter of its text) stays
    /// after the article, where Readability's 0.2 would drop it: it has a few hundred characters
    /// of its own outside the links. Teasers with the same share of links and short blurbs go.
    func testProseThatCitesItsSourcesStaysButTeasersGo() throws {
        let cited = """
            <div class="nachtrag"><p>Der Bericht des <a href="/b1">Landesrechnungshofes über die Pflege</a> lag den Abgeordneten schon im März vor und wurde doch von keinem gelesen. \
            Die Prüfer hatten mehr Geld für <a href="/b2">die Kliniken auf dem Land</a> verlangt und Pflegekräfte, die allein arbeiten können. \
            Ein Jahr später waren die <a href="/b3">Wartelisten in den Kliniken im Norden</a> doppelt so lang wie in den Städten und wuchsen weiter.</p>\
            <p>Der Rechnungshof schrieb im Herbst noch einmal und im <a href="/b4">folgenden Frühjahr an den Ausschuss</a> wieder, ohne jede Antwort. \
            Erst die <a href="/b5">Lokalzeitung im Kreis</a> druckte die Briefe vollständig ab, als die Prüfer aufgaben und sie der Redaktion schickten. \
            Seitdem fragen die Leser in <a href="/b6">Briefen an die Redaktion</a> jede Woche, wer die Berichte im Landtag eigentlich liest.</p></div>
            """
        let text = try clean(page(article: prose.map { "<p>\($0)</p>" }.joined() + cited), builtin: true).text
        XCTAssertTrue(text.contains("wer die Berichte im Landtag eigentlich liest."), text)
        let teasers = """
            <div class="weiter"><p><a href="/t1">Neue Regeln für die Pflege im Land</a> Was sich im kommenden Jahr für Patienten und Angehörige ändert, steht im Entwurf.</p>\
            <p><a href="/t2">Streit um die Kliniken im Norden</a> Der Landtag berät in der nächsten Woche über die Zukunft der kleinen Häuser.</p></div>
            """
        let withTeasers = try clean(page(article: prose.map { "<p>\($0)</p>" }.joined() + teasers), builtin: true).text
        XCTAssertEqual(withTeasers, prose.joined(separator: "\n\n"))
    }

    /// A paragraph written without its `<p>`, in a `<font>` beside the article's block, joins
    /// the article as a `<p>` would; a short dateline in a `<span>` beside it does not.
    func testAParagraphInAnInlineElementBesideTheArticleJoinsIt() throws {
        let html = """
            <html><head><title>Story title</title></head><body>
            <div id="menu"><ul><li><a href="/a">Home</a></li><li><a href="/b">World</a></li></ul></div>
            <font face="Arial">Vorab ein Wort zur Entstehung: Dieser Text erschien zuerst in einer Fachzeitschrift und wurde für das Netz gekürzt.</font>
            <span class="datum">12.03.2024 · Lesezeit 4 Minuten</span>
            <div class="main"><h1>Story title</h1>\(prose.map { "<p>\($0)</p>" }.joined())</div>
            </body></html>
            """
        let text = try clean(html, builtin: true).text
        XCTAssertEqual(text, (["Vorab ein Wort zur Entstehung: Dieser Text erschien zuerst in einer Fachzeitschrift und wurde für das Netz gekürzt."] + prose).joined(separator: "\n\n"))
    }

    func testDataTablesStayWhateverTheirLinks() throws {
        let table = "<table><tr><th>Team</th><th>Points</th></tr><tr><td><a href='/t1'>North</a></td><td>12</td></tr><tr><td><a href='/t2'>South</a></td><td>9</td></tr></table>"
        let html = page(article: prose.map { "<p>\($0)</p>" }.joined() + table)
        XCTAssertTrue(try clean(html, builtin: true).text.hasSuffix("Team | Points\n\nNorth | 12\n\nSouth | 9"))
    }

    /// Related posts written out in full, in an `<article class="hentry">` like the story's own,
    /// are told apart only by their heading's class: the block goes, in any language.
    func testABlockLedByARelatedPostsHeadingGoes() throws {
        let others = (1...6).map { index in
            "<article class='post hentry'><h2><a href='/p\(index)'>Otra historia \(index)</a></h2><p>\(prose[index - 1]) Más texto, con comas, y frases largas.</p><p>\(prose[(index) % 6])</p></article>"
        }.joined()
        let html = """
            <html><body><div id="primary"><article class="post hentry"><h1>Story title</h1>\(prose.map { "<p>\($0)</p>" }.joined())</article>
            <article class="post hentry"><h3 class="relatedpoststitle">Você pode gostar</h3>\(others)</article></div></body></html>
            """
        let text = try clean(html, builtin: true).text
        XCTAssertEqual(text, prose.joined(separator: "\n\n"))
        // The same block led by a plain heading is not judged by this rule.
        let plain = html.replacingOccurrences(of: " class=\"relatedpoststitle\"", with: "")
        XCTAssertTrue(try clean(plain, builtin: true).text.contains("Otra historia"))
    }

    /// In a layout table the article's cell sits beside cells of links: those cells go, while
    /// the cells of a table of data stay whatever their links.
    func testLinkColumnsOfALayoutTableGo() throws {
        let menu = (1...5).map { "<a href='/t\($0)'>Topic number \($0)</a><br>" }.joined()
        let html = """
            <html><body><table><tr><td class="nav">\(menu)</td><td>\(prose.prefix(3).map { "<p>\($0)</p>" }.joined())</td></tr>
            <tr><td></td><td>\(prose.suffix(3).map { "<p>\($0)</p>" }.joined())</td></tr></table></body></html>
            """
        let text = try clean(html, builtin: true).text
        XCTAssertFalse(text.contains("Topic number"), text)
        XCTAssertTrue(text.contains(prose[0]) && text.contains(prose[5]), text)
        let data = "<table>" + (1...12).map { "<tr><td><a href='/r\($0)'>Result \($0)</a></td><td><a href='/s\($0)'>Source</a></td></tr>" }.joined() + "</table>"
        let withData = try clean(page(article: prose.map { "<p>\($0)</p>" }.joined() + data), builtin: true).text
        XCTAssertTrue(withData.contains("Result 12"), withData)
    }

    /// An old page set in a table: the intro sits in the row above the article's cell, and the
    /// next letter in the row below. Both join it; the menu row above and a short credit row
    /// below, which hold no prose or little of it, do not.
    func testTheArticlesOtherRowsOfALayoutTableJoinIt() throws {
        let menu = (1...5).map { "<a href='/t\($0)'>Topic number \($0)</a><br>" }.joined()
        let intro = "The spring issue carried an essay on the prose poem, and it drew several letters, two of which are printed below."
        let second = (1...3).map { "Letter two, part \($0), answers the essay with its own examples, dates, and names, from twenty years of reading." }
        let credit = "Both letters are printed with the permission of their writers, who keep the rights to them."
        let cell = { (text: String) in "<tr><td>&nbsp;</td><td>\(text)</td></tr>" }
        let html = "<html><body><table><tr><td class='nav'>\(menu)</td><td><h1>The Journal</h1></td></tr>"
            + cell("<p>\(intro)</p>")
            + cell("<p><em>from the first writer</em></p><blockquote>" + (prose + prose).map { "<p>\($0)</p>" }.joined() + "</blockquote>")
            + cell("<blockquote>" + second.map { "<p>\($0)</p>" }.joined() + "</blockquote>")
            + cell("<p>\(credit)</p>")
            + "</table></body></html>"
        let text = try clean(html, builtin: true).text
        XCTAssertTrue(text.hasPrefix(intro), text)
        XCTAssertTrue(text.contains((prose + prose).joined(separator: "\n\n") + "\n\n" + second.joined(separator: "\n\n")), text)
        XCTAssertFalse(text.contains("Topic number"), text)
        XCTAssertFalse(text.contains(credit), text)
    }

    /// Teaser cards whose link is an empty `<a>` stretched over the card by the style sheet have
    /// no link text, yet their headline and blurb are what the link stands for: they go as a list
    /// of links would. A block of the article's prose with an empty icon link in it stays.
    func testTeaserCardsWithAnEmptyOverlayLinkGo() throws {
        let card = { (index: Int) in
            "<div class='rail-item'><a href='/s\(index)'><img src='/s\(index).jpg'></a><div class='rail-item-content'><h3>KICKER \(index)</h3>"
                + "<span>Headline of another story, number \(index), with a comma</span></div><a href='/s\(index)' class='rail-item-anchor'></a></div>"
        }
        let paragraphs = { (lines: ArraySlice<String>) in lines.map { "<p>\($0)</p>" }.joined() }
        let rail = "<div class='rail'>" + (1...3).map(card).joined() + "</div>"
        let text = try clean(page(article: paragraphs(prose.prefix(3)) + rail + paragraphs(prose.suffix(3))), builtin: true).text
        XCTAssertEqual(text, prose.joined(separator: "\n\n"))
        let note = "<div class='note'>" + prose.prefix(3).joined(separator: " ") + " <a href='/share' class='icon-share'></a></div>"
        let withNote = try clean(page(article: paragraphs(prose.prefix(3)) + note + paragraphs(prose.suffix(3))), builtin: true).text
        XCTAssertTrue(withNote.contains(prose.prefix(3).joined(separator: " ")), withNote)
    }

    /// A heading whose section the extraction left out (a list of links under it) heads nothing
    /// and goes with it; a heading over kept text stays.
    func testAHeadingOverARemovedSectionGoes() throws {
        let links = "<ul>" + (1...5).map { "<li><a href='/s\($0)'>Another story number \($0) worth a click</a></li>" }.joined() + "</ul>"
        let article = prose.prefix(3).map { "<p>\($0)</p>" }.joined() + "<h3>Second part</h3>" + prose.suffix(3).map { "<p>\($0)</p>" }.joined()
        let text = try clean(page(article: article + "<h3>Lesen Sie auch</h3>" + links), builtin: true).text
        XCTAssertFalse(text.contains("Lesen Sie auch"), text)
        XCTAssertTrue(text.contains("Second part\n\n" + prose[3]), text)
        // A heading left last, its section outside the article, goes; a last heading that is a sentence stays.
        let trailing = try clean(page(article: article + "<h3>Weitere Informationen:</h3>"), builtin: true).text
        XCTAssertTrue(trailing.hasSuffix(prose[5]), trailing)
        let sentence = try clean(page(article: article + "<h3>All items may be returned within a month!</h3>"), builtin: true).text
        XCTAssertTrue(sentence.hasSuffix("All items may be returned within a month!"), sentence)
    }

    /// A post embedded in the article (a `<blockquote>` in a "social-media-embed" box, with its
    /// links) is quoted text of the article: neither its box's class nor its links make it a widget.
    func testAnEmbeddedPostIsQuotedText() throws {
        let embed = "<div class='social-media-embed'><blockquote class='embedded-post'><p>Yes this is real and the state spent half a million on it: <a href='https://t.example/x'>https://t.example/x</a></p>— A Reader (@reader) <a href='https://example.com/status/1'>November 18, 2019</a></blockquote></div>"
        let html = page(article: prose.prefix(3).map { "<p>\($0)</p>" }.joined() + embed + prose.suffix(3).map { "<p>\($0)</p>" }.joined())
        let text = try clean(html, builtin: true).text
        XCTAssertTrue(text.contains("Yes this is real and the state spent half a million on it"), text)
        // The same box with a share bar in it, not a quotation, still goes.
        let bar = "<div class='social-media-embed'><ul><li><a href='/s'>Share on a network</a></li><li><a href='/t'>Share by mail</a></li></ul></div>"
        let withBar = try clean(page(article: prose.prefix(3).map { "<p>\($0)</p>" }.joined() + bar + prose.suffix(3).map { "<p>\($0)</p>" }.joined()), builtin: true).text
        XCTAssertFalse(withBar.contains("Share on a network"), withBar)
    }

    /// A paragraph that is a list of links to other posts goes; a sentence with links stays.
    func testAParagraphOfLinksGoes() throws {
        let seeAlso = "<p>Siehe auch<br><a href='/a'>Die erste andere Geschichte mit langem Titel</a><br><a href='/b'>Noch eine Geschichte</a><br><a href='/c'>Und eine dritte Geschichte</a></p>"
        let linked = "<p>The <a href='/r'>report</a> and the <a href='/d'>data behind it</a> are online, with a summary for readers.</p>"
        let text = try clean(page(article: prose.map { "<p>\($0)</p>" }.joined() + linked + seeAlso), builtin: true).text
        XCTAssertFalse(text.contains("Noch eine Geschichte"), text)
        XCTAssertTrue(text.contains("are online, with a summary for readers."), text)
    }

    /// A reference linked whole (one link around a sentence of clauses) is not a paragraph of
    /// links; tags joined by commas, a link each, still are.
    func testALinkedReferenceStaysButACommaSeparatedTagListGoes() throws {
        let reference = "<p><a href='/doi/1'>[9] G. Nowak, S. Krukowski, I. Grzegory, S. Porowski, J. M. Baranowski, MRS Internet J. Nitride Semicond. Res. 1, 5 (1996).</a></p>"
        let tags = "<p><a href='/t/1'>Landespolitik</a>, <a href='/t/2'>Gesundheitswesen</a>, <a href='/t/3'>Krankenhäuser</a>, <a href='/t/4'>Pflegeberufe</a>, <a href='/t/5'>Landeshaushalt</a>, <a href='/t/6'>Rechnungshof</a></p>"
        let text = try clean(page(article: prose.map { "<p>\($0)</p>" }.joined() + reference + tags), builtin: true).text
        XCTAssertTrue(text.contains("[9] G. Nowak, S. Krukowski"), text)
        XCTAssertFalse(text.contains("Landespolitik"), text)
    }

    /// Readability picks the densest block; when the page's prose is spread over many posts, the
    /// extraction widens to the element that holds them all.
    func testAThreadOfPostsIsKeptWhole() throws {
        let posts = (1...6).map { index in
            "<div class='post'><div class='author'>user\(index)</div><div class='body'><p>\(prose[index - 1])</p></div></div>"
        }.joined()
        let html = "<html><body><div id='thread'>\(posts)</div></body></html>"
        let text = try clean(html, builtin: true).text
        for paragraph in prose { XCTAssertTrue(text.contains(paragraph), "missing: \(paragraph)") }
    }

    func testAnUnclosedLinkOverThePageIsNotLinkText() throws {
        let html = "<html><body><a href='/x'><table><tr><td>" + prose.map { "<p>\($0)</p>" }.joined() + "</td></tr></table></body></html>"
        XCTAssertEqual(try clean(html, builtin: true).text, prose.joined(separator: "\n\n"))
    }

    /// A `<div>` opened inside `<noscript>` and never closed makes libxml2 nest the rest of the
    /// page in the `<noscript>`: the page is read all the same.
    func testAPageNestedInAnUnclosedNoscriptIsRead() throws {
        let html = "<html><body><noscript><div id='layout'></noscript><div class='main'>" + prose.map { "<p>\($0)</p>" }.joined() + "</div></body></html>"
        XCTAssertEqual(try clean(html, builtin: true).text, prose.joined(separator: "\n\n"))
    }

    /// A MathML formula is part of its sentence; the TeX annotation that repeats it for machines
    /// is not text.
    func testAFormulaStaysButItsAnnotationGoes() throws {
        let formula = "<p>Für jedes a gilt <math><semantics><mrow><mi>a</mi><mo>+</mo><mn>0</mn><mo>=</mo><mi>a</mi></mrow>"
            + "<annotation encoding='application/x-tex'>a + 0 = a \\quad</annotation></semantics></math>, und das ist alles, was man hier wissen muss.</p>"
        let text = try clean(page(article: prose.map { "<p>\($0)</p>" }.joined() + formula), builtin: true).text
        XCTAssertTrue(text.contains("Für jedes a gilt a+0=a, und das ist alles"), text)
        XCTAssertFalse(text.contains("quad"), text)
    }

    func testANoscriptFallbackStaysOut() throws {
        let html = page(article: prose.map { "<p>\($0)</p>" }.joined() + "<noscript><p>This page needs a browser that runs scripts to show its comments.</p></noscript>")
        XCTAssertEqual(try clean(html, builtin: true).text, prose.joined(separator: "\n\n"))
    }

    /// A directory of link blocks is all boilerplate by the numbers; an empty answer would be worse
    /// than its text.
    func testAPageOfLinkBlocksIsNotEmptied() throws {
        let blocks = (1...8).map { index in
            "<div><a href='/site\(index)'>Listed site number \(index)</a><br>What this listed site offers to its visitors, in brief.<br><a href='/site\(index)'>www.site\(index).example</a></div>"
        }.joined()
        let html = "<html><body><table><tr><td>\(blocks)</td></tr></table></body></html>"
        let text = try clean(html, builtin: true).text
        for index in 1...8 { XCTAssertTrue(text.contains("Listed site number \(index)\nWhat this listed site offers"), text) }
    }

    /// A blog page with several posts, each beside its date in a table row: the densest post is
    /// not the whole article.
    func testTheOtherPostsOfABlogPageAreKept() throws {
        func post(_ paragraphs: ArraySlice<String>, date: String) -> String {
            "<table><tr><td class='date'>\(date)</td><td>" + paragraphs.map { "<p>\($0)</p>" }.joined() + "</td></tr></table>"
        }
        let html = "<html><body><div id='menu'><a href='/'>Home</a> <a href='/archive'>Archive</a></div><div>"
            + post(prose[0..<4], date: "May 3") + post(prose[4..<5], date: "May 2") + post(prose[5..<6], date: "May 1")
            + "</div></body></html>"
        let text = try clean(html, builtin: true).text
        for paragraph in prose { XCTAssertTrue(text.contains(paragraph), "missing: \(paragraph)") }
    }

    /// Headlines with their summaries beside an article are teasers, not more of the article.
    func testATeaserListBesideTheArticleIsNotTakenIn() throws {
        let teasers = (1...4).map { index in
            "<div class='item'><h3><a href='/other\(index)'>Headline of another story, number \(index)</a></h3><p>The summary of that other story, with a comma, in one line.</p></div>"
        }.joined()
        let html = "<html><body><div class='story'>" + prose.map { "<p>\($0)</p>" }.joined() + "</div><div class='more'>\(teasers)</div></body></html>"
        XCTAssertEqual(try clean(html, builtin: true).text, prose.joined(separator: "\n\n"))
    }

    /// An intro before the article (a welcome, a deck, a verdict box) scores too little to join
    /// it by Readability's sibling threshold, but it is prose: it joins. Prose after the article
    /// (an author box, a comment policy) and a block whose class marks it as chrome do not.
    func testProseBeforeTheArticleJoinsIt() throws {
        let intro = "I am the author of this page, a lawyer for software and the internet, and I am glad to meet you here today."
        let promo = "Our newsletter brings the best stories of the week to you, every Friday morning, free of charge, in one mail."
        let about = "The author writes about law and software, and has done so for twenty years, in books and on this page."
        let html = "<html><body><div id='menu'><a href='/'>Home</a> <a href='/about'>About</a></div>"
            + "<div class='promo'><div><p>\(promo)</p></div></div>"
            + "<div class='row'><div class='col'><p>\(intro)</p></div></div>"
            + "<div class='story'>" + (prose + prose).map { "<p>\($0)</p>" }.joined() + "</div>"
            + "<div class='row'><div class='col'><p>\(about)</p></div></div>"
            + "</body></html>"
        XCTAssertEqual(try clean(html, builtin: true).text, ([intro] + prose + prose).joined(separator: "\n\n"))
    }

    /// The author's box under a post (a photo, a name, a biography) is not the article's text,
    /// whatever prose the biography has.
    func testTheAuthorBoxUnderAPostGoes() throws {
        let bio = "Jane writes about gardens and the people who keep them, and has done so for twenty years, in three books."
        let html = "<html><body><div class='story'>" + prose.map { "<p>\($0)</p>" }.joined()
            + "<div class='author-bio'><img src='jane.jpg'><h3>About Jane</h3><p>\(bio)</p></div></div></body></html>"
        XCTAssertEqual(try clean(html, builtin: true).text, prose.joined(separator: "\n\n"))
    }

    /// A picture's caption in a block named "legend" (the caption's name in French, German,
    /// Spanish) goes, as figure captions do, however long its sentences are.
    func testACaptionNamedLegendGoes() throws {
        let caption = "The old chestnut grove, grazed for centuries, in spring: the trees are gnarled, and the grass is short."
        let html = "<html><body><div class='story'>" + prose[0..<3].map { "<p>\($0)</p>" }.joined()
            + "<div class='images'><img src='grove.jpg'><div class='legend'><div class='content'>\(caption)</div></div></div>"
            + prose[3...].map { "<p>\($0)</p>" }.joined() + "</div></body></html>"
        XCTAssertEqual(try clean(html, builtin: true).text, prose.joined(separator: "\n\n"))
    }

    /// A blog template's post footer ("This entry was posted in ...") goes, though its class
    /// names the entry as well as the footer.
    func testAPostsEntryFooterGoes() throws {
        let footer = "This entry was posted in <a href='/news'>News</a> on a Sunday morning, after a long week, by the editor of this blog."
        let html = "<html><body><div class='post hentry'>" + prose.map { "<p>\($0)</p>" }.joined()
            + "<div class='entry-utility'>\(footer)</div></div></body></html>"
        XCTAssertEqual(try clean(html, builtin: true).text, prose.joined(separator: "\n\n"))
    }

    /// A control by its role ("Show picture" on a `<div role="button">`) is no more text than a
    /// `<button>`: its label goes, in any language.
    func testALabelOfAnElementWithTheButtonRoleGoes() throws {
        let steps = prose.map { "<div class='step'><p>\($0)</p><div role='button'><span>Bild anzeigen</span></div></div>" }.joined()
        let html = "<html><body><div class='recipe'>" + steps + "</div></body></html>"
        XCTAssertEqual(try clean(html, builtin: true).text, prose.joined(separator: "\n\n"))
    }

    private func pageWithComments(commentsFirst: Bool = false) -> String {
        let comments = """
            <div id="comments"><h3>2 Responses</h3><ol class="commentlist">
            <li class="comment"><div class="comment-author">Ann</div><p>A reader's comment that agrees with the story, and adds a detail of her own.</p></li>
            <li class="comment"><div class="comment-author">Bob</div><p>Another reader's comment that disagrees, politely, with the second point.</p></li>
            </ol><form id="commentform"><p>Leave a reply</p><input name="author"><input name="email"><textarea name="comment"></textarea><input type="submit"></form></div>
            """
        let article = "<div class='entry'>" + prose.map { "<p>\($0)</p>" }.joined() + "</div>"
        return "<html><body><div class='post'>" + (commentsFirst ? comments + article : article + comments) + "</div></body></html>"
    }

    func testCommentsAreRemovedByDefault() throws {
        XCTAssertEqual(try clean(pageWithComments(), builtin: true).text, prose.joined(separator: "\n\n"))
    }

    func testCommentsOptionKeepsCommentsAfterTheArticle() throws {
        let expected = prose.joined(separator: "\n\n")
            + "\n\n2 Responses\n\nAnn\n\nA reader's comment that agrees with the story, and adds a detail of her own."
            + "\n\nBob\n\nAnother reader's comment that disagrees, politely, with the second point."
        for commentsFirst in [false, true] {
            let text = try clean(pageWithComments(commentsFirst: commentsFirst), builtin: true, options: CleanOptions(comments: true)).text
            XCTAssertEqual(text, expected, "comments first in the page: \(commentsFirst)")
        }
    }

    /// A comment template's "NAME says:" headers would let the built-in comment-list rule cut the
    /// comments the extraction kept; with `comments` that rule is off.
    func testCommentsOptionKeepsCommentsUnderSaysHeaders() throws {
        let names = ["Ann Lee", "Bob Marsh", "Carla Diaz"]
        let items = names.map { "<li class='comment'><p class='author'>\($0) Says:</p><p>A reader's comment by \($0), with a view of her own on the second point of the story.</p></li>" }
        let html = "<html><body><div class='post'><div class='entry'>" + prose.map { "<p>\($0)</p>" }.joined()
            + "</div><div id='comments'><ol class='commentlist'>" + items.joined() + "</ol></div></div></body></html>"
        let expected = prose.joined(separator: "\n\n") + names.map {
            "\n\n\($0) Says:\n\nA reader's comment by \($0), with a view of her own on the second point of the story."
        }.joined()
        XCTAssertEqual(try clean(html, builtin: true, options: CleanOptions(comments: true)).text, expected)
        XCTAssertEqual(try clean(html, builtin: true).text, prose.joined(separator: "\n\n"))
    }

    /// A short post that opens a discussion under dozens of replies: the replies are what the page
    /// says, kept after the post without `--comments` (the "NAME sagt:" headers too, which the
    /// comment-list line rule would otherwise cut). The same replies under a full article go.
    func testCommentsThatDwarfTheirPostAreThePagesContent() throws {
        let post = "Eine kurze Frage an die Leser, mit einem Komma: wie haltet ihr es damit?"
        let names = (1...30).map { "Leser \($0)" }
        let replies = names.map { "Eine Antwort von \($0), mit einer eigenen Sicht auf die Frage und einem Beispiel dazu." }
        let items = zip(names, replies).map { "<li class='comment'><p class='author'>\($0) sagt:</p><p>\($1)</p></li>" }
        let thread = "</div><div id='comments'><ol class='commentlist'>" + items.joined() + "</ol></div></div></body></html>"
        let discussion = "<html><body><div class='post'><div class='entry'><p>\(post)</p>" + thread
        let expected = post + zip(names, replies).map { "\n\n\($0) sagt:\n\n\($1)" }.joined()
        XCTAssertEqual(try clean(discussion, builtin: true).text, expected)
        // Under a long article, the same thread is a comment section.
        let article = (1...12).flatMap { _ in prose }.map { "<p>\($0)</p>" }.joined()
        let commented = "<html><body><div class='post'><div class='entry'>" + article + thread
        XCTAssertEqual(try clean(commented, builtin: true).text, (1...12).flatMap { _ in prose }.joined(separator: "\n\n"))
    }

    /// `<a name>` is a place in the page, not a link: left unclosed, libxml2 nests the article in
    /// it, and its text must not count as link text.
    func testAnUnclosedNamedAnchorOverTheArticleIsNotALink() throws {
        let side = "<div class='side'><p>A note beside the page, with a comma, long enough to count as a paragraph.</p><p>Another note beside the page, with a comma, long enough to count too.</p></div>"
        let html = "<html><body>\(side)<div class='page'><a name='intro'><h2>Introduction</h2>" + prose.map { "<p>\($0)</p>" }.joined() + "</div></body></html>"
        let text = try clean(html, builtin: true).text
        for paragraph in prose { XCTAssertTrue(text.contains(paragraph), "missing: \(paragraph)") }
    }

    func testExplainNamesTheHeuristicThatRemovedABlock() throws {
        let related = "<ul>" + (1...5).map { "<li><a href='/s\($0)'>Another story number \($0)</a></li>" }.joined() + "</ul>"
        let html = page(article: prose.map { "<p>\($0)</p>" }.joined() + related)
        let result = try clean(html, builtin: true, options: CleanOptions(explain: true))
        let removed = result.document.removedElements.filter { $0.text.contains("Another story number 1") }
        XCTAssertEqual(removed.first?.reason.description.hasPrefix("link density"), true, "\(result.document.removedElements)")
    }

    /// `--explain` lists the extraction's removals in page order, the same on every run, and a
    /// removal inside a removed element not a second time.
    func testExplainListsRemovalsOnceInPageOrder() throws {
        let lists = (1...6).map { list in
            "<ul class='links'>" + (1...4).map { "<li><a href='/l\(list)/\($0)'>Link \($0) of list \(list)</a></li>" }.joined() + "</ul>"
        }
        let html = page(article: prose.map { "<p>\($0)</p>" }.joined() + "<div class='more'>" + lists.joined() + "</div>")
        let result = try clean(html, builtin: true, options: CleanOptions(explain: true))
        let texts = result.document.removedElements.map(\.text).filter { $0.contains("of list") }
        XCTAssertFalse(texts.isEmpty, "\(result.document.removedElements)")
        var seen = Set<String>()
        for text in texts { XCTAssertTrue(seen.insert(text).inserted, "listed twice: \(text)") }
        let firsts = texts.compactMap { text in (1...6).first { text.contains("Link 1 of list \($0)") } }
        XCTAssertEqual(firsts, firsts.sorted(), "\(texts)")
    }

    func testStripClassMatchesWholeClassWordsOnly() throws {
        let rules = ["site.test": "body: //body\nstrip_class(caption): wp-caption\n"]
        let html = "<html><body><div class='wp-caption'>A caption</div><div class='has-wp-caption-inside'><p>Kept text.</p></div></body></html>"
        XCTAssertEqual(try clean(html, rules: rules, options: CleanOptions(url: "site.test")).text, "Kept text.")
    }

    func testDropDuplicatesKeepsTheFirstCopy() throws {
        let rules = ["global": "drop_duplicates(other): yes\n"]
        let input = "A caption with five or more words.\n\nText.\n\nA caption with five or more words.\n\nShort line\n\nShort line"
        XCTAssertEqual(try clean(input, rules: rules).text, "A caption with five or more words.\n\nText.\n\nShort line\n\nShort line")
    }

    /// A flat page whose top candidate is one `<p>` of lines: its sibling paragraphs join one by one,
    /// and the headings and short plain lines between them are the article's; a heading whose class
    /// names a widget is not.
    func testHeadingsBetweenSiblingParagraphsStay() throws {
        let lines = (1...6).map { "Line \($0): member of the board, the council, the panel, and the working group on open data" }
        let long = "A paragraph beside the lines, long enough to join the article as a sibling, with words and no links."
        func html(middle: String) -> String {
            """
            <html><head><title>Profile</title></head><body>
            <div id="menu"><a href="/">Home</a> | <a href="/staff">Staff</a></div>
            <div id="col"><p>\(long)</p>\(middle)<p>\(lines.joined(separator: "<br>"))</p></div>
            </body></html>
            """
        }
        let kept = try clean(html(middle: "<h3>Committees</h3><p>Since 2020:</p>"), builtin: true).text
        XCTAssertEqual(kept, long + "\n\nCommittees\n\nSince 2020:\n\n" + lines.joined(separator: "\n"))
        let widget = try clean(html(middle: "<h3 class='widget-title'>Committees</h3>"), builtin: true).text
        XCTAssertFalse(widget.contains("Committees"), widget)
    }
}
