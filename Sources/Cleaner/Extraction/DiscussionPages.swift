/// A page whose readers' comments are its content: a post that only opens a discussion (a
/// question put to readers, a short note under dozens of replies) is a small part of what the
/// page says, and a reader comes for the replies. There the comment sections are kept after the
/// post, as `--comments` keeps them; under an article they are boilerplate and go. Lengths are
/// counted in characters, so the test reads the same in every language and script.
enum DiscussionPages {
    static func isDiscussion(post: Int, comments: Int) -> Bool {
        comments > 0 && Double(comments) >= Double(max(post, 1)) * ExtractionTables.minDiscussionCommentsToPost
    }
}
