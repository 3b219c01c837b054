/// The metric of the bench's `score.py`, to the last bit: per-document bag-of-words P, R and F1
/// against gold, their means over the set and per page type, and snippet counts.
public enum Scorer {
    /// - Parameters:
    ///   - goldIDs: the documents with gold text, sorted (`DataSetFiles.ids`).
    ///   - gold: a document's gold text.
    ///   - prediction: a document's output (empty when there is none).
    ///   - types: page type by id, for the per-type table (an id without one is `other`).
    ///   - snippets: checks, also of pages without gold (they count in the snippet score only).
    public static func score(
        goldIDs: [String],
        gold: @Sendable (String) -> String,
        prediction: @Sendable (String) -> String,
        types: [String: String]? = nil,
        snippets: [SnippetCheck]? = nil,
        jobs: Int = 1
    ) -> EvalReport {
        let documents = Parallel.map(goldIDs.count, jobs: jobs) { index in
            let id = goldIDs[index]
            return DocumentScore(id: id, gold: TokenBag(gold(id)), prediction: TokenBag(prediction(id)))
        }
        var report = EvalReport(documents: documents)
        if let types {
            var byType: [String: [DocumentScore]] = [:]
            for document in documents { byType[types[document.id] ?? "other", default: []].append(document) }
            report.byType = byType.mapValues(ScoreSummary.init)
        }
        if let snippets {
            let pages = Parallel.map(snippets.count, jobs: jobs) { index in
                var score = SnippetScore()
                score.add(snippets[index], output: prediction(snippets[index].id))
                return score
            }
            report.snippets = pages.reduce(into: SnippetScore()) { total, page in
                total.tp += page.tp
                total.fn += page.fn
                total.fp += page.fp
                total.tn += page.tn
            }
        }
        return report
    }
}
