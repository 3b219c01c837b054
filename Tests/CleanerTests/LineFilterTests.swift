import XCTest

@testable import Cleaner

final class LineFilterTests: XCTestCase {
    func testDropLineRemovesMatchingLinesAndKeepsTheRestOfTheBlock() throws {
        let result = try clean("Text one.\nLike Us on Facebook\nText two.\n", rules: ["global": "drop_line(social): ^Like Us on Facebook$\n"])
        XCTAssertEqual(result.text, "Text one.\nText two.")
    }

    func testDropBlockRemovesTheWholeBlock() throws {
        let result = try clean("Keep.\n\nSponsored\nBuy this.\n\nKeep too.\n", rules: ["global": "drop_block(sponsored): ^Sponsored$\n"])
        XCTAssertEqual(result.text, "Keep.\n\nKeep too.")
    }

    func testDropFromRemovesTheFirstMatchAndEverythingAfter() throws {
        let rules = ["global": "drop_from(sponsored): ^Sponsored Articles$\n"]
        let result = try clean("Keep.\n\nSponsored Articles\n\nAd one.\n\nSponsored Articles\n\nAd two.\n", rules: rules)
        XCTAssertEqual(result.text, "Keep.")
        XCTAssertEqual(try clean("No marker.\n", rules: rules).text, "No marker.")
    }

    func testDropFromRepeatedNeedsThreeDifferentMatches() throws {
        let rules = ["global": "drop_from_repeated(other): ^\\S+ says:$\n"]
        let comments = "Article text.\n\nanna says:\nGreat piece.\n\nbob says:\nI disagree.\n\ncarla says:\nThanks."
        XCTAssertEqual(try clean(comments, rules: rules).text, "Article text.")
        // One speaker quoted twice is no list of comments.
        let quotes = "Article text.\n\nanna says:\nA quote.\n\nanna says:\nAnother quote.\n\nbob says:\nA third."
        XCTAssertEqual(try clean(quotes, rules: rules).text, quotes)
        // A scrape that opens with the list is the thread itself: nothing would be left.
        let thread = "anna says:\nGreat piece.\n\nbob says:\nI disagree.\n\ncarla says:\nThanks."
        XCTAssertEqual(try clean(thread, rules: rules).text, thread)
    }

    func testDropUnrepeatedKeepsLinesThatHeadAListOfEntries() throws {
        let rules = ["global": "drop_unrepeated(other): ^Posted: \\d+:\\d+$\n"]
        XCTAssertEqual(try clean("Article text.\nPosted: 10:59\nMore text.", rules: rules).text, "Article text.\nMore text.")
        // Three different stamps head the posts of a thread: the page is the list, and they stay.
        let thread = "Posted: 10:59\nA post.\n\nPosted: 11:16\nA reply.\n\nPosted: 11:24\nAnother reply."
        XCTAssertEqual(try clean(thread, rules: rules).text, thread)
    }

    /// The built-in time-stamp rules drop an article's dateline, and keep the post headers of a
    /// thread, which hold who wrote when.
    func testAThreadKeepsItsPostHeaders() throws {
        let article = "Posted: Wed Feb 02, 2005 10:59 pm\n\nThe article's text, which is a sentence of some length, ends here."
        XCTAssertEqual(try clean(article, builtin: true).text, "The article's text, which is a sentence of some length, ends here.")
        let headers = ["Posted: Wed Feb 02, 2005 10:59 pm", "Posted: Wed Feb 02, 2005 11:16 pm", "Posted: Thu Feb 03, 2005 12:38 am"]
        let thread = headers.map { "\($0)\n\nA post of the thread, which is a sentence of some length, says this." }.joined(separator: "\n\n")
        let text = try clean(thread, builtin: true).text
        for header in headers { XCTAssertTrue(text.contains(header), text) }
    }

    /// `--comments` asks for the comments: the rules of the `comments` category, which cut a
    /// comment list from its first header, are off then, and every other category still applies.
    func testCommentsOptionSwitchesOffTheCommentsCategoryOnly() throws {
        let rules = ["global": "drop_from_repeated(comments): ^\\S+ says:$\ndrop_line(social): ^Share this$\n"]
        let comments = "Article text.\nShare this\n\nanna says:\nGreat piece.\n\nbob says:\nI disagree.\n\ncarla says:\nThanks."
        XCTAssertEqual(try clean(comments, rules: rules).text, "Article text.")
        let kept = "Article text.\n\nanna says:\nGreat piece.\n\nbob says:\nI disagree.\n\ncarla says:\nThanks."
        XCTAssertEqual(try clean(comments, rules: rules, options: CleanOptions(comments: true)).text, kept)
        XCTAssertEqual(try clean(comments, rules: rules, options: CleanOptions(keep: [.comments])).text, kept)
    }

    /// The built-in comment-list rules are in the `comments` category: a plain-text scrape keeps
    /// its comments with `--comments`.
    func testBuiltinCommentListRulesGiveWayToTheCommentsOption() throws {
        let article = "The council voted on Tuesday to keep the old bridge open, after a long debate about its cost and safety."
        let list = "\n\nAnna Berg says:\nA fair summary of the meeting, and the cost figures match what I heard there."
            + "\n\nBob Lee says:\nThe safety report was not read out, which worries me more than the cost does."
            + "\n\nCarla Diaz says:\nThanks for covering this, the local paper did not send anyone to the meeting."
        XCTAssertEqual(try clean(article + list, builtin: true, options: CleanOptions(input: .text)).text, article)
        XCTAssertEqual(try clean(article + list, builtin: true, options: CleanOptions(input: .text, comments: true)).text, article + list)
    }

    /// A short post under a long list of replies is a thread: the replies are what the page says,
    /// and they stay (as on an HTML discussion page). The same replies under an article go.
    func testAThreadKeepsItsRepliesWhereAnArticleLosesItsComments() throws {
        let names = ["Anna Berg", "Bob Lee", "Carla Diaz", "Dan Wu", "Eva Roth", "Finn Moss", "Gina Hart", "Hugo Lund"]
        let replies = names.enumerated().map { index, name in
            "\n\n\(name) says:\nReply \(index + 1): the bridge has been closed for repairs twice this year already, and every closure sent "
                + "the school buses through the old town, which added half an hour to each trip and put more traffic past the market square."
        }.joined()
        let post = "Should the old bridge stay open?"
        XCTAssertEqual(try clean(post + replies, builtin: true, options: CleanOptions(input: .text)).text, post + replies)
        let article = (1...6).map { paragraph in
            "Paragraph \(paragraph): the council voted on Tuesday to keep the old bridge open, after a long debate about its cost and safety, "
                + "and the mayor said the repairs would be paid for from the reserve fund without raising the local rates this year or next."
        }.joined(separator: "\n\n")
        XCTAssertEqual(try clean(article + replies, builtin: true, options: CleanOptions(input: .text)).text, article)
    }

    func testDropUnrepeatedCountsDifferentLines() throws {
        let rules = ["global": "drop_unrepeated(other): ^Posted at \\d\\d:\\d\\d$\n"]
        // One stamp is the article's: it goes.
        XCTAssertEqual(try clean("Posted at 10:15\nArticle text.\n", rules: rules).text, "Article text.")
        // Three different stamps head the posts of a thread: each stays with its post.
        let thread = "Posted at 10:15\nFirst post.\n\nPosted at 11:20\nSecond post.\n\nPosted at 12:05\nThird post."
        XCTAssertEqual(try clean(thread, rules: rules).text, thread)
        // One stamp shown three times is still one stamp.
        let repeated = "Posted at 10:15\nText.\n\nPosted at 10:15\nMore.\n\nPosted at 10:15\nEnd."
        XCTAssertEqual(try clean(repeated, rules: rules).text, "Text.\n\nMore.\n\nEnd.")
    }

    /// The built-in time-stamp rule: the article's stamp goes, a forum's post headers stay.
    func testBuiltinTimeStampsGoUnlessTheyHeadPosts() throws {
        let article = "Monday November 18, 2019 7:45 am PST by Jane Doe\nThe council voted to keep the old bridge open."
        XCTAssertEqual(try clean(article, builtin: true, options: CleanOptions(input: .text)).text, "The council voted to keep the old bridge open.")
        let thread = """
            Posted by: anna at Jan 17, 2005 10:50:37 PM
            The new schedule works well for me, the late bus is always on time.

            Posted by: bob at Jan 17, 2005 11:02:11 PM
            Not on my line, it was twenty minutes late twice this week.

            Posted by: carla at Jan 18, 2005 8:15:40 AM
            The timetable online still shows the old times.
            """
        XCTAssertEqual(try clean(thread, builtin: true, options: CleanOptions(input: .text)).text, thread)
    }

    /// Captions that close on a credit in parentheses go; the same words in prose, or a credit
    /// standing alone, are left to other rules.
    func testBuiltinCaptionsWithACreditInParenthesesGo() throws {
        let text = """
            Protesters have worn masks to protect their identities (Image: GETTY )
            The protests began in June and have grown since.
            More than 4,000 people are expected to receive notice in coming weeks (Credit: iStock)
            The photo (shown above) was taken in June.
            """
        XCTAssertEqual(
            try clean(text, builtin: true, options: CleanOptions(input: .text)).text,
            "The protests began in June and have grown since.\nThe photo (shown above) was taken in June.")
    }

    /// A share bar one button a line, and a gallery's counter and its way back, go; a sentence
    /// naming the same network stays.
    func testBuiltinShareButtonsAndGalleryChromeGo() throws {
        let text = """
            Image 1 of / 23
            Back to Gallery
            The show opened on Tuesday with forty new models.
            Facebook
            Reddit
            Email
            Facebook said the figures were correct.
            """
        XCTAssertEqual(
            try clean(text, builtin: true, options: CleanOptions(input: .text)).text,
            "The show opened on Tuesday with forty new models.\nFacebook said the figures were correct.")
    }

    /// A label with a link to another article goes; a sentence after the same label stays.
    func testBuiltinLabelledLinksToOtherArticlesGo() throws {
        let text = """
            The plague was confirmed in two patients in Beijing.
            READ MORE: China plague outbreak confirmed: Two diagnosed with disease in Beijing
            Related: The 15 Weirdest Galaxies in Our Universe
            Lire aussi : Les critiques de la commission contre le projet de loi
            See also: the notes at the end of this report.
            """
        XCTAssertEqual(
            try clean(text, builtin: true, options: CleanOptions(input: .text)).text,
            "The plague was confirmed in two patients in Beijing.\nSee also: the notes at the end of this report.")
    }

