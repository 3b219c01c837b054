import Cleaner

/// The JSON Lines output promise: each output is one line (ending in, and holding no other, newline),
/// valid UTF-8, a JSON object.
public enum RecordCheck {
    public static func verify(_ output: RecordCleaner.Output) {
        let line = output.line
        guard line.last == 0x0A, line.dropLast().firstIndex(of: 0x0A) == nil else { fatalError("output is not one line") }
        guard String(validating: line, as: UTF8.self) != nil else { fatalError("output line is not valid UTF-8") }
        do {
            guard case .object = try JSONParser.parse(Array(line.dropLast())) else { fatalError("output line is not a JSON object") }
        } catch {
            fatalError("output line is not JSON: \(error)")
        }
    }
}
