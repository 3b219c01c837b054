import Cleaner
import FoundationEssentials

/// The table `clean bench` prints (Markdown, so it can go into the README as it is).
struct Report {
    let corpus: Corpus
    /// Size and number of the documents read as HTML: the bare parse's input.
    let htmlBytes: Int
    let htmlCount: Int
    let jobs: Int
    let rounds: Int
    let best: [Row.Kind: Stopwatch.Timing]
    let probe: BatchProbe.Result?
    let peakRSS: Int

    var text: String {
        let count = corpus.documents.count
        var output = "clean bench: \(count) documents (\(htmlCount) HTML), \(megabytes(corpus.bytes)) MB; best of \(rounds) rounds\n"
        output += "machine: \(Machine.description); libxml2 \(ParseFloor.libxml2Version)\n\n"
        output += "| run | jobs | MB/s | docs/s | ms/doc | CPU ms/doc |\n|---|---:|---:|---:|---:|---:|\n"
        var kinds: [Row.Kind] = [.parse(jobs: 1), .pipeline(jobs: 1), .htmlPipeline(jobs: 1)]
        if jobs > 1 { kinds += [.parse(jobs: jobs), .pipeline(jobs: jobs), .htmlPipeline(jobs: jobs)] }
        for kind in kinds {
            guard let timing = best[kind] else { continue }
            let htmlOnly = kind.isHTMLOnly
            output += row(name(kind), jobs: kind.jobs, wall: timing.wall, cpu: timing.cpu,
                          count: htmlOnly ? htmlCount : count, bytes: htmlOnly ? htmlBytes : corpus.bytes)
        }
        if let probe {
            output += row("`clean --output-dir` (child process: read, clean, write)", jobs: jobs, wall: probe.wall, cpu: nil, count: count, bytes: corpus.bytes)
        }
        output += "\n"
        // The ratio compares the pipeline with the bare parse on the same documents.
        let mixed = best[.htmlPipeline(jobs: 1)] != nil
        let on = mixed ? " (the \(htmlCount) HTML documents)" : ""
        for threads in jobs > 1 ? [1, jobs] : [1] {
            let pipelineKind: Row.Kind = mixed ? .htmlPipeline(jobs: threads) : .pipeline(jobs: threads)
            guard let parse = best[.parse(jobs: threads)], let pipeline = best[pipelineKind] else { continue }
            let cpu = threads == 1 ? ", \(ratio(parse.cpu, pipeline.cpu)) (CPU)" : ""
            output += "pipeline / bare parse, \(threads) job\(threads == 1 ? "" : "s")\(on): \(ratio(parse.wall, pipeline.wall)) (wall)\(cpu)\n"
        }
        if jobs > 1, let one = best[.pipeline(jobs: 1)], let many = best[.pipeline(jobs: jobs)] {
            output += "pipeline, \(jobs) jobs / 1 job: \(ratio(one.wall, many.wall))\n"
        }
        if let probe {
            output += "peak RSS: `clean --output-dir` \(megabytes(probe.peakRSS)) MB"
            output += probe.status == 0 ? "" : " (exit status \(probe.status))"
            output += "; this process \(megabytes(peakRSS)) MB, corpus in memory included\n"
        } else {
            output += "peak RSS: this process \(megabytes(peakRSS)) MB, corpus in memory included\n"
        }
        return output
    }

    private func name(_ kind: Row.Kind) -> String {
        switch kind {
        case .parse: htmlCount < corpus.documents.count ? "libxml2 bare parse (`htmlReadMemory` + free), HTML documents only" : "libxml2 bare parse (`htmlReadMemory` + free)"
        case .pipeline: "full pipeline"
        case .htmlPipeline: "full pipeline, HTML documents only"
        }
    }

    private func row(_ name: String, jobs: Int, wall: Double, cpu: Double?, count: Int, bytes: Int) -> String {
        let count = Double(count)
        let cpuText = cpu.map { formatted("%.3f", $0 * 1000 / count) } ?? "-"
        return "| \(name) | \(jobs) | \(formatted("%.1f", Double(bytes) / 1e6 / wall)) | \(formatted("%.0f", count / wall)) | \(formatted("%.3f", wall * 1000 / count)) | \(cpuText) |\n"
    }

    /// Throughput of the second run relative to the first, from their times.
    private func ratio(_ reference: Double, _ measured: Double) -> String {
        formatted("%.2f", reference / measured)
    }

    private func megabytes(_ bytes: Int) -> String {
        formatted("%.1f", Double(bytes) / 1e6)
    }
}

extension Row.Kind {
    var jobs: Int {
        switch self {
        case .parse(let jobs), .pipeline(let jobs), .htmlPipeline(let jobs): jobs
        }
    }

    /// The row times the HTML documents only.
    var isHTMLOnly: Bool {
        switch self {
        case .parse, .htmlPipeline: true
        case .pipeline: false
        }
    }
}

extension RuleOptions {
    /// The same rule options, as arguments for a child `clean`.
    var arguments: [String] {
        (noBuiltinRules ? ["--no-builtin-rules"] : []) + directories.flatMap { ["--rules", $0] }
            + lenientDirectories.flatMap { ["--rules-lenient", $0] }
    }
}

/// What the figures were measured on.
enum Machine {
    static var description: String {
        let cpuInfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuInfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { String($0.drop { $0 == " " || $0 == "\t" }) } ?? "unknown CPU"
        return "\(model), \(ProcessInfo.processInfo.activeProcessorCount) cores"
    }
}