    /// After the article's last sentence, lines that are no sentences are the container's links:
    /// related headlines go, a list the article announces or writes to one pattern stays.
    func testTrailingTitlesAfterTheLastSentenceGo() throws {
        let rules = ["global": "drop_trailing_titles(teaser): yes\n"]
        let article = "The band is nominated for the Hall of Fame, which will honour its new members in Cleveland on May 2."
        let related = "\n\nThe Hall of Fame's class of this year\nFans vote for their favourite band\nBest live albums of the decade"
        XCTAssertEqual(try clean(article + related, rules: rules).text, article)
        // A sentence after them: the article goes on.
        let closing = related + "\n\nAdditional reporting by Jane Doe."
        XCTAssertEqual(try clean(article + closing, rules: rules).text, article + closing)
        // Lines written to one pattern are the article's list.
        let dates = "\n\nJune 9 – Tampa, FL @ Amphitheatre\nJune 10 – Atlanta, GA @ Arena\nJune 14 – Nashville, TN @ Park Hall"
        XCTAssertEqual(try clean(article + dates, rules: rules).text, article + dates)
        // A colon announces them.
        let announced = "The band tours this summer, in these cities:\n\nTampa on the coast\nAtlanta\nNashville in Tennessee"
        XCTAssertEqual(try clean(announced, rules: rules).text, announced)
        // Without prose there is no article to close.
        let list = "Home\nNews\nContact us"
        XCTAssertEqual(try clean(list, rules: rules).text, list)
    }

    /// A post's sign-off after its last sentence is the writer's: it stays, the links after it go;
    /// a short title or a name alone there is no sign-off.
    func testTrailingTitlesKeepAPostsSignOff() throws {
        let rules = ["global": "drop_trailing_titles(teaser): yes\n"]
        let post = "Nobody has said who wrote the text, and the writer denies it; we can only guess at the reasons."
        let links = "\n\nLink: Orchestra plays with everyday noises\nPrevious post\nNext post"
        for signOff in ["Gruß Heiko", "Best regards, Jane", "Sincerely,\nMelissa", "Ciao,\nLove and hugs,\nCheryl"] {
            XCTAssertEqual(try clean(post + "\n\n" + signOff + links, rules: rules).text, post + "\n\n" + signOff)
        }
        for title in ["Best live albums", "Heiko Maier", "Regards from the seaside town, a travel diary"] {
            XCTAssertEqual(try clean(post + "\n\n" + title + links, rules: rules).text, post)
        }
    }

    /// In an HTML page, a list or table at the end is marked up as one: it stays.
    func testTrailingTitlesKeepAnHTMLList() throws {
        let rules = ["global": "drop_trailing_titles(teaser): yes\n"]
        let html = "<html><body><article><p>The requirements for the loan are few and simple, and the application takes ten minutes online.</p>"
            + "<ul><li>A computer or a phone</li><li>An e-mail address</li><li>An identity document</li></ul></article></body></html>"
        XCTAssertTrue(try clean(html, rules: rules).text.contains("An identity document"))
        let related = "<html><body><article><p>The requirements for the loan are few and simple, and the application takes ten minutes online.</p>"
            + "<p>Loans for students explained</p><p>How to compare interest rates</p></article></body></html>"
        XCTAssertFalse(try clean(related, rules: rules).text.contains("interest rates"))
    }

    /// A box of related links inside the article: its heading and the titles under it go, the
    /// paragraph after them stays; a long run of short lines keeps them.
    func testDropWithTitlesRemovesAHeadingAndTheTitlesUnderIt() throws {
        let rules = ["global": "drop_with_titles(teaser): ^(?i:related|more from .+)$\n"]
        let before = "The minister said the plan would be published in the spring, after talks with the unions."
        let after = "The unions have asked for a meeting before the end of the month, a spokesman said."
        let box = "\n\nRelated\nUnions threaten strike over pay\nWhat the plan means for nurses\n\n"
        XCTAssertEqual(try clean(before + box + after, rules: rules).text, before + "\n\n" + after)
        // At the end of the scrape as well.
        let tail = "\n\nMore from Politics\nElection date set for June\nParty leaders debate on TV"
        XCTAssertEqual(try clean(before + tail, rules: rules).text, before)
        // A heading followed by prose heads no titles: nothing goes.
        let prose = "Related\n" + after
        XCTAssertEqual(try clean(prose, rules: rules).text, prose)
        // A sentence among the lines ends the titles: it stays, with what follows.
        let sentence = "\n\nRelated\nUnions threaten strike over pay\nThe nurses' union has not said whether it will join.\nWhat the plan means for nurses"
        XCTAssertEqual(
            try clean(before + sentence, rules: rules).text,
            before + "\n\nThe nurses' union has not said whether it will join.\nWhat the plan means for nurses")
        // More short lines than a box of related links holds: a list of the page's own.
        let long = before + "\n\nRelated\n" + (1...12).map { "Chapter \($0) of the report" }.joined(separator: "\n")
        XCTAssertEqual(try clean(long, rules: rules).text, long)
    }

    /// A box of teasers that give each title a summary goes with its titles and summaries, when
    /// it alternates them to its end; an article resuming after a box of bare titles, or a list
    /// whose last title has prose after it, stays.
    func testDropWithTitlesTakesTeasersWithTheirSummaries() throws {
        let rules = ["global": "drop_with_titles(teaser): ^(?i:related stories|most popular.*)$\n"]
        let article = "The minister said the plan would be published in the spring, after talks with the unions."
        let teasers = [
            ("Unions threaten strike over pay", "The nurses' union said its members would vote on a strike next week. Read More"),
            ("What the plan means for nurses", "Nurses will see their hours change from the autumn, the plan says, and their pay later. Read More"),
            ("Hospital waiting lists grow again", "Waiting lists have grown for the third month in a row, new figures show. Read More"),
        ]
        let box = "\n\nRelated Stories\n" + teasers.map { "\($0.0)\nJane Doe, Health Desk\n\($0.1)" }.joined(separator: "\n")
        XCTAssertEqual(try clean(article + box, rules: rules).text, article)
        // Bare titles, then the article's next paragraphs: the paragraphs are no summaries.
        let resumed = "\n\nRelated Stories\nUnions threaten strike over pay\nWhat the plan means for nurses\n"
            + "The unions have asked for a meeting before the end of the month, a spokesman said on Tuesday.\n"
            + "The health secretary is to meet them on Friday, her office said in a statement."
        XCTAssertEqual(
            try clean(article + resumed, rules: rules).text,
            article + "\n\nThe unions have asked for a meeting before the end of the month, a spokesman said on Tuesday.\n"
                + "The health secretary is to meet them on Friday, her office said in a statement.")
        // A list of the page's own that goes on past its last title's description: it stays.
        let categories = (1...4).map { "Category \($0) of the guide (\($0 + 4))\nArticles about this part of the guide, with the answers to the questions readers ask most." }
        let list = "Most popular articles\n" + categories.joined(separator: "\n") + "\nCategory 5 of the guide (9)\n"
            + "Articles about the last part of the guide, with the answers to the questions readers ask most.\n"
            + "Important disclaimer information about this site, which every reader should know about."
        XCTAssertTrue(try clean(article + "\n\n" + list, rules: rules).text.contains("Category 2 of the guide"))
    }

    /// A box whose titles each have their date under them ("December 17, 2021") goes whole; a
    /// line with a year that is a sentence of the article after the box stays.
    func testDropWithTitlesTakesTheDateUnderEachTitle() throws {
        let rules = ["global": "drop_with_titles(teaser): ^(?i:recent articles)$\n"]
        let article = "The minister said the plan would be published in the spring, after talks with the unions."
        let box = "\n\nRecent articles\n" + (102...106).reversed().map { "These Weeks in Harbour Works: Issue \($0)\nDecember \($0 - 90), 2021" }.joined(separator: "\n")
        XCTAssertEqual(try clean(article + box, rules: rules).text, article)
        let after = "\nThe works began in 2021."
        XCTAssertEqual(try clean(article + box + after, rules: rules).text, article + "\n\nThe works began in 2021.")
        XCTAssertTrue(HeadedTitles.isDateline("17. Dezember 2021"))
        XCTAssertTrue(HeadedTitles.isDateline("2021-12-17"))
        XCTAssertFalse(HeadedTitles.isDateline("These Weeks in Harbour Works: Issue 106"))
        XCTAssertFalse(HeadedTitles.isDateline("Opened in 2021."))
    }

    /// A title that asks or exclaims belongs to the box when a title of one clause follows it (its
    /// byline); a question that opens the paragraphs under the heading, or an ad's two sentences
    /// over its address, is no title.
    func testDropWithTitlesTakesQuestionTitles() throws {
        let rules = ["global": "drop_with_titles(teaser): ^(?i:related stories|verwandte artikel)$\n"]
        let article = "The minister said the plan would be published in the spring, after talks with the unions."
        let box = "\n\nRelated Stories\nShould nurses strike over pay?\nJane Doe, Health Desk\n"
            + "The nurses' union said its members would vote on a strike next week. Read More\n"
            + "What the plan means for nurses\nJohn Roe, Politics\n"
            + "Nurses will see their hours change from the autumn, the plan says, and their pay later. Read More"
        XCTAssertEqual(try clean(article + box, rules: rules).text, article)
        let german = "\n\nVerwandte Artikel\nStreik in den Kliniken!\nWas der Plan für Pflegekräfte bedeutet\n\n"
            + "Die Gewerkschaft will sich noch vor Monatsende mit dem Minister treffen, sagte ein Sprecher."
        XCTAssertEqual(
            try clean(article + german, rules: rules).text,
            article + "\n\nDie Gewerkschaft will sich noch vor Monatsende mit dem Minister treffen, sagte ein Sprecher.")
        let question = "\n\nRelated Stories\nWhy did the talks fail?\nThe unions have asked for a meeting before the end of the month, a spokesman said."
        XCTAssertEqual(try clean(article + question, rules: rules).text, article + question)
        XCTAssertFalse(HeadedTitles.isCalledOutTitle("Free personals online. View photos and more!"))
        XCTAssertTrue(HeadedTitles.isCalledOutTitle("The loophole for smokers (cough, cough!)"))
    }

