/// What one scoring walk asked of each node (a class or id test, a text's measure), in walk
/// order, for a later walk of the same page to read back instead of asking again. The answers
/// depend on the node alone and the tree is not changed between walks, so a read-back answer is
/// the one the test would give. A later walk visits the same nodes in the same order, with more
/// (the subtrees the first walk skipped) between them: a node that is not the next one logged is
/// asked.
struct WalkAnswers<Answer> {
    private var addresses: [UnsafeRawPointer] = []
    private var answers: [Answer] = []
    private var cursor = 0

    mutating func record(_ node: Node, _ answer: Answer) {
        addresses.append(node.address)
        answers.append(answer)
    }

    /// The logged answer for `node` when it is the next one logged.
    mutating func next(_ node: Node) -> Answer? {
        guard cursor < addresses.count, addresses[cursor] == node.address else { return nil }
        cursor += 1
        return answers[cursor - 1]
    }
}
