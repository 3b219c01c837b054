extension HTMLDocument {
    /// Characters of text under `node` as the serializer reads a page: not under elements whose
    /// content is never text (`TagTable.skipped`: scripts, styles, forms, ...), except those named
    /// `reading`, whose text is being weighed (a `<noscript>` that may hold the page).
    func visibleCharacters(under node: Node, reading exception: PackedName? = nil) -> Int {
        var characters = 0
        walk(
            from: node,
            enter: { current in
                if current.isText {
                    characters += current.textMetrics.characters
                    return .skip
                }
                guard current.isElement else { return .skip }
                let name = current.packedName
                return name == exception || !TagTable.entry(for: name).skipped ? .descend : .skip
            })
        return characters
    }
}