    /// A heading of related links after the article opens the scrape's tail when nothing after it
    /// reads as an article: teasers with a summary, a source and a date under each title, longer
    /// than a box of teasers, go to the end. Two paragraphs in a row after the heading are the
    /// article's own, and a heading with too little prose before it closes no article: both stay.
    func testDropWithTitlesTakesTheTeasersThatEndTheScrape() throws {
        let rules = ["global": "drop_with_titles(teaser): ^(?i:related stories)\\s*:?$\n"]
        let article = [
            "The city council approved three new night bus routes on Tuesday, linking the central station with the eastern suburbs.",
            "The routes follow a survey in which shift workers, nurses and cleaners asked for later connections to their homes.",
            "The transport authority expects about two thousand riders a night once the routes run every half hour, a spokesman said.",
        ].joined(separator: "\n")
        var teasers: [String] = []
        for day in 1...24 {
            teasers += [
                "Council debates the transport budget for \(day) more buses",
                "The council will vote on the budget next week after a long debate about fares and routes.",
                "City Herald, January \(day)",
            ]
            if day.isMultiple(of: 3) { teasers.append("Also: Evening Post") }
        }
        let tail = "\n\nRelated stories:\n" + teasers.joined(separator: "\n")
        XCTAssertEqual(try clean(article + tail, rules: rules).text, article)
        // The article goes on after the teasers, two paragraphs in a row: they stay.
        let resumed = "\n\nThe unions welcomed the plan and asked for the routes to run on Sundays as well, when most of their members work.\n"
            + "The council said it would look at Sunday services once the first figures on riders are in, probably by the summer."
        let kept = try clean(article + tail + resumed, rules: rules).text
        XCTAssertTrue(kept.hasPrefix(article))
        XCTAssertTrue(kept.contains("Council debates the transport budget for 12 more buses"))
        XCTAssertTrue(kept.hasSuffix("probably by the summer."))
        // A single paragraph before the heading is no article the heading closes.
        let first = "The city council approved three new night bus routes on Tuesday, linking the central station with the eastern suburbs."
        XCTAssertTrue(try clean(first + tail, rules: rules).text.contains("Council debates the transport budget for 12 more buses"))
        // A box of two titles in the article, then its last paragraph: the box goes, the paragraph stays.
        let last = "The authority said the first buses would run in March, once the drivers have been hired and trained for the night shifts."
        let box = "\n\nRelated stories:\nCouncil debates the transport budget\nNew tram line opens in the west\n" + last + "\nSource: City Herald"
        let ended = try clean(article + box, rules: rules).text
        XCTAssertTrue(ended.hasPrefix(article))
        XCTAssertTrue(ended.contains(last))
        XCTAssertFalse(ended.contains("New tram line opens in the west"))
    }

    /// Two boxes one under the other are two boxes of a few titles each, not one long list: the
    /// second heading ends the first box.
    func testDropWithTitlesEndsABoxAtTheNextHeading() throws {
        let rules = ["global": "drop_with_titles(teaser): ^(?i:more in news|recent articles)$\n"]
        let article = "The minister said the plan would be published in the spring, after talks with the unions."
        let titles = (1...6).map { "Weekly notes, issue \($0)" }.joined(separator: "\n")
        let boxes = "\n\nMore in News\n" + titles + "\nRecent articles\n" + titles
        XCTAssertEqual(try clean(article + boxes, rules: rules).text, article)
    }

    /// A kicker in capitals over each title does not count as a title of its own: six teasers of
    /// a kicker and a title are a box of six, and the article after them stays.
    func testDropWithTitlesCountsAKickerWithItsTitle() throws {
        let rules = ["global": "drop_with_titles(teaser): ^(?i:most read.*)$\n"]
        let article = "The minister said the plan would be published in the spring, after talks with the unions."
        let after = "The unions have asked for a meeting before the end of the month, a spokesman said."
        let teasers = (1...6).map { "‘TALKS GO ON’\nUnion leaders meet minister for round \($0)" }.joined(separator: "\n")
        XCTAssertEqual(try clean(article + "\n\nMost read in news\n" + teasers + "\n\n" + after, rules: rules).text, article + "\n\n" + after)
        XCTAssertTrue(HeadedTitles.isKickerLine("RANDY ANDY"))
        XCTAssertFalse(HeadedTitles.isKickerLine("Randy Andy"))
        XCTAssertFalse(HeadedTitles.isKickerLine("東京の新しい計画"))
    }

    /// A tag heading goes with the tags under it, written one a line or several on one line; a
    /// sentence under the heading stays.
    func testBuiltinRulesDropATagHeadingWithItsTags() throws {
        let article = "The minister said the plan would be published in the spring, after talks with the unions."
        let options = CleanOptions(input: .text)
        let oneLine = "\n\nTags\nstock car 2018, stock car brasil, stock car interlagos, stock car santa cruz do sul"
        let after = "\n\nThe unions have asked for a meeting before the end of the month, a spokesman said."
        XCTAssertEqual(try clean(article + oneLine + after, builtin: true, options: options).text, article + after)
        let perLine = "\n\nSchlagwörter\nGesundheit\nPflege\nTarifverhandlungen"
        XCTAssertEqual(try clean(article + perLine, builtin: true, options: options).text, article)
        let sentence = "The unions have asked for a meeting before the end of the month, a spokesman said, and the talks go on."
        XCTAssertEqual(try clean(article + "\n\nTags\n" + sentence, builtin: true, options: options).text, article + "\n\n" + sentence)
        XCTAssertTrue(HeadedTitles.isLabelList("news, politics | health; nurses"))
        XCTAssertFalse(HeadedTitles.isLabelList("The plan, which the unions oppose, was published on Tuesday, officials said."))
    }

    /// The built-in rule knows the usual headings of such boxes, in several languages.
    func testBuiltinRulesDropBoxesOfRelatedLinks() throws {
        let before = "The minister said the plan would be published in the spring, after talks with the unions."
        let after = "The unions have asked for a meeting before the end of the month, a spokesman said."
        for heading in ["Related", "More from Politics", "More Great Stories", "Don't miss", "Mehr zum Thema", "Lire aussi:", "Leia mais", "Читайте также", "Самые популярные статьи",
            "Artículos Relacionados", "Verwandte Artikel", "Articoli correlati", "Recent posts"]
        {
            let text = before + "\n\n" + heading + "\nUnions threaten strike over pay\nWhat the plan means for nurses\n\n" + after
            XCTAssertEqual(try clean(text, builtin: true, options: CleanOptions(input: .text)).text, before + "\n\n" + after, heading)
        }
    }

    /// Credits and labels around a picture, the site's own channels, share counters, reading
    /// times, "View all" links, advertisements' labels and the credits of other reporters under
    /// a wire story go; sentences that only name the same words stay.
    func testBuiltinRulesDropCreditsChannelsAndContributorLines() throws {
        let chrome = [
            "Image copyright Getty Images", "Image caption The minister arrives at the meeting", "Getty Images",
            "Jane Doe, Associated Press", "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.",
            "Subscribe to our channel for more videos", "Jane Doe contributed reporting from Hong Kong.",
            "(Reporting by Jane Doe; Editing by John Roe)", "Additional reporting by Jane Doe",
            "858 shares", "12 Kommentare", "5 min read", "Lesezeit: 4 Minuten", "Tempo de leitura: 2 minutos",
            "View all (23)", "See more »", "Advert", "Anzeige", "CLICK HERE TO GET THE NEWS APP", "Hier klicken und mehr erfahren",
            "Media playback is unsupported on your device", "This slideshow requires JavaScript.", "This video is no longer available.", "Dieses Video ist nicht mehr verfügbar", "Get short URL", "Copy link",
        ]
        let prose = [
            "Reporters who contributed reporting to the inquiry were thanked by the committee in its final statement.",
            "Follow the river to the coast, where the new bridge is to be built by the end of next year.",
            "The video is no longer available on the party's channel, which took it down on Monday.",
        ]
        try assertBuiltinRules(drop: chrome, keep: prose)
    }

    /// Newsletter sign-ups, share prompts and the comment section's moderation notice go, in the
    /// languages the rules name; prose that mentions a newsletter, a moderator or comments stays.
    func testBuiltinRulesDropSignUpsAndModerationNotices() throws {
        let chrome = [
            "Get the latest updates right in your inbox. Subscribe to our newsletters.",
            "Get Example Monthly delivered through your letterbox every month. 12 issues for £11.99.",
            "Jetzt den Newsletter abonnieren",
            "Like this story? Share it with a friend!",
            "Sign up now!", "SUBSCRIBE", "Tell us what YOU think...",
            "ATENÇÃO: Comentários com textos ininteligíveis não serão aprovados pelo moderador.",
            "Note: we are temporarily moderating all comments submitted to deal with a surge in spam.",
            "Kommentare werden vor der Veröffentlichung moderiert.",
        ]
        let prose = [
            "The union's newsletter, which goes to every member, called the offer an insult to nurses and porters alike.",
            "The debate's moderator cut the microphones twice, and both candidates declined to take questions from the floor.",
        ]
        try assertBuiltinRules(drop: chrome, keep: prose)
    }

    /// Template chrome in several languages: the comment form's notices, post navigation, share
    /// and recipe buttons, gallery buttons, an empty basket, a dated byline row, an affiliate
    /// disclosure and a paywall's notice. Prose that names the same things stays.
    func testBuiltinRulesDropTemplateNoticesInSeveralLanguages() throws {
        let chrome = [
            "Your email address will not be published. Required fields are marked *",
            "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert.",
            "Votre adresse e-mail ne sera pas publiée.",
            "Diese Website verwendet Akismet, um Spam zu reduzieren. Erfahre mehr darüber, wie deine Kommentardaten verarbeitet werden.",
            "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
            "Post navigation", "Beitrags-Navigation",
            "Vorheriger Beitrag Neuerscheinung: Klaus Seidl, Gesetzliche Revolution im Schatten der Gewalt",
            "Next post: How we rebuilt the harbour wall",
            "Beitrag teilen", "Partager cet article",
            "Zum Rezept Drucken Pinnen", "Rezept drucken Bei Pinterest speichern", "Jump to Recipe Print Recipe",
            "Bild anzeigen Bild schließen",
            "Ihr Warenkorb ist leer", "Your cart is currently empty.",
            "Advertising disclosure: We may receive compensation for some of the links in our stories.",
            "To view the full story, please subscribe to The Example Times.",
            "Subscribe now to our e-edition for the full story.",
            "September 10, 2018 | by Jane Doe", "29. Juni 2017, 23:39 · von Tobi",
            "Zobacz również", "Weiterlesen:",
        ]
        let prose = [
            "The court ruled that the address of a witness will not be published before the trial ends.",
            "The next post office to close will be the one on Mill Street, the council said on Friday.",
            "Print the recipe on thick paper, since the kitchen is no place for a thin sheet.",
            "The shop's basket was empty by noon, and the queue still reached the corner.",
            "The agents earn a commission on each sale, which the regulator now wants disclosed.",
            "Readers who subscribe get the paper at home, and the full story of the strike ran on Sunday.",
            "Built by the harbour trust in 1998 / rebuilt after the storm of 2020",
        ]
        try assertBuiltinRules(drop: chrome, keep: prose)
    }

