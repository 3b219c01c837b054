import XCTest

@testable import Cleaner

/// `--format json` and `--format markdown`: trafilatura's JSON fields filled from a page's meta
/// tags and JSON-LD, and Markdown from the page's structure; the plain text stays what it was.
final class OutputFormatTests: XCTestCase {
    /// A news page as publishers write them: Open Graph, a JSON-LD graph with an organisation
    /// before the article, a canonical link, navigation and a footer around the article.
    static let page = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <title>Tide tables explained | Coastal Notes</title>
        <meta charset="utf-8">
        <meta name="description" content="How to read a tide table before a walk on the flats.">
        <meta property="og:site_name" content="Coastal Notes">
        <meta property="og:type" content="article">
        <meta property="og:image" content="https://coastal.example/img/tides.jpg">
        <meta property="article:section" content="Outdoors">
        <meta property="article:tag" content="tides">
        <meta property="article:tag" content="safety">
        <link rel="canonical" href="https://www.coastal.example/guides/tide-tables">
        <script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[
         {"@type":"Organization","name":"Coastal Notes Ltd","logo":{"@type":"ImageObject","url":"https://coastal.example/logo.png"}},
         {"@type":"NewsArticle","headline":"Tide tables explained","datePublished":"2023-06-04T08:30:00+01:00","dateModified":"2023-06-10T10:00:00+01:00",
          "author":[{"@type":"Person","name":"Ann Shore"},{"@type":"Person","name":"Bob Reef"}],
          "publisher":{"@type":"Organization","name":"Coastal Notes"}}]}
        </script>
        </head>
        <body>
        <nav><a href="/">Home</a> <a href="/guides">Guides</a></nav>
        <article>
        <h1>Tide tables explained</h1>
        <p>A tide table gives the <em>time</em> and <strong>height</strong> of each high and low water at one port. Read it <a href="/ports">for the nearest port</a> and add the local correction.</p>
        <h2>What the columns mean</h2>
        <ul>
        <li>The first column is the date.</li>
        <li>The second column is the time, in <b>local time</b>.
          <ul><li>Summer time adds one hour.</li></ul>
        </li>
        </ul>
        <ol>
        <li>Find the date.</li>
        <li>Read the height.</li>
        </ol>
        <table>
        <tr><th>Time</th><th>Height</th><th>Kind</th></tr>
        <tr><td>06:12</td><td>4.8 m</td><td>high</td></tr>
        <tr><td>12:30</td><td>0.9 m</td><td>low</td></tr>
        </table>
        <blockquote><p>Never walk out on a falling tide you have not checked.</p></blockquote>
        <pre>HW 06:12  4.8
        LW 12:30  0.9</pre>
        <p>Heights are given above chart datum, which is close to the lowest tide of the year. A height of 0.9 m at low water means there is still almost a metre of water above that level. Use <code>--port</code> in the planner to choose another port.</p>
        </article>
        <footer>© 2023 Coastal Notes</footer>
        </body>
        </html>
        """

    private func cleaned(_ html: String, markdown: Bool = false, metadata: Bool = false, article: Bool = false) throws -> CleanResult {
        var options = CleanOptions(input: .html)
        options.markdown = markdown
        options.metadata = metadata
        guard article else { return try clean(html, options: options) }
        // A site rule names the article, so that what is tested is the Markdown, not what extraction keeps.
        options.url = "https://site.test/a"
        return try clean(html, rules: ["site.test": "body: //article\n"], options: options)
    }

    func testJSONHasTrafilaturasFieldsInItsOrder() throws {
        let json = DocumentJSON.object(for: try cleaned(Self.page, metadata: true))
        let object = try JSONParser.parse(Array(json.utf8))
        guard case .object(let members) = object else { return XCTFail("not an object: \(json)") }
        XCTAssertEqual(members.map(\.key), [
            "title", "author", "hostname", "date", "fingerprint", "id", "license", "comments", "text", "language", "image",
            "pagetype", "filedate", "source", "source-hostname", "excerpt", "categories", "tags", "url", "sitename",
            "description", "site", "input",
        ])
        XCTAssertEqual(object["title"]?.string, "Tide tables explained")
        XCTAssertEqual(object["author"]?.string, "Ann Shore; Bob Reef", "JSON-LD authors, joined as trafilatura joins them")
        XCTAssertEqual(object["hostname"]?.string, "coastal.example", "the canonical address's host without www.")
        XCTAssertEqual(object["date"]?.string, "2023-06-04", "datePublished, as the date it was written on")
        XCTAssertEqual(object["source"]?.string, "https://www.coastal.example/guides/tide-tables")
        XCTAssertEqual(object["source-hostname"]?.string, "Coastal Notes")
        XCTAssertEqual(object["sitename"]?.string, "Coastal Notes")
        XCTAssertEqual(object["excerpt"]?.string, "How to read a tide table before a walk on the flats.")
        XCTAssertEqual(object["categories"]?.string, "Outdoors")
        XCTAssertEqual(object["tags"]?.string, "tides;safety")
        XCTAssertEqual(object["image"]?.string, "https://coastal.example/img/tides.jpg")
        XCTAssertEqual(object["pagetype"]?.string, "article")
        XCTAssertEqual(object["language"]?.string, "en")
        XCTAssertEqual(object["fingerprint"]?.string, ContentFingerprint.of(title: "Tide tables explained", text: object["text"]?.string ?? ""))
        XCTAssertEqual(object["license"], .null)
        XCTAssertEqual(object["input"]?.string, "html")
        let text = object["text"]?.string ?? ""
        XCTAssertTrue(text.hasPrefix("A tide table gives the time and height"), text)
        XCTAssertFalse(text.contains("Home") || text.contains("© 2023"), text)
    }

    func testJSONLDFillsWhatMetaTagsLack() throws {
        let html = """
            <html><head><script type="application/ld+json"><!--
            {"@context":"https://schema.org","@type":["BlogPosting"],"headline":"Kr&amp;uuml;ge und Becher",
             "author":{"@type":"Person","name":"Jo Brenner"},"datePublished":"2021-11-03",
             "publisher":{"@type":"Organization","name":"Töpferblog"},"inLanguage":"de-DE","keywords":["Ton","Glasur"]}
            --></script></head><body><div><p>Der Ton wird zuerst gewalkt, damit keine Luft im Klumpen bleibt, und dann auf der Scheibe zentriert.</p></div></body></html>
            """
        let fields = DocumentFields(try cleaned(html, metadata: true))
        XCTAssertEqual(fields.title, "Kr&uuml;ge und Becher", "the headline when the page has no title of its own; one level of escaping undone")
        XCTAssertEqual(fields.author, "Jo Brenner")
        XCTAssertEqual(fields.date, "2021-11-03")
        XCTAssertEqual(fields.sitename, "Töpferblog")
        XCTAssertEqual(fields.tags, ["Ton", "Glasur"])
        XCTAssertEqual(fields.language, "de")
        XCTAssertNil(fields.hostname, "no address, no host")
    }

    func testTextScrapeFieldsComeFromWhatIsKnown() throws {
        var options = CleanOptions(input: .text, url: "https://www2.example.org/news/1")
        options.metadata = true
        let result = try clean("Harbour reopens after storm repairs\n\nThe harbour reopened on Monday after three weeks of repairs to the outer wall, and the first ferries sailed on time.\n", options: options)
        let fields = DocumentFields(result)
        XCTAssertEqual(fields.url, "https://www2.example.org/news/1")
        XCTAssertEqual(fields.hostname, "example.org")
        XCTAssertEqual(fields.sitename, "example.org", "no site name on a text scrape: the host, as trafilatura falls back to")
        XCTAssertEqual(fields.title, "Harbour reopens after storm repairs", "a headline-like first block")
        XCTAssertEqual(fields.language, "en")
        XCTAssertEqual(MarkdownWriter.markdown(of: result), "# Harbour reopens after storm repairs\n\nThe harbour reopened on Monday after three weeks of repairs to the outer wall, and the first ferries sailed on time.")
        for bar in ["SIGN UP FOR OUR NEWSLETTER TODAY", "Share via Email", "Posted on March 30, 2015 by Admin", "Home » Archives » May 2001 issue", "By Ann Shore, Harbour Reporter"] {
            let scrape = try clean(bar + "\n\nThe harbour reopened on Monday after three weeks of repairs to the outer wall, and the first ferries sailed on time.\n", options: options)
            XCTAssertNil(DocumentFields(scrape).title, "\(bar) is not a headline")
        }
    }

    func testMarkdownKeepsTheStructure() throws {
        let markdown = MarkdownWriter.markdown(of: try cleaned(Self.page, markdown: true))
        XCTAssertEqual(markdown, """
            A tide table gives the *time* and **height** of each high and low water at one port. Read it for the nearest port and add the local correction.

            ## What the columns mean

            - The first column is the date.
            - The second column is the time, in **local time**.
              - Summer time adds one hour.

            1. Find the date.
            2. Read the height.

            | Time | Height | Kind |
            | --- | --- | --- |
            | 06:12 | 4.8 m | high |
            | 12:30 | 0.9 m | low |

            > Never walk out on a falling tide you have not checked.

            ```
            HW 06:12  4.8
            LW 12:30  0.9
            ```

            Heights are given above chart datum, which is close to the lowest tide of the year. A height of 0.9 m at low water means there is still almost a metre of water above that level. Use `--port` in the planner to choose another port.
            """)
    }

    func testMarkdownDoesNotChangeWhatIsKept() throws {
        let plain = try cleaned(Self.page)
        let marked = try cleaned(Self.page, markdown: true, metadata: true)
        XCTAssertEqual(plain.text, marked.text)
        XCTAssertNil(plain.document.blocks.first?.markup, "no markup is made when Markdown is not asked for")
    }

    /// Longer than `MarkdownWriter.maxCell`: a column of a layout table, not a table cell.
    static let layoutText = "The layout cell holds the article itself, paragraph after paragraph, as pages of the early web laid out their text in a table: one sentence follows another about the harbour, the ferries and the repairs to the outer wall, which took three weeks longer than planned. one sentence follows another about the harbour, the ferries and the repairs to the outer wall, which took three weeks longer than planned. one sentence follows another about the harbour, the ferries and the repairs to the outer wall, which took three weeks longer than planned."

    /// Empty cells (a layout table's spacers, "&nbsp;" among them) leave no separator in the text,
    /// and a row of them no line.
    func testEmptyTableCellsLeaveNoSeparatorsInTheText() throws {
        let html = """
            <html><body><article>
            <table><tr><td>&nbsp;</td><td></td></tr>
            <tr><td></td><td>Left text</td><td> </td><td>Right text</td><td>&nbsp;</td></tr>
            <tr><td><p>\(Self.layoutText)</p></td><td><p>Another paragraph.</p></td><td></td></tr></table>
            </article></body></html>
            """
        XCTAssertEqual(try cleaned(html, article: true).text, "Left text | Right text\n\n\(Self.layoutText)\n\nAnother paragraph.")
    }

    /// A data table keeps its empty cells in Markdown, so that its columns line up, but a row of
    /// empty cells goes; a layout table's empty cells leave no separators.
    func testMarkdownKeepsADataTablesColumnsAndDropsEmptyRows() throws {
        let html = """
            <html><body><article>
            <table><tr><th></th><th>2019</th><th>2020</th></tr><tr><td>North</td><td></td><td>9</td></tr>
            <tr><td>&nbsp;</td><td> </td><td></td></tr><tr><td>South</td><td>4</td><td>7</td></tr></table>
            <table><tr><td></td><td><p>\(Self.layoutText)</p></td><td>&nbsp;</td><td>Side note.</td><td></td></tr></table>
            </article></body></html>
            """
        let result = try cleaned(html, markdown: true, article: true)
        XCTAssertEqual(MarkdownWriter.markdown(of: result), """
            | | 2019 | 2020 |
            | --- | --- | --- |
            | North | | 9 |
            | South | 4 | 7 |

            \(Self.layoutText)

            Side note.
            """)
        XCTAssertEqual(result.text, "2019 | 2020\n\nNorth | 9\n\nSouth | 4 | 7\n\n\(Self.layoutText)\n\nSide note.")
    }

    func testInlineMarksHugTheirTextAndEscapesStayLiteral() throws {
        let html = """
            <html><body><article>
            <p>Stars * and <code>a*b</code> stay literal;<b> bold </b>and <i></i>empty; <b>one</b><b>two</b> merge.</p>
            <p>1. Not a list, # not a heading, <em>spans<br>two lines</em>.</p>
            <table><tr><td><p>\(Self.layoutText)</p></td><td><p>Another paragraph.</p></td></tr></table>
            <table><tr><th><p>Port</p></th><th>High water</th></tr><tr><td><p>Calais</p></td><td>06:12</td></tr></table>
            </article></body></html>
            """
        let markdown = MarkdownWriter.markdown(of: try cleaned(html, markdown: true, article: true))
        XCTAssertEqual(markdown, """
            Stars \\* and `a*b` stay literal; **bold** and empty; **onetwo** merge.

            1\\. Not a list, # not a heading, *spans*
            *two lines*.

            \(Self.layoutText)

            Another paragraph.

            | Port | High water |
            | --- | --- |
            | Calais | 06:12 |
            """, "a layout table stays paragraphs; a table whose cells hold short paragraphs is a table")
    }

    func testDates() {
        let cases: [(String, String?)] = [
            ("2019-03-29T10:00:00+01:00", "2019-03-29"),
            ("2019/03/29", "2019-03-29"),
            ("20190329", "2019-03-29"),
            ("29.03.2019", "2019-03-29"),
            ("03/29/2019", "2019-03-29"),
            ("29/03/2019", "2019-03-29"),
            ("March 29, 2019", "2019-03-29"),
            ("Fri, 29 Mar 2019 10:00:00 GMT", "2019-03-29"),
            ("29. März 2019", "2019-03-29"),
            ("le 1er avril 2020", "2020-04-01"),
            ("29 de marzo de 2019", "2019-03-29"),
            ("Published on the 3rd of June 2021 by staff", "2021-06-03"),
            ("2019-02-29", nil),
            ("1234567890", nil),
            ("yesterday", nil),
            ("", nil),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(DateNormalizer.normalize(input), expected, input)
        }
    }

    func testLanguages() {
        let texts: [(String, String)] = [
            ("en", "The council said on Tuesday that the bridge would stay closed for another week, because the engineers have not finished their work on the supports."),
            ("de", "Der Gemeinderat hat am Dienstag beschlossen, dass die Brücke noch eine Woche gesperrt bleibt, weil die Arbeiten an den Pfeilern nicht abgeschlossen sind."),
            ("fr", "Le conseil municipal a annoncé mardi que le pont resterait fermé encore une semaine, car les ingénieurs n'ont pas terminé les travaux sur les piles."),
            ("es", "El ayuntamiento anunció el martes que el puente seguirá cerrado una semana más, porque los ingenieros no han terminado los trabajos en los pilares."),
            ("it", "Il consiglio comunale ha annunciato martedì che il ponte resterà chiuso per un'altra settimana, perché gli ingegneri non hanno finito i lavori sui piloni."),
            ("pt", "A câmara anunciou na terça-feira que a ponte vai continuar fechada por mais uma semana, porque os engenheiros não terminaram as obras nos pilares."),
            ("nl", "De gemeenteraad heeft dinsdag besloten dat de brug nog een week dicht blijft, omdat de ingenieurs het werk aan de pijlers nog niet hebben afgerond."),
            ("pl", "Rada miasta poinformowała we wtorek, że most będzie zamknięty jeszcze przez tydzień, ponieważ inżynierowie nie zakończyli prac przy filarach."),
            ("sv", "Kommunen meddelade på tisdagen att bron kommer att vara stängd i ännu en vecka, eftersom ingenjörerna inte har avslutat arbetet med pelarna."),
            ("ru", "Городской совет сообщил во вторник, что мост будет закрыт ещё на неделю, так как инженеры не закончили работы на опорах."),
            ("uk", "Міська рада повідомила у вівторок, що міст буде закритий ще на тиждень, оскільки інженери не завершили роботи на опорах."),
            ("el", "Το δημοτικό συμβούλιο ανακοίνωσε την Τρίτη ότι η γέφυρα θα παραμείνει κλειστή για άλλη μία εβδομάδα."),
            ("ja", "市議会は火曜日、橋の工事が終わっていないため、さらに一週間通行止めになると発表しました。"),
            ("zh", "市议会星期二宣布，由于工程师尚未完成桥墩的工作，这座桥将继续关闭一周。"),
            ("ko", "시의회는 화요일 기술자들이 교각 작업을 마치지 못해 다리가 일주일 더 폐쇄된다고 발표했다."),
            ("ar", "أعلن المجلس البلدي يوم الثلاثاء أن الجسر سيبقى مغلقا لمدة أسبوع آخر لأن المهندسين لم ينتهوا من العمل على الدعامات."),
            ("he", "מועצת העיר הודיעה ביום שלישי כי הגשר יישאר סגור לשבוע נוסף, משום שהמהנדסים טרם סיימו את העבודה."),
            ("hi", "नगर परिषद ने मंगलवार को कहा कि पुल एक और सप्ताह के लिए बंद रहेगा क्योंकि इंजीनियरों ने खंभों पर काम पूरा नहीं किया है।"),
            ("th", "สภาเมืองประกาศเมื่อวันอังคารว่าสะพานจะปิดต่อไปอีกหนึ่งสัปดาห์เนื่องจากวิศวกรยังทำงานไม่เสร็จ"),
        ]
        for (code, text) in texts {
            XCTAssertEqual(LanguageIdentifier.language(of: text, declared: nil), code, text)
        }
    }

    func testLanguageWeighsTheDeclaration() {
        let german = "Der Gemeinderat hat am Dienstag beschlossen, dass die Brücke noch eine Woche gesperrt bleibt, weil die Arbeiten an den Pfeilern nicht abgeschlossen sind. Die Umleitung führt über die Hauptstraße und ist ausgeschildert."
        XCTAssertEqual(LanguageIdentifier.language(of: german, declared: "en"), "de", "a template's lang=\"en\" does not outvote clear German text")
        XCTAssertEqual(LanguageIdentifier.language(of: "Kontakt", declared: "de"), "de", "too little text: the declaration stands")
        XCTAssertNil(LanguageIdentifier.language(of: "OK", declared: nil), "too little text and no declaration: unsure")
        XCTAssertEqual(LanguageTag.code(of: "pt_BR"), "pt")
        XCTAssertEqual(LanguageTag.code(of: "nb-NO"), "no")
        XCTAssertNil(LanguageTag.code(of: "und"))
    }
}
