/// A plain-text scrape whose list of comments or replies is its content: a short post (a question
/// put to readers, a note) under dozens of replies. `drop_from_repeated` removes a list of
/// comments under an article; on such a thread it would leave only the post, so the list stays,
/// as an HTML page's comment sections stay on a discussion page (`DiscussionPages`, with the same
/// share). Lengths are counted in Unicode scalars, alike in every script, over the lines still
/// kept: before the list's first header, and from it on.
enum ThreadPages {
    static func isThread(_ document: Document, listFrom start: Int) -> Bool {
        var post = 0
        var replies = 0
        for (index, block) in document.blocks.enumerated() {
            for line in block.lines where line.isKept {
                let length = line.text.unicodeScalars.count
                if index < start { post += length } else { replies += length }
            }
        }
        return DiscussionPages.isDiscussion(post: post, comments: replies)
    }
}