    /// Each `chrome` line between two sentences of an article goes; each `prose` line there stays.
    private func assertBuiltinRules(drop chrome: [String], keep prose: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let before = "The minister said the plan would be published in the spring, after talks with the unions."
        let after = "The unions have asked for a meeting before the end of the month, a spokesman said."
        for text in chrome {
            let page = before + "\n" + text + "\n" + after
            XCTAssertEqual(try clean(page, builtin: true, options: CleanOptions(input: .text)).text, before + "\n" + after, text, file: file, line: line)
        }
        for text in prose {
            let page = before + "\n" + text + "\n" + after
            XCTAssertEqual(try clean(page, builtin: true, options: CleanOptions(input: .text)).text, page, text, file: file, line: line)
        }
    }

    func testDropBeforeRemovesAHeadlineLikeBlockBeforeTheMatch() throws {
        let rules = ["global": "drop_before(caption): ^\\(Photo\n"]
        let result = try clean("Headline Here\n\nBorder DMZ\n\n(Photo : Reuters) Soldiers.\n\nText.\n", rules: rules)
        XCTAssertEqual(result.text, "Headline Here\n\n(Photo : Reuters) Soldiers.\n\nText.")
        // A sentence before the match is prose, not a photo title: it stays.
        let prose = try clean("A full sentence of the article.\n\n(Photo : Reuters) Soldiers.\n", rules: rules)
        XCTAssertEqual(prose.text, "A full sentence of the article.\n\n(Photo : Reuters) Soldiers.")
    }

    func testTeaserRemovesTheStampedBlockAndItsHeadline() throws {
        let rules = ["global": "teaser(teaser): ^\\d+ hours ago$\n"]
        let input = "Article text ends here.\n\nOther story headline\n\nSummary of the other story.\n16 hours ago\n\nLast article line.\n"
        XCTAssertEqual(try clean(input, rules: rules).text, "Article text ends here.\n\nLast article line.")
    }

    func testDropRepeatedRemovesAdjacentCopiesAndTruncatedCopies() throws {
        let rules = ["global": "drop_repeated(caption): yes\n"]
        let same = "A photo of the harbour at night.\nA photo of the harbour at night.\n\nText."
        XCTAssertEqual(try clean(same, rules: rules).text, "Text.")
        let truncated = "Citizens visit the cemetery in Pyongyang, North Korea, ...\n\nCitizens visit the cemetery in Pyongyang, North Korea, Tuesday.\n\nText."
        XCTAssertEqual(try clean(truncated, rules: rules).text, "Text.")
        // A gallery's short caption ends in the toggle that shows the long one, in any language.
        let toggled = "Minister Ngo Xuan Lich shakes hands in Hanoi on Wednesday. Esper is on a visit. weniger\nMinister Ngo Xuan Lich shakes hands in Hanoi on Wednesday. Esper... mehr\n\nText."
        XCTAssertEqual(try clean(toggled, rules: rules).text, "Text.")
        // Words after an ellipsis that go on with the text are no toggle.
        let notToggle = "Minister Ngo Xuan Lich shakes hands in Hanoi on Wednesday... then leaves\nMinister Ngo Xuan Lich shakes hands in Hanoi on Wednesday... then leaves for Manila.\n\nText."
        XCTAssertEqual(try clean(notToggle, rules: rules).text, notToggle)
        // Short repeated words are not captions, and non-adjacent repeats are left alone.
        XCTAssertEqual(try clean("Yes\nYes\n\nText.", rules: rules).text, "Yes\nYes\n\nText.")
        let apart = "The same sentence here twice.\n\nOther.\n\nThe same sentence here twice."
        XCTAssertEqual(try clean(apart, rules: rules).text, apart)
    }

    /// A long caption that a text scrape repeats under each picture of a gallery goes, every copy;
    /// a sentence repeated, a short label repeated or a caption met only three times stays.
    func testDropRepeatedLinesRemovesACaptionRepeatedAcrossTheScrape() throws {
        let rules = ["global": "drop_repeated_lines(caption): yes\n"]
        let caption = "2018 Theatre Tradition Series Performance at the Spring Festival in the Park"
        let paragraphs = (1...4).map { "The festival opened with the \($0)th performance of the season, and the audience filled the park." }
        let gallery = paragraphs.map { $0 + "\n" + caption }.joined(separator: "\n\n")
        XCTAssertEqual(try clean(gallery, rules: rules, options: CleanOptions(input: .text)).text, paragraphs.joined(separator: "\n\n"))
        let three = paragraphs.prefix(3).map { $0 + "\n" + caption }.joined(separator: "\n\n")
        XCTAssertEqual(try clean(three, rules: rules, options: CleanOptions(input: .text)).text, three)
        let refrain = "We shall overcome, we shall overcome, we shall overcome some day."
        let song = Array(repeating: refrain, count: 4).joined(separator: "\n")
        XCTAssertEqual(try clean(song, rules: rules, options: CleanOptions(input: .text)).text, song)
    }

    /// A dropdown's options that the scraper wrote onto one line go from a scrape of the
    /// article's container (no menu, so `main_text` keeps everything); prose stays, German with
    /// its capitalised nouns too, and so do a list set apart by commas and a line in capitals.
    func testDropNameListsRemovesAFlattenedDropdown() throws {
        let rules = ["global": "main_text(navigation): yes\ndrop_name_lists(navigation): yes\n"]
        let options = CleanOptions(input: .text)
        let article = "The forum thread asked for a title generator, and three members answered with links and advice.\n\nThank you so much, I am at a loss for a title too."
        let dropdown = "-- Select a Forum -- NaNo Tips & Strategies -- Character and Plot Realism Q&A -- Plot Doctoring -- Reaching Fifty Thousand -- Life After NaNoWriMo -- Chick Lit -- Erotic Fiction -- Fantasy -- Historical Fiction -- Horror & Thriller -- Humor & Satire -- Literary Fiction -- Mystery & Suspense -- Romance -- Science Fiction -- Young Adult"
        XCTAssertEqual(try clean(article + "\n\n" + dropdown, rules: rules, options: options).text, article)
        let songs = "The Unchained Melody - Al Hibbler I'm Sorry - Brenda Lee Barbara Ann - The Beach Boys Peggy Sue - Buddy Holly Chances Are - Johnny Mathis Earth Angel - The Penguins Great Balls Of Fire - Jerry Lee Lewis"
        XCTAssertEqual(try clean(songs + "\n\n" + article, rules: rules, options: options).text, article)
        let german = "Die Feuerwehr der Stadt rückte am Dienstag mit zwölf Fahrzeugen aus, nachdem Anwohner in der Nacht Rauch über dem alten Lagerhaus am Hafen gemeldet hatten und die Polizei die Straße sperrte."
        XCTAssertEqual(try clean(german, rules: rules, options: options).text, german)
        let cast = "Starring Tom Hanks, Meg Ryan, Bill Pullman, Rosie O'Donnell, Rob Reiner, Victor Garber, Rita Wilson, Ross Malinger, Carey Lowell, David Hyde Pierce, Gaby Hoffmann, Frances Conroy, Barbara Garrick, Dana Ivey"
        XCTAssertEqual(try clean(cast, rules: rules, options: options).text, cast)
        let shouted = "THE SOFTWARE IS PROVIDED AS IS WITHOUT WARRANTY OF ANY KIND EXPRESS OR IMPLIED INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT IN NO EVENT SHALL"
        XCTAssertEqual(try clean(shouted, rules: rules, options: options).text, shouted)
    }

    func testDropRepeatedTitleKeepsTheFirstOccurrence() throws {
        let rules = ["global": "drop_repeated_title(other): yes\n"]
        let input = "Koreas talk again\n\nBody text.\n\nKoreas talk again\n"
        XCTAssertEqual(try clean(input, rules: rules).text, "Koreas talk again\n\nBody text.")
        // A first block that is a sentence is not a title.
        let prose = "Body text starts here.\n\nMore.\n\nBody text starts here."
        XCTAssertEqual(try clean(prose, rules: rules).text, prose)
    }

    func testOrphanHeadingsGoWhenTheirSectionWasRemoved() throws {
        let rules = ["global": "drop_line(teaser): ^Teaser\ndrop_orphan_headings(other): yes\n"]
        let html = "<body><h2>Intro</h2><p>Text.</p><h2>Related</h2><p>Teaser one</p><h2>Section</h2><h3>Empty sub</h3><p>More text.</p><h2>End</h2></body>"
        // ("End", last and over nothing, heads a section that lay outside what was kept.)
        XCTAssertEqual(try clean(html, rules: rules).text, "Intro\n\nText.\n\nSection\n\nEmpty sub\n\nMore text.")
        // A page of headings alone keeps them.
        XCTAssertEqual(try clean("<body><h2>One</h2><h2>Two</h2></body>", rules: rules).text, "One\n\nTwo")
        // A page that sets its paragraphs in heading tags: a paragraph is no heading, and stays.
        let first = "We try to be the best shop in town for clothing, gifts and badges, and we answer every question our customers send us."
        let second = "Every item is new and well made, and it ships from our store within two days of the order, to any country."
        let headed = "<body><h3>\(first)</h3><h3>Teaser one</h3><h3>\(second)</h3></body>"
        XCTAssertEqual(try clean(headed, rules: rules).text, first + "\n\n" + second)
    }

    func testKeepSwitchesACategoryOff() throws {
        let rules = ["global": "drop_line(caption): ^Photo:\ndrop_line(social): ^Share$\n"]
        let input = "Photo: Someone\n\nShare\n\nText."
        XCTAssertEqual(try clean(input, rules: rules).text, "Text.")
        XCTAssertEqual(try clean(input, rules: rules, options: CleanOptions(keep: [.caption])).text, "Photo: Someone\n\nText.")
    }

    func testLineRulesWorkOnHTMLBlocksToo() throws {
        let rules = ["global": "drop_line(social): ^Like Us on Facebook$\n"]
        let html = "<html><body><p>Text.</p><p>Like Us on Facebook</p></body></html>"
        XCTAssertEqual(try clean(html, rules: rules).text, "Text.")
    }

