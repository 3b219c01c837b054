/// `--explain --format html`: one self-contained page (inline CSS, no scripts, no external assets)
/// showing each document in order. Kept blocks are plain text; removed ones are struck through on
/// their category's colour, with the rule (`file:line directive`) or heuristic (name and score)
/// that removed them. A summary on top counts blocks and words kept and removed per group.
public enum HTMLExplainWriter {
    public static func page(_ documents: [(name: String, result: CleanResult)]) -> String {
        let prepared = documents.map { document in
            let entries = ExplainEntry.entries(of: document.result.document)
            return (document.name, document.result, entries, ExplainSummary(entries))
        }
        let colours = ReportPalette.colours(for: prepared.flatMap { $0.3.groups })
        let title = documents.count == 1 ? "clean --explain: \(documents[0].name)" : "clean --explain: \(documents.count) documents"
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLEscape.escape(title))</title>
            <style>
            \(style(colours))</style>
            </head>
            <body>
            <h1>clean --explain</h1>

            """
        for (name, result, entries, summary) in prepared {
            html += section(name: name, result: result, entries: entries, summary: summary)
        }
        html += "</body>\n</html>\n"
        return html
    }

    private static func style(_ colours: [String: String]) -> String {
        var css = """
            body { font: 16px/1.5 Georgia, "DejaVu Serif", serif; color: #1d1d1d; background: #fff; max-width: 60em; margin: 1.5em auto; padding: 0 1em; }
            h1 { font: 600 1.1em system-ui, "DejaVu Sans", sans-serif; color: #555; margin: 0 0 .5em; }
            h2 { font: 600 1.4em system-ui, "DejaVu Sans", sans-serif; margin: 1em 0 .2em; word-break: break-all; }
            .facts, .totals { font: .9em system-ui, "DejaVu Sans", sans-serif; color: #444; margin: .2em 0; }
            table.summary { border-collapse: collapse; font: .9em system-ui, "DejaVu Sans", sans-serif; margin: .8em 0 1.2em; }
            table.summary th, table.summary td { padding: .2em .8em; border-bottom: 1px solid #e4e4e4; text-align: right; }
            table.summary th:first-child { text-align: left; font-weight: normal; }
            table.summary tr.total th, table.summary tr.total td { font-weight: 600; border-top: 1px solid #999; }
            ol.entries { list-style: none; padding: 0; margin: 0; }
            ol.entries > li { margin: 0 0 .6em; padding: .15em .5em; border-left: 3px solid #2e7d32; }
            ol.entries > li.gone { border-left-color: #b0b0b0; }
            .kind { float: right; font: .75em system-ui, "DejaVu Sans", sans-serif; color: #888; margin-left: 1em; }
            .line { margin: 0; }
            .line.h { font-weight: 600; }
            .removed { padding: .1em .3em; border-radius: 3px; }
            .removed del { text-decoration: line-through; text-decoration-thickness: 1px; color: #3a3a3a; }
            .why { display: block; font: .78em system-ui, "DejaVu Sans", sans-serif; color: #333; }
            .swatch { display: inline-block; width: .9em; height: .9em; border-radius: 2px; margin-right: .4em; vertical-align: -.1em; border: 1px solid #0002; }

            """
        for (group, colour) in colours.sorted(by: { $0.key < $1.key }) {
            css += ".g-\(className(group)) { background: \(colour); }\n"
        }
        return css
    }

    private static func section(name: String, result: CleanResult, entries: [ExplainEntry], summary: ExplainSummary) -> String {
        let metadata = result.document.metadata
        var facts = ["input: \(result.inputKind.rawValue)", "site: \(result.site ?? "none")"]
        if let title = metadata.title { facts.append("title: \(title)") }
        if let url = metadata.url { facts.append("url: \(url)") }
        let removed = summary.removedTotal
        var html = """
            <section class="document">
            <h2>\(HTMLEscape.escape(name))</h2>
            <p class="facts">\(HTMLEscape.escape(facts.joined(separator: " · ")))</p>
            <p class="totals">Kept \(counted(summary.kept.blocks, "block")) (\(counted(summary.kept.words, "word"))); removed \(counted(removed.blocks, "block")) (\(counted(removed.words, "word"))).</p>
            <table class="summary">
            <tr><th>category</th><th>blocks</th><th>words</th></tr>
            <tr><th><span class="swatch" style="background:#fff"></span>kept</th><td>\(summary.kept.blocks)</td><td>\(summary.kept.words)</td></tr>

            """
        for group in summary.groups {
            let counts = summary.removed[group] ?? ExplainSummary.Count()
            html += "<tr><th><span class=\"swatch g-\(className(group))\"></span>\(HTMLEscape.escape(group))</th><td>\(counts.blocks)</td><td>\(counts.words)</td></tr>\n"
        }
        html += "<tr class=\"total\"><th>removed</th><td>\(removed.blocks)</td><td>\(removed.words)</td></tr>\n</table>\n<ol class=\"entries\">\n"
        for entry in entries { html += item(entry) }
        html += "</ol>\n</section>\n"
        return html
    }

    private static func item(_ entry: ExplainEntry) -> String {
        let kept = entry.lines.contains(where: \.isKept)
        let label = kindLabel(entry.origin)
        let headingClass: String
        if case .block(.heading) = entry.origin { headingClass = " h" } else { headingClass = "" }
        var html = "<li class=\"\(kept ? "kept" : "gone")\"><span class=\"kind\">\(label)</span>"
        for line in entry.lines {
            let text = HTMLEscape.escape(line.text)
            if let reason = line.removedBy {
                let why = HTMLEscape.escape(explanation(reason))
                html += "<div class=\"line removed g-\(className(reason.group))\(headingClass)\"><del>\(text)</del><span class=\"why\">\(why)</span></div>"
            } else {
                html += "<p class=\"line\(headingClass)\">\(text)</p>"
            }
        }
        return html + "</li>\n"
    }

    /// `caption · Rules/global.txt:9 strip` for a rule; `prune · link density · navigation` for a
    /// heuristic: its name, its score or reason, and the category it counts as.
    private static func explanation(_ reason: RemovalReason) -> String {
        switch reason {
        case .rule(let source):
            "\(source.category.rawValue) · \(source)"
        case .heuristic(let name, let category, let detail):
            ([name] + (detail.isEmpty ? [] : [detail]) + [category.rawValue]).joined(separator: " · ")
        }
    }

    private static func kindLabel(_ origin: ExplainEntry.Origin) -> String {
        switch origin {
        case .markup: "markup"
        case .block(let kind):
            switch kind {
            case .heading(let level): "h\(level)"
            case .paragraph: "p"
            case .listItem: "li"
            case .quote: "quote"
            case .tableRow: "row"
            case .preformatted: "pre"
            }
        }
    }

    /// A CSS class name for a group: letters and digits kept, anything else a hyphen.
    static func className(_ group: String) -> String {
        String(group.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
    }

}
