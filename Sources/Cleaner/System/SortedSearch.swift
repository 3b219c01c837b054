extension Array {
    /// The first index whose element's key is `key` or more, in an array sorted by that key
    /// (binary search; `count` when every key is below).
    func lowerBound<Key: Comparable>(of key: Key, by keyOf: (Element) -> Key) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if keyOf(self[middle]) < key { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
