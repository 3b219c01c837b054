import Cleaner

/// `clean --jsonl [FILE...]`: one JSON object a line in, one a line out, in input order, on
/// `--jobs` threads. Streams: a bounded number of records in memory, each written as soon as it
/// and those before it are done. Exit status 1 when some record carries an `error`.
enum JSONLinesRun {
    /// A line longer than this becomes an `error` record instead of filling the memory.
    static let maxLine = 64 << 20

    static func run(_ files: [String], cleaner: Cleaner, options: CleanOptions, jobs: Int) -> Int32 {
        let sink = OutputSink()
        let tally = Tally()
        let workers = OrderedWorkers<ByteReader.Line, RecordCleaner.Output>(
            jobs: jobs,
            work: { line in
                switch line {
                case .line(let bytes):
                    RecordCleaner.clean(line: bytes, with: cleaner, options: options)
                case .tooLong(let length):
                    RecordCleaner.failure(id: nil, url: nil, "line of \(length) bytes is longer than \(maxLine >> 20) MiB")
                }
            },
            deliver: { output, moreReady in
                if output.failed { tally.fail() }
                sink.write(output.line, flushNow: !moreReady)
            })
        for path in InputSources.of(files) {
            do {
                let reader = ByteReader(try FileStream.reading(path))
                while let line = try reader.readLine(limit: maxLine) {
                    workers.submit(line)
                }
            } catch {
                Diagnostics.error("\(error)")
                tally.fail()
            }
        }
        workers.finish()
        sink.flush()
        return tally.status
    }
}
