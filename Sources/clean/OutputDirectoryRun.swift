import Cleaner
import FoundationEssentials

/// `clean --output-dir OUT PATH...`: each document to `OUT/<relative path>.txt` (`.json`, `.md` for
/// those formats), on `--jobs` threads.
/// A document that cannot be read is reported (in input order, whatever the threads) and the batch goes on.
enum OutputDirectoryRun {
    private enum Job: Sendable {
        case file(InputFile)
        /// A problem found while listing the inputs, reported in its place in the order.
        case problem(String)
    }

    private struct Outcome: Sendable {
        let bytes: Int
        let error: String?
    }

    static func run(_ arguments: [String], into directory: String, cleaner: Cleaner, options: CleanOptions, format: OutputFormat, jobs: Int) -> Int32 {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            Diagnostics.error("\(directory): cannot create output directory")
            return 1
        }
        var inputs = InputFiles(arguments: arguments, excluded: directory)
        inputs.outputExtension = format.fileExtension
        let progress = ProgressBar.isTerminal ? countedProgress(inputs) : nil
        let tally = Tally()
        let workers = OrderedWorkers<Job, Outcome>(
            jobs: jobs,
            work: { job in
                switch job {
                case .problem(let message): Outcome(bytes: 0, error: message)
                case .file(let file): clean(file, into: directory, cleaner: cleaner, options: options, format: format)
                }
            },
            deliver: { outcome, _ in
                if let error = outcome.error {
                    progress.map { _ in Diagnostics.write("\n") }
                    Diagnostics.error(error)
                    tally.fail()
                }
                progress?.advance(bytes: outcome.bytes)
            })
        inputs.forEach({ workers.submit(.file($0)) }, problem: { workers.submit(.problem($0)) })
        workers.finish()
        progress?.finish()
        return tally.status
    }

    private static func clean(_ file: InputFile, into directory: String, cleaner: Cleaner, options: CleanOptions, format: OutputFormat) -> Outcome {
        let bytes: [UInt8]
        do {
            bytes = try DocumentReader.read(file.path)
        } catch {
            return Outcome(bytes: 0, error: "\(error)")
        }
        let result = cleaner.clean(bytes, options: options)
        if let failure = result.failure { return Outcome(bytes: bytes.count, error: "\(file.path): \(failure)") }
        // As on standard output: the text and a final newline; an empty file when nothing is kept.
        let output = result.fileBytes(format)
        let path = FilePaths.join(directory, file.outputName + "." + format.fileExtension)
        do {
            try FileIO.write(output, toFile: path)
        } catch {
            return Outcome(bytes: bytes.count, error: "\(path): cannot write (\(error))")
        }
        return Outcome(bytes: bytes.count, error: nil)
    }

    /// The progress bar's totals: a listing pass before the real one, only when someone watches.
    private static func countedProgress(_ inputs: InputFiles) -> ProgressBar? {
        var documents = 0
        var bytes = 0
        inputs.forEach({ file in
            documents += 1
            bytes += (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        }, problem: { _ in documents += 1 })
        return ProgressBar.forTerminal(documents: documents, bytes: bytes)
    }
}
