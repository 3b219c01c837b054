import Cleaner
import Dispatch
import FoundationEssentials

#if canImport(Glibc)
import Glibc
#endif

/// Runs `clean --output-dir` over the corpus as a child process, as a user would: file reads,
/// cleaning and writes included, and the child's own peak RSS (the corpus is not in its memory).
enum BatchProbe {
    struct Result {
        let wall: Double
        let peakRSS: Int
        let status: Int32
    }

    static func run(arguments: [String]) -> Result? {
        let output = FilePaths.join(FileManager.default.temporaryDirectory.path, "clean-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(atPath: output) }
        let executable = "/proc/self/exe"
        let argv = [executable, "--output-dir", output] + arguments
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
        cArguments.append(nil)
        defer { for argument in cArguments { free(argument) } }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)

        let start = DispatchTime.now().uptimeNanoseconds
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, nil, cArguments, environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { return nil }
        }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // WEXITSTATUS, spelled out: the macro does not import.
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(wall: wall, peakRSS: usage.ru_maxrss * 1024, status: exitStatus)
    }
}
