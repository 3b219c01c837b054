/// Precision, recall and F1 of one document's tokens against its gold tokens.
public struct DocumentScore: Codable, Sendable, Equatable {
    public var id: String
    public var p: Double
    public var r: Double
    public var f1: Double

    public init(id: String, p: Double, r: Double, f1: Double) {
        self.id = id
        self.p = p
        self.r = r
        self.f1 = f1
    }

    /// The metric's rules for empty sides: both empty is a perfect score; an empty prediction
    /// scores 0; a prediction where the gold is empty has recall 1 (nothing was missed) and P 0.
    public init(id: String, gold: TokenBag, prediction: TokenBag) {
        self.id = id
        let goldCount = gold.total
        let predictedCount = prediction.total
        if goldCount == 0 && predictedCount == 0 {
            (p, r, f1) = (1, 1, 1)
        } else if predictedCount == 0 {
            (p, r, f1) = (0, 0, 0)
        } else if goldCount == 0 {
            (p, r, f1) = (0, 1, 0)
        } else {
            let shared = gold.overlap(with: prediction)
            p = Double(shared) / Double(predictedCount)
            r = Double(shared) / Double(goldCount)
            f1 = shared > 0 ? 2 * p * r / (p + r) : 0
        }
    }
}

/// Mean P, R and F1 over documents (F1 is the mean of the documents' F1, not the F1 of the means).
public struct ScoreSummary: Codable, Sendable, Equatable {
    public var n: Int
    public var p: Double
    public var r: Double
    public var f1: Double

    public init(_ documents: [DocumentScore]) {
        n = documents.count
        p = Self.mean(documents.map(\.p))
        r = Self.mean(documents.map(\.r))
        f1 = Self.mean(documents.map(\.f1))
    }

    /// Summed left to right, as Python's `sum` does, so the means agree to the last bit.
    static func mean(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        var sum = 0.0
        for value in values { sum += value }
        return sum / Double(values.count)
    }
}