    func testTextInputKeepsLinesAndNormalizesWhitespace() throws {
        let result = try clean("  First   line  \r\nsecond\tline\n\n\n\nNext\u{0007} block  ")
        XCTAssertEqual(result.text, "First line\nsecond line\n\nNext block")
        XCTAssertEqual(result.inputKind, .text)
    }

    func testBuiltinRulesKeepOrdinaryProse() throws {
        let prose = """
            The council met on Tuesday, 12 March 2024, to discuss the budget.

            "We will share the results," the mayor said. Photos of the meeting were published later.

            Copyright law was also on the agenda, along with a proposal dated 2023.

            Updated figures show 16 hours ago the river peaked.
            """
        XCTAssertEqual(try clean(prose, builtin: true).text, prose)
    }

    /// Each footer line goes; the article's sentence beside it, on the same subject, stays.
    private func assertFooterLineGoes(_ footer: String, keeping sentence: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let article = sentence + "\nThe council voted on Tuesday to keep the old bridge open for another year."
        XCTAssertEqual(try clean(article + "\n" + footer, builtin: true, options: CleanOptions(input: .text)).text, article, footer, file: file, line: line)
    }

    func testBuiltinFooterCopyrightLinesGoButACreditWithAMarkStays() throws {
        try assertFooterLineGoes("Powered by phpBB © 2001, 2005 phpBB Group", keeping: "Illustration © 2004 Jane Doe")
        try assertFooterLineGoes("All contents copyright © 2002-2006 Jane Doe. All rights reserved.",
                                 keeping: "The manual, ©1935, is very informative and useful.")
    }

    /// A copyright notice with the site's legal sentences after it goes, however long the line;
    /// a long sentence of the article that names copyright, a year and the terms of use stays.
    func testBuiltinLongCopyrightNoticesGoButSentencesAboutCopyrightStay() throws {
        let filler = " The company designs, develops and hosts websites and online shops for clients in many countries and trades."
        try assertFooterLineGoes("©2005 Example Works and its licensors. All rights reserved. Use of this web site constitutes acceptance of the Terms of Use and Privacy Policy." + filler + filler,
                                 keeping: "Copyright holders sued in 2005 over the terms of use of the bridge's photographs, saying that the council's privacy policy and its licence ignored them." + filler)
    }

    func testBuiltinSiteDisclaimersGoButSentencesAboutOpinionsStay() throws {
        try assertFooterLineGoes("The opinions and statements expressed on this website are those of its members.",
                                 keeping: "The opinions of the residents were mixed, and those of the engineers were not.")
        try assertFooterLineGoes("Reproduction of material from any pages without written permission is strictly prohibited.",
                                 keeping: "Reproduction of the mural was prohibited by the city for years.")
        try assertFooterLineGoes("Links do not constitute an endorsement of any organization by the agency.",
                                 keeping: "The links between the two agencies do not constitute a merger, the mayor said.")
        try assertFooterLineGoes("Use of this website constitutes acceptance of our Terms & Conditions.",
                                 keeping: "The use of this bridge constitutes a risk, the engineers said.")
        try assertFooterLineGoes("This work is licensed under a Creative Commons License.",
                                 keeping: "Creative Commons licences let authors share their work on their own terms.")
    }

    /// A consent banner's lines go from inside the article's text, where no trailing-chrome test
    /// reaches them; a sentence of the same shape about something else stays.
    func testBuiltinCookieNoticesGoButSentencesAboutCookiesStay() throws {
        let notices = [
            "This website uses cookies to improve your experience. We'll assume you're ok with this.",
            "We use cookies and other tracking technologies to improve your browsing experience.",
            "Wir verwenden Cookies, um Inhalte und Anzeigen zu personalisieren.",
            "By choosing I Accept, you consent to our use of cookies and other tracking technologies.",
            "Cookie Policy",
            "Registration on or use of this site constitutes acceptance of our User Agreement",
            // The comment form's box that keeps the reader's details, in two languages.
            "Save my name, email, and website in this browser for the next time I comment.",
            "Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser für die nächste Kommentierung speichern.",
        ]
        let sentences = [
            "This website uses a map to show where the bridge will stand.",
            "We use cookie cutters shaped like the old bridge for the fair.",
            "Wir verwenden Beton, um die alte Brücke zu stützen.",
            "The council did not consent to the use of the bridge by lorries.",
            "The cookie stall by the bridge sold out by noon.",
            "Registration of the bridge as a monument constitutes a first, the mayor said.",
            "Save the council's page in your browser, the mayor said, to follow the vote.",
            "Meinen Plan für die Brücke stellte der Rat im Mai vor.",
        ]
        try assertBuiltinRules(drop: notices, keep: sentences)
    }

    func testBuiltinLastUpdatedAndFeedbackLinesGo() throws {
        try assertFooterLineGoes("Last updated: Dec 28, 2004", keeping: "Last updated in 2004, the plan was shelved after the vote.")
        try assertFooterLineGoes("Letzte Änderung: 3.5.2006", keeping: "Die letzte Änderung des Plans kam im Mai.")
        try assertFooterLineGoes("Please send questions and comments to the webmaster.",
                                 keeping: "Residents can send their comments to the council until May.")
        try assertFooterLineGoes("Your comments and feedback are welcome.", keeping: "Comments from residents were welcome at the meeting.")
        try assertFooterLineGoes("Was this tip helpful? Let us know.", keeping: "Was the plan helpful? Most residents said it was.")
        try assertFooterLineGoes("War dieser Artikel hilfreich?", keeping: "War die Brücke sicher? Die Ingenieure sagten ja.")
    }

    func testBuiltinFooterLinkRowsAndPageToolsGo() throws {
        try assertFooterLineGoes("Home | About Us | Contact Us | Privacy Policy | Site Map",
                                 keeping: "Contact us, the sign said, and the council did: about a third replied.")
        try assertFooterLineGoes("FOIA | Privacy Notice | Copyright Information", keeping: "Privacy was a concern, the mayor said.")
        // An abbreviation's full stop in a label; a full stop that ends a sentence is no label's.
        try assertFooterLineGoes("FOIA | Privacy Notice | Copyright Information | Other U.S. Government Information",
                                 keeping: "The U.S. agency answered the request within a week, the mayor said.")
        try assertBuiltinRules(drop: [], keep: ["Privacy matters. The council said so | the mayor agreed | Contact"])
        try assertFooterLineGoes("[ Back To The Top ]", keeping: "They went back to the top of the hill to watch.")
        try assertFooterLineGoes("Nach oben", keeping: "Der Weg führt nach oben zur alten Brücke.")
        try assertFooterLineGoes("Return to the Example Project home page.", keeping: "They returned to the old page of the ledger.")
        try assertFooterLineGoes("Back to Table of Contents", keeping: "Back to the contents of the report: the bridge is safe.")
        try assertFooterLineGoes("Copyrights 2005, first published in Example Magazine, Summer 2005.",
                                 keeping: "Copyrights in 2005 were held by the publisher, the court found.")
        try assertFooterLineGoes("Email this article to a friend", keeping: "She sent the article to a friend in Ohio.")
        try assertFooterLineGoes("Printer-friendly version", keeping: "A printer-friendly version of the plan was handed out.")
        try assertFooterLineGoes("This site is best viewed using 800 x 600 resolution.",
                                 keeping: "The site is best viewed from the hill above the river.")
        try assertFooterLineGoes("Forgot Password?", keeping: "Forgot your password? The bank will not ask for it by email.")
        try assertFooterLineGoes("Passwort vergessen?", keeping: "Das Passwort vergessen hatte nur einer der Nutzer.")
        try assertFooterLineGoes("(C) Copyright 2004 from Jane Doe's resources web site.",
                                 keeping: "Copyright holders objected, and the court sided with them.")
        try assertFooterLineGoes("Do you like this tool? The latest edition contains 57 tools and checklists.",
                                 keeping: "Do you like the tool? Most of the engineers said they did.")
        try assertFooterLineGoes("Would you like to register for our weekly newsletter? We send links every Friday.",
                                 keeping: "Residents would like to register their bikes with the city.")
        try assertFooterLineGoes("If you choose not to subscribe, just write cancel on your invoice.",
                                 keeping: "If you choose not to vote, the council said, others decide for you.")
        try assertFooterLineGoes("Enter your email address:", keeping: "Enter the old town through the north gate.")
        try assertFooterLineGoes("(Required) Comments", keeping: "Comments (several hundred) were required by law.")
        try assertFooterLineGoes("Note: Your email address is used only to let the recipient know who sent the email.",
                                 keeping: "The address was used only once, the police said.")
    }

    func testDatelinesAndPageNumbersGoButAChartsNumbersStay() throws {
        let page = """
            Jul 26, 2021, 8:34 PM | Updated: Jul 27, 2021, 9:27 pm
            05.05.2024 05:36
            Interest payments on the national debt
            600
            300
            1 1.910 1.005 2 1.322 1.059
            1 2 3 4 5 6 7 8
            1 / 8
            """
        XCTAssertEqual(try clean(page, builtin: true).text, "Interest payments on the national debt\n600\n300\n1 1.910 1.005 2 1.322 1.059")
    }
}

/// `main_text` on plain-text scrapes of whole pages.
final class MainTextTests: XCTestCase {
    private let menu = ["Home", "News", "World", "Business", "Sport", "Culture", "Opinion", "Video", "Weather", "Sign in", "Subscribe", "Newsletters"]
    private let article = [
        "City opens three new night bus routes",
        "Three new night bus routes start on Monday, linking the central station with the eastern suburbs until four in the morning, the transport authority said.",
        "The routes follow a survey in which shift workers, nurses and cleaners asked for later connections, and the authority expects about two thousand riders a night.",
        "Results by route",
        "N1 412 388 95%",
        "N2 298 301 101%",
        "\"Many of our members finish work after midnight,\" said a spokesperson for the hospital workers' union, who welcomed the decision.",
    ]
    private let footer = ["About us", "Contact", "Privacy policy", "Terms of use", "Advertise"]

