import Cleaner

/// `clean --warc FILE...`: every `response` record with an HTML payload becomes a JSON line, as
/// with `--jsonl` (`id` is the WARC-Record-ID, `url` the WARC-Target-URI), in file order.
enum WARCRun {
    static func run(_ files: [String], cleaner: Cleaner, options: CleanOptions, jobs: Int) -> Int32 {
        let sink = OutputSink()
        let tally = Tally()
        let workers = OrderedWorkers<WARCReader.Response, RecordCleaner.Output>(
            jobs: jobs,
            work: { response in response.clean(with: cleaner, options: options) },
            deliver: { output, moreReady in
                if output.failed { tally.fail() }
                sink.write(output.line, flushNow: !moreReady)
            })
        for path in InputSources.of(files) {
            do {
                let reader = WARCReader(ByteReader(try FileStream.reading(path)), name: path ?? "-")
                while let response = try reader.next() {
                    workers.submit(response)
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
