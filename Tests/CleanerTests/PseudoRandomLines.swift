/// Lines of many lengths joined from `pieces`, in a fixed pseudo-random order (a linear
/// congruential generator from `seed`): the same lines on every run.
func pseudoRandomLines(from pieces: [String], seed: UInt64, count: Int, maxWords: Int, separator: (UInt64) -> String) -> [String] {
    var state = seed
    var lines: [String] = []
    for _ in 0..<count {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        let words = Int(state >> 33) % maxWords + 1
        var line: [String] = []
        for _ in 0..<words {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            line.append(pieces[Int(state >> 33) % pieces.count])
        }
        state = state &* 6364136223846793005 &+ 1442695040888963407
        lines.append(line.joined(separator: separator(state)))
    }
    return lines
}

/// Numbers below a bound in a fixed pseudo-random order (the same generator from `state`).
struct PseudoRandom {
    var state: UInt64

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int(state >> 33) % bound
    }
}