    func testAWholePageKeepsTheArticleAndItsHeadline() throws {
        let page = (menu + [""] + article + [""] + footer).joined(separator: "\n")
        let result = try clean(page, rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertEqual(result.text, article.joined(separator: "\n"))
    }

    func testAPageThatOpensWithItsTitleIsCutWithoutAMenu() throws {
        // No ten menu items in a row, but the scrape opens with the page's title, which the
        // headline repeats: a whole page all the same.
        let chrome = ["Home", "News", "Sign in", "Subscribe for unlimited access to local reporting", "Weather", "Traffic"]
        let closing = ["Related Topics", "Transport", "City Hall", "Most read stories of the week", "Council approves budget for road repairs", "Privacy Policy", "Terms of Use"]
        let page = (["City opens three new night bus routes - Example Times", ""] + chrome + [""] + article + [""] + closing).joined(separator: "\n")
        let result = try clean(page, rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertEqual(result.text, article.joined(separator: "\n"))
        // The same scrape without the title line is a container's, and is left whole.
        let container = (chrome + [""] + article + [""] + closing).joined(separator: "\n")
        XCTAssertEqual(try clean(container, rules: ["global": "main_text(navigation): yes\n"]).text, container)
        // Compared as words: case, punctuation and the site's name around the title do not matter.
        XCTAssertEqual(PageTitle.words(of: "Site | City Opens Three: New Night-Bus Routes"), ["site", "city", "opens", "three", "new", "night", "bus", "routes"])
        // CJK titles have no spaces: each ideograph counts as a word.
        XCTAssertEqual(PageTitle.weight(PageTitle.words(of: "東京の新しい夜行バス")), 10)
    }

    func testAPageThatOpensWithASiteTitleIsCutWithoutAMenu() throws {
        // No ten menu items in a row, and the headline under the title is not the title's start
        // or end; but the first line sets the site's name apart as a page's <title> does.
        let chrome = ["Home", "News", "Sign in", "Subscribe for unlimited access to local reporting", "Weather", "Traffic"]
        let closing = ["Related Topics", "Transport", "City Hall", "Most read stories of the week", "Council approves budget for road repairs", "Privacy Policy", "Terms of Use"]
        let body = [""] + chrome + [""] + article + [""] + closing
        let rules = ["global": "main_text(navigation): yes\n"]
        for title in ["Night buses | Transport | Example Times", "Example Times :: Night buses", "夜行バス｜東京新聞"] {
            let page = ([title] + body).joined(separator: "\n")
            XCTAssertEqual(try clean(page, rules: rules).text, article.joined(separator: "\n"), title)
        }
        // A first line that ends a sentence is the article's, and a colon is as much a
        // headline's as a title's: such scrapes are left whole.
        for first in ["Night buses - a first look at the new routes.", "Night buses: the new routes"] {
            let scrape = ([first] + body).joined(separator: "\n")
            XCTAssertEqual(try clean(scrape, rules: rules).text, scrape, first)
        }
        XCTAssertTrue(SiteTitle.hasSeparator("Reviews -- Page 4"))
        XCTAssertTrue(SiteTitle.hasSeparator("Section > Page"))
        // A dateline is set apart so too, but is no title.
        XCTAssertFalse(SiteTitle.isMostlyWords("Jul 26, 2021, 8:34 PM | Updated: Jul 27, 2021, 9:27 pm"))
        XCTAssertTrue(SiteTitle.isMostlyWords("2002 Competition Game Reviews -- Page 4"))
        XCTAssertFalse(SiteTitle.hasSeparator("A well-known fact: nothing --- set apart"))
    }

    func testAScrapeThatOpensWithTheArticleIsLeftWhole() throws {
        let scrape = (article + [""] + footer).joined(separator: "\n")
        let result = try clean(scrape, rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertEqual(result.text, (article + [""] + footer).joined(separator: "\n"))
    }

    func testAContainerScrapeWithShortLinesButNoMenuIsLeftWhole() throws {
        // Captions, a share bar and a table's rows are short lines too, but not ten in a row.
        let scrape = (["Share", "Tweet", "Email", "Photo: Jane Doe", ""] + article + ["", "Route", "N1", "N2", "N3", "Total"]).joined(separator: "\n")
        let result = try clean(scrape, rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertEqual(result.text, scrape)
    }

    func testAPageWhoseProseLiesInManyRunsIsLeftWhole() throws {
        // A log or a forum: entries of prose between short header lines, none of them the article.
        var entries: [String] = []
        for day in 1...6 {
            entries += ["Entry \(day)", "Operator", "08:1\(day)", "Monday", "Shot \(day)", "The plasma held for the whole pulse and the density rose steadily as planned, with no injection seen on the cameras.", ""]
        }
        let page = (menu + [""] + entries).joined(separator: "\n")
        let result = try clean(page, rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertTrue(result.text.contains("Entry 1"))
        XCTAssertTrue(result.text.contains("Entry 6"))
    }

    func testTeasersAfterTheArticleDoNotJoinIt() throws {
        // Title, author, summary: a related story's teaser. Its summary is prose, but the title
        // costs more than other chrome, so the list stays out of the article's run.
        var teasers: [String] = []
        for (title, author) in [("Bus drivers vote on a new contract this week", "Ann Lee"), ("Old tram depot to become a market hall", "Bo Chen"), ("Cycle lanes planned for the ring road", "Cy Diaz")] {
            teasers += [title, author, "The city council will take up the proposal at its next meeting, officials said on Tuesday."]
        }
        let page = (menu + [""] + article + [""] + teasers + [""] + footer).joined(separator: "\n")
        let result = try clean(page, rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertEqual(result.text, article.joined(separator: "\n"))
    }

    func testALiveTickerAfterTheArticleDoesNotJoinIt() throws {
        // A ticker box after the article: a time, a title and a one-sentence summary an item.
        // Each summary outweighs its two lines, so the stream joined the article's run; its
        // shape (a title or a time between each pair of paragraphs) closes the run before it.
        let story = [
            "The harbour bridge will close for six weeks from March, the city's transport office said on Monday, so that its cables and deck can be replaced.",
            "Buses will replace the trams that cross the bridge, and the ferry between the two piers will run every ten minutes instead of every twenty during the works.",
            "Shop owners on both ends of the bridge have asked the city for help with the loss of trade, and the council is to discuss a fund for them next week.",
            "The bridge was opened in 1931 and carries about forty thousand people a day, most of them on the trams that run over it every few minutes at rush hour.",
        ]
        let ticker = [
            "12:41", "Council approves money for the new school in the north",
            "The council approved the money for the new school on Tuesday evening after a short debate, and building is due to start in the spring of next year.",
            "11:58", "Storm warning for the coast until Friday morning",
            "The weather service warned of gusts of up to a hundred kilometres an hour along the coast and asked people to stay away from the piers and the beaches.",
            "vor 2 Stunden", "Stadtbibliothek verlängert ihre Öffnungszeiten",
            "Die Stadtbibliothek hat ab dem kommenden Monat auch am Sonntag geöffnet, wie die Leitung am Mittwoch mitteilte, zunächst für eine Probezeit von einem halben Jahr.",
        ]
        let page = (menu + [""] + story + [""] + ["Latest news"] + ticker + [""] + footer).joined(separator: "\n")
        let result = try clean(page, rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertEqual(result.text, story.joined(separator: "\n"))

        // Two teasers suffice when each has a head of two lines (a title and its byline).
        let related = [
            "Council approves money for the new school in the north", "Ann Lee, 2 days ago",
            "The council approved the money for the new school on Tuesday evening after a short debate, and building is due to start in the spring of next year. The school will take six hundred pupils from the northern suburbs.",
            "Storm warning for the coast until Friday morning", "Bo Chen, 19 hours ago",
            "The weather service warned of gusts of up to a hundred kilometres an hour along the coast and asked people to stay away from the piers and the beaches. Ferries to the islands will not run on Thursday.",
        ]
        let withRelated = try clean((menu + [""] + story + [""] + related + [""] + footer).joined(separator: "\n"), rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertEqual(withRelated.text, story.joined(separator: "\n"))

        // The article's own sections under their subheadings are paragraphs of several
        // sentences, not a teaser's one: they stay.
        var sections: [String] = []
        for (heading, topic) in [("Stage 1: the cables", "cables"), ("Stage 2: the deck", "deck"), ("Stage 3: the tram tracks", "tracks")] {
            sections += [heading, "The \(topic) come first in this stage of the works. Crews will work at night so that the ferries can run by day. The city expects the stage to take two weeks."]
        }
        let sectioned = story + [""] + sections
        let long = try clean((menu + [""] + sectioned + [""] + footer).joined(separator: "\n"), rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertEqual(long.text, sectioned.joined(separator: "\n"))
    }

    func testAFeedWhoseTimesGoBackEndsTheArticleButATimetableStays() throws {
        let story = [
            "The harbour bridge will close for six weeks from March, the city's transport office said on Monday, so that its cables and deck can be replaced.",
            "Buses will replace the trams that cross the bridge, and the ferry between the two piers will run every ten minutes instead of every twenty during the works.",
            "Shop owners on both ends of the bridge have asked the city for help with the loss of trade, and the council is to discuss a fund for them next week.",
        ]
        // A "latest" feed: each item opens with its time, newest first, and items follow one
        // another with no title line between (one of them a paragraph of its own).
        let feed = [
            "Direct",
            "14:44 Council approves money for the new school in the north, after a short debate",
            "14:32 Storm warning for the coast until Friday morning, the weather service says",
            "14:10",
            "The weather service warned of gusts of up to a hundred kilometres an hour along the coast and asked people to stay away from the piers.",
            "13:54 The city library opens on Sundays from next month, for a trial of half a year",
            "13:43 Ferries to the islands will not run on Thursday, the operator said this morning",
        ]
        let page = (menu + [""] + story + [""] + feed + [""] + footer).joined(separator: "\n")
        let result = try clean(page, rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertEqual(result.text, story.joined(separator: "\n"))

        // The article's own timetable runs forward: it stays.
        let timetable = [
            "09:00 The first trams leave the depot and cross the bridge for the last time this year.",
            "10:30 Crews close the bridge to all traffic and set up the cranes on both piers.",
            "13:00 The first cables come down, and the ferries start their ten-minute service.",
            "15:30 The city's engineers inspect the deck and report to the transport office.",
        ]
        let withTimetable = story + [""] + timetable
        let kept = try clean((menu + [""] + withTimetable + [""] + footer).joined(separator: "\n"), rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertEqual(kept.text, withTimetable.joined(separator: "\n"))

        XCTAssertEqual(LiveTicker.leadingTime("14:44 Council approves"), 14 * 60 + 44)
        XCTAssertEqual(LiveTicker.leadingTime("7:15 p.m. Doors open"), 19 * 60 + 15)
        XCTAssertEqual(LiveTicker.leadingTime("10h30"), 10 * 60 + 30)
        XCTAssertNil(LiveTicker.leadingTime("3.12 Released with fixes"))
        XCTAssertNil(LiveTicker.leadingTime("25:10 is no time"))
        XCTAssertNil(LiveTicker.leadingTime("The 14:44 train"))
    }

    func testALongFooterLineDoesNotPullTheRunPastTheArticlesEnd() throws {
        // A legal notice of many sentences on one line, after the page's closing links: long
        // enough to outweigh them, were a line to count for all its length.
        let notice = Array(repeating: "Market data is delayed by at least fifteen minutes and is provided for information only, not for trading purposes or advice.", count: 12).joined(separator: " ")
        let closing = ["Most read stories this week", "Sign up for our daily newsletter", "Follow our reporters on social media", "Download the app for your phone", "Listen to our weekly news podcast", "Send us a tip or a correction", "Careers at the Example Times", "Advertise with the Example Times"]
        let page = (menu + [""] + article + [""] + closing + [notice] + footer).joined(separator: "\n")
        let result = try clean(page, rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertEqual(result.text, article.joined(separator: "\n"))
    }

    func testALongStretchOfChromeEndsTheArticle() throws {
        // The article's own interruptions are short (a caption, a share bar); the page's links
        // after it are many lines in a row, and the site's blurb after them is prose, but past
        // such a stretch it does not join the article.
        let closing = ["The routes follow a survey in which shift workers, nurses and cleaners asked for later connections, officials said on Monday.", "Debt as a share of the transport budget tends to rise in recessions and fall in recoveries, but this time it is rising while unemployment is low."]
        let links = ["Privacy Policy", "Cookie Settings", "Terms of Use", "Contact Us", "Careers", "Press Room", "Advertise", "Site Map", "Accessibility", "Newsletters", "Podcasts", "Events", "Print Edition", "Archive"]
        let blurb = [
            "The Example Times has covered the city and the region since 1887, with a newsroom of reporters, photographers and editors who live where they report.",
            "Our journalism is funded by readers and advertisers, and our editors decide what we cover without regard to either, as our published standards explain.",
            "We welcome letters from readers on any subject, and we publish a selection of them every weekday, edited for length and clarity but never for their views.",
            "Corrections are printed on page two of the print edition and noted at the foot of each article online, with the date on which the error was put right.",
        ]
        let story = article + [""] + closing
        let page = (menu + [""] + story + [""] + links + [""] + blurb).joined(separator: "\n")
        let result = try clean(page, rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertEqual(result.text, story.joined(separator: "\n"))
    }

    func testADropdownOfNamesAfterTheArticleDoesNotJoinIt() throws {
        // A country picker flattened to one long line: long, with a comma or two, but a menu.
        let countries = "Country Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahamas Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Botswana Brazil Bulgaria Burundi Cambodia Cameroon Canada Chile China Colombia Comoros Congo, Democratic Republic Congo, Republic Costa Rica Croatia Cuba Cyprus"
        let page = (menu + [""] + article + [""] + [countries] + footer).joined(separator: "\n")
        let result = try clean(page, rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertEqual(result.text, article.joined(separator: "\n"))
    }

    func testAListTheArticleIntroducesStaysInItsRun() throws {
        // A sentence ending in a colon introduces the article's own list: its short items do not
        // cut the article in two. The same items without the sentence are chrome.
        let items = ["LAI 205 Child Development", "LAI 414 Language and Writing", "LAI 416 Early Childhood Theory", "CEP 401 Counseling", "CEP 404 Rehabilitation", "CEP 453 Substance Abuse"]
        let closing = ["Students who complete three of these courses may count them towards the initial certificate later, the faculty said in its guide for the coming year.", "The minor is open to students of every major who apply before the end of their second year and meet the grade requirement of the faculty."]
        let introduced = article + ["", "At least three courses are chosen from the following electives:", ""] + items + [""] + closing
        let result = try clean((menu + [""] + introduced + [""] + footer).joined(separator: "\n"), rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertEqual(result.text, introduced.joined(separator: "\n"))
        // The list may follow in the introducing line's own block, up to the next line of prose.
        let inBlock = article + ["", "The overall rankings of the routes were as follows:"] + items + closing
        let kept = try clean((menu + [""] + inBlock + [""] + footer).joined(separator: "\n"), rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertEqual(kept.text, inBlock.joined(separator: "\n"))
        // A form's field ends in a colon too, but is no sentence.
        XCTAssertFalse(MainText.introducesList("Posted: Wed Feb 02, 2005 10:59 pm Post subject:"))
        let bare = article + [""] + items + [""] + closing
        let cut = try clean((menu + [""] + bare + [""] + footer).joined(separator: "\n"), rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertFalse(cut.text.contains("CEP 404"))
    }

    func testATableInsideTheArticleDoesNotCutOffItsFirstPart() throws {
        // A table of short rows between the article's first paragraphs and the rest: each row
        // costs as a menu item, and the rows outweigh the paragraphs before them. Its last column
        // repeats a few values (who owns each screen, "?" for no one yet), which a menu's items
        // do not: the run is carried back across it to the article's first part.
        let first = [
            "Release plan for the coming version",
            "This week was the time to close and finish all the things that will go into the coming release, and most of them are done now.",
            "Not all of the things that we planned were finished, but we decided to release what we have and to polish the rest in smaller updates after it.",
            "If the testing goes well, we will say so next Friday, and the release will follow in the week after that for everyone who wants to try it.",
            "Several screens of the new interface are finished, and the table shows who is working on each of those that are not.",
        ]
        let owners = ["Anna", "Boris", "Chen", "?"]
        let screens = ["Load map", "Save map", "Graphics settings", "Sound settings", "Map generator", "Quick bar", "Train window", "Technology tree", "Blueprint library", "Shortcut bar", "Character screen", "Help overlay", "Mod manager", "Item tooltip", "Chat selector", "New game", "Main menu", "Recipe browser"]
        let table = ["Screen Owner State"] + screens.enumerated().map { index, screen in "\(screen) \(owners[index % owners.count])" }
        let rest = [
            "The blueprint library changes have been split into several steps, since there was a big discussion about how it should work and we did not want to delay the release for all of it.",
            "The change that is already working for the release is the ability to put blueprints and books into the library from the inventory and to take them back out again without losing their settings.",
            "Other changes to the library will follow soon after the release: folders of blueprints, a search box and a way to sort them by name or by the date on which they were made.",
            "We will also allow switching between a grid and a list view, which mainly gives a way to see the names of the blueprints at a glance when there are many of them in a book.",
            "The last big change is to allow books inside books, for better organisation of large collections, which players have asked for since the library first came out years ago.",
            "As always, let us know what you think on our forum, and thank you to everyone who sent us their ideas and their bug reports over the past months of testing.",
        ]
        let story = first + table + rest
        let result = try clean((menu + [""] + story + [""] + footer).joined(separator: "\n"), rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertEqual(result.text, story.joined(separator: "\n"))
        // The same block as a menu, each item different: the article is cut after it.
        let items = screens.map { "\($0) page" }.enumerated().map { index, item in "\(item) \(index)" }
        let menuBetween = first + items + rest
        let cut = try clean((menu + [""] + menuBetween + [""] + footer).joined(separator: "\n"), rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertFalse(cut.text.contains(first[1]))
        XCTAssertTrue(InArticleTable.isTable(table.map { Optional($0) }[...]))
        XCTAssertFalse(InArticleTable.isTable(items.map { Optional($0) }[...]))
        // A menu held twice (a page's menu for small screens after its menu for large ones):
        // each item's last word comes back, but with the same row, not in another.
        let categories = ["Breast Cancer", "Colorectal Cancer", "Men's Health", "Women's Health", "Heart Disease", "Sleep Medicine", "Bones / Orthopedics", "Nutrition / Diet"]
        XCTAssertFalse(InArticleTable.isTable((categories + ["All categories"] + categories).map { Optional($0) }[...]))
    }

    func testANumberedTableStaysInTheArticle() throws {
        // A table's rows, one a line, numbered in order: long lines with no sentence end, each
        // costed as chrome on its own, but written to one pattern, which menus are not.
        let rows = (1...9).map { "\($0) Tesco Finest Salmon Terrine 120g Chilled Pate Up to and including Use by 2\($0) May 2005" }
        let closing = ["The affected foods are being withdrawn from sale by the companies concerned, and the list will be updated as the agency learns of further products.", "Anyone who has one of these foods at home can take it back to the shop where it was bought for a full refund, the agency said."]
        let story = article + [""] + rows + [""] + closing
        let result = try clean((menu + [""] + story + [""] + footer).joined(separator: "\n"), rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertEqual(result.text, story.joined(separator: "\n"))
        // The same rows unnumbered cost as chrome: the article is cut at them.
        let unnumbered = article + [""] + rows.map { String($0.drop(while: { $0 != " " }).dropFirst()) } + [""] + closing
        let cut = try clean((menu + [""] + unnumbered + [""] + footer).joined(separator: "\n"), rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertNotEqual(cut.text, unnumbered.joined(separator: "\n"))
        XCTAssertEqual(NumberedRows.leadingNumber("12. Title"), 12)
        XCTAssertEqual(NumberedRows.leadingNumber("3) Title"), 3)
        XCTAssertNil(NumberedRows.leadingNumber("2019 Title"))
        XCTAssertNil(NumberedRows.leadingNumber("12 34"))
    }

    func testTheArticleUnderThePagesHeadlineOutweighsACookieNotice() throws {
        // The page's title names the headline; the short review under it is the article, though
        // the cookie notice at the page's foot is more prose.
        let title = "Clymer workshop manual for the CBR600 review | Example Bikes"
        let review = [
            "Clymer workshop manual for the CBR600 review",
            "I have worked on my own bikes since I was seventeen, but this is the first time I have had a proper manual for one, and it shows on every page. I was wary of the title at first, since it names one model, but the book covers the whole family of engines and frames.",
            "Advert",
            "The book covers every job from changing the oil to rebuilding the forks, with clear photographs of each step and the torque settings you need. Each chapter opens with the tools it takes, so you know before you start whether the job is one for a Saturday at home.",
            "At this price it pays for itself the first time you do a service at home instead of at the dealer, and it will last as long as the bike does. Working on your own bike can be rewarding, and this manual makes it easier than any I have used before, as long as the bike does.",
        ]
        let cookies = [
            "This website uses cookies to improve your experience while you navigate through the website, and some of them are stored in your browser as they are essential.",
            "We also use third-party cookies that help us analyse and understand how you use this website, and these are stored in your browser only with your consent.",
            "Necessary cookies are absolutely essential for the website to function properly, and this category only includes cookies that ensure basic functionalities.",
            "Any cookies that may not be particularly necessary for the website to function and are used to collect personal data via analytics or ads are non-necessary.",
            "You also have the option to opt out of these cookies, but opting out of some of them may have an effect on your browsing experience on this website.",
        ]
        // The page's links between them: the notice is no part of the article's run.
        let links = footer + menu
        let page = ([title, ""] + menu + [""] + review + [""] + links + [""] + cookies).joined(separator: "\n")
        let result = try clean(page, rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertTrue(result.text.contains("I have worked on my own bikes"))
        XCTAssertTrue(result.text.contains("any I have used before"))
        XCTAssertFalse(result.text.contains("cookies"))
        // Without the title, nothing names the article: the heavier notice wins.
        let untitled = try clean((menu + [""] + review + [""] + links + [""] + cookies).joined(separator: "\n"), rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertTrue(untitled.text.contains("cookies"))
        XCTAssertTrue(PageTitle.isHeadline(PageTitle.words(of: review[0]), of: PageTitle.words(of: title)))
        XCTAssertFalse(PageTitle.isHeadline(PageTitle.words(of: title), of: PageTitle.words(of: title)))
    }

    func testProseBeforeALongBoxInTheArticleStaysWithIt() throws {
        // A "most read" box of headlines between the article's first paragraphs and the
        // rest: the stretch of chrome costs more than the paragraphs before it weigh, but they read
        // as the run after it does, and are won back.
        let first = [
            "A hunter who killed and ate a wild rabbit has been taken to hospital with a rare infection, health officials in the region said on Monday evening.",
            "He is the third resident of the city to contract the disease this month, and officials said the risk of it spreading further remained very low.",
            "Health officials said that the people in close contact with the hunter were quarantined at first, to stop the infection from spreading to others.",
            "He was admitted to hospital on Saturday, where he has been given several kinds of antibiotics, and doctors said his condition was now stable.",
            "The man told doctors that he had eaten the rabbit's meat at his home in the hills on the fifth of the month, a week before he fell ill with a fever.",
            "The last major outbreak in the country was in 2009, when several people died in a small town in the west and the town was closed for many days.",
        ]
        let box = ["Most read in world news", "Mayor opens new bridge over the river after years of delays", "Council votes to keep the old library open on Sundays", "Storm brings down trees across the northern suburbs overnight", "Police appeal for witnesses after a crash on the ring road", "School wins national award for its science teaching programme", "Zoo welcomes the first panda cub born in the country", "Airport to close its oldest terminal next spring for works"]
        let second = [
            "The disease is caused by bacteria usually found in small mammals and their fleas, and people who catch it often fall ill within a week of infection.",
            "Symptoms include a sudden fever, chills, aches in the head and body, and weakness, and it can be treated with common antibiotics if caught early.",
            "It was responsible for widespread pandemics with high mortality in the past, but cases are now rare and most patients recover fully with treatment.",
            "From 2010 to 2015 there were a few thousand cases reported worldwide, health officials said, most of them in remote areas far from any hospital.",
            "Those who catch the bubonic form develop painful swollen lymph nodes, which can turn into open sores if the infection is left without treatment.",
            "The disease passes between animals and people by the bite of infected fleas, by direct contact with infected tissue, and by breathing droplets.",
            "Untreated, the pneumonic form is always fatal, the health organisation says, but it is rare, and it is easily treated if it is caught early on.",
            "Nowadays most patients are treated with antibiotics within days, and officials said the hunter's family had been given medicine as a precaution.",
        ]
        let page = (menu + [""] + first + box + second + [""] + footer).joined(separator: "\n")
        let result = try clean(page, rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertTrue(result.text.hasPrefix(first[0]))
        XCTAssertTrue(result.text.hasSuffix(second[7]))
        // Short lines before a long box are no prose of the run's: they stay out.
        let shortLines = ["Sign up to our newsletter.", "Follow us online today.", "Read our privacy notice.", "Contact our newsroom now."]
        let chrome = try clean((menu + [""] + shortLines + box + second + [""] + footer).joined(separator: "\n"), rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertFalse(chrome.text.contains("newsletter"))
    }

    func testLongerProseBeforeABoxInTheArticleIsWonBack() throws {
        // The article's first sections, in long paragraphs, then a box of headlines, then its
        // shorter closing paragraphs, which outweigh the first ones: the run is the closing part.
        // Prose longer than the run's is no site's blurb, and is won back across the box.
        let sections = (1...5).map { index in
            "Section \(index): the first trials of the new treatment ran for two years in four hospitals, and the doctors who led them said the results "
                + "were better than any they had seen in their careers, with fewer side effects, shorter stays on the wards and patients back at work "
                + "within weeks rather than the months that the old treatment took."
        }
        let box = ["Most read in health news"] + (1...11).map { "Headline number \($0) about another story on the same site today" }
        let closing = (1...16).map { "Part \($0): the health service said the treatment would be offered in every region from next spring, once nurses had been trained." }
        let rules = ["global": "main_text(navigation): yes\n"]
        let result = try clean((menu + [""] + sections + box + closing + [""] + footer).joined(separator: "\n"), rules: rules)
        XCTAssertTrue(result.text.hasPrefix(sections[0]))
        XCTAssertTrue(result.text.hasSuffix(closing[15]))
        // Notices shorter than the run's paragraphs before the same box stay out, and so does the
        // box but for its last line, taken for the closing part's headline.
        let notices = (1...8).map { "Notice \($0): our offices are closed on public holidays." }
        let noticed = try clean((menu + [""] + notices + box + closing + [""] + footer).joined(separator: "\n"), rules: rules)
        XCTAssertFalse(noticed.text.contains("Notice"))
        XCTAssertFalse(noticed.text.contains("Headline number 10"))
        XCTAssertTrue(noticed.text.hasSuffix(closing[15]))
    }

    func testAChartsNumbersDoNotCutTheArticleInTwo() throws {
        // A chart flattened to text: its labels are numbers alone, one a line. They weigh neither
        // for nor against the article, so its paragraphs on both sides stay one run.
        let chart = ["$915", "600", "300", "$263", "0", "2017", "2018", "2019", "2020", "2021", "2022", "12%"]
        let closing = ["The deficit is soaring now as the economy grows, which means the borrowing adds to demand at a time when the economy needs it least, economists said.", "Debt as a share of the economy tends to rise in recessions and fall in recoveries, but this time it is rising while unemployment is low."]
        let story = article + [""] + chart + [""] + closing
        let result = try clean((menu + [""] + story + [""] + footer).joined(separator: "\n"), rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertEqual(result.text, story.joined(separator: "\n"))
        XCTAssertTrue(MainText.isNumberCell("€1.234,50"))
        XCTAssertFalse(MainText.isNumberCell("Page 2"))
        XCTAssertFalse(MainText.isNumberCell(""))
    }

    func testNameListsAreToldFromProseCastsAndShouting() {
        XCTAssertTrue(MainText.isNameList("Home News World Business Sport Culture Opinion Video Weather Sign In Subscribe Newsletters Travel Money Cars Jobs Property Dating Puzzles Crosswords Obituaries Horoscopes Podcasts Events Shop"))
        // German capitalises its nouns, but not most of its words.
        XCTAssertFalse(MainText.isNameList("Die Stadt hat am Montag drei neue Nachtbuslinien eröffnet, die den Hauptbahnhof bis vier Uhr morgens mit den östlichen Vororten verbinden, teilte die Verkehrsbehörde mit."))
        // A cast list sets its names apart with commas; a line in capitals is shouted prose.
        XCTAssertFalse(MainText.isNameList("Cast: Robert De Niro, John Doman, Eliza Dushku, George Dzundza, William Forsythe, James Franco, Patti LuPone, Frances McDormand, Anson Mount, Nestor Serrano"))
        XCTAssertFalse(MainText.isNameList("UPDATE! LITTLE JOHNNY IS RECOVERING NICELY FROM HIS SURGERY AND IS RUNNING AND PLAYING ON HIS THREE GOOD LEGS AND SENDS HIS LOVE TO ALL WHO HELPED HIM"))
        // Scripts without case never match.
        // Names set apart by no-break or ideographic spaces are a list all the same.
        let menu = "Home News World Business Sport Culture Opinion Video Weather Sign In Subscribe Newsletters Travel Money Cars Jobs Property Dating Puzzles Crosswords Obituaries Horoscopes Podcasts Events Shop"
        XCTAssertTrue(MainText.isNameList(menu.replacingOccurrences(of: " ", with: "\u{00A0}")))
        XCTAssertTrue(MainText.isNameList(menu.replacingOccurrences(of: " ", with: "\u{3000}")))
        XCTAssertFalse(MainText.mayBeNameList("Die Stadt hat am Montag drei neue Nachtbuslinien eröffnet, die den Hauptbahnhof bis vier Uhr morgens mit den östlichen Vororten verbinden, teilte die Verkehrsbehörde mit."))
        XCTAssertFalse(MainText.isNameList("東京 大阪 名古屋 札幌 福岡 神戸 京都 横浜 川崎 さいたま 広島 仙台 千葉 北九州 堺 新潟 浜松 熊本 相模原 岡山 静岡 鹿児島 八王子 姫路 宇都宮 松山"))
    }

    func testHTMLIsLeftToTheDOMExtraction() throws {
        let html = "<html><body>" + menu.map { "<p>\($0)</p>" }.joined() + "<p>A short page.</p></body></html>"
        let result = try clean(html, rules: ["global": "main_text(navigation): yes\n"])
        XCTAssertTrue(result.text.contains("Home"))
    }

    func testWrappedProseIsWeighedAsOneParagraph() {
        let wrapped = ["The meeting was held in the border village of Panmunjom and was", "designed to follow on from an inter-Korean summit in April at which", "leaders agreed to defuse tensions and halt all hostile acts."]
        XCTAssertTrue(MainText.isWrappedProse(wrapped))
        XCTAssertFalse(MainText.isWrappedProse(["Council votes on parking fees in the old town", "Museum reopens after two years of renovation works", "Night buses to run until four in the morning"]))
        XCTAssertTrue(MainText.isDataRow("3 Kevin Harvick 5033 4 6 15 26"))
        XCTAssertFalse(MainText.isDataRow("Terms of use"))
    }
}
