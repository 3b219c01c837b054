#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Starts a detached POSIX thread with the stack libxml2 needs, in place of Foundation's `Thread`
/// (FoundationEssentials has none). The caller waits for the body's end by its own means.
public enum WorkerThread {
    /// The main thread's stack size: libxml2 recurses on deeply nested pages, on any thread.
    public static let stackSize = 8 << 20

    private final class Body: Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Runs `body` on a new thread. When the system
    /// cannot create one (threads or memory exhausted) the process stops with a message and exit
    /// status 1: waiting for a thread that never runs would hang the run.
    public static func start(_ body: @escaping @Sendable () -> Void) {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        let box = Unmanaged.passRetained(Body(body))
        var thread = pthread_t()
        let created = pthread_create(&thread, &attributes, { context in
            guard let context else { return nil }
            let body = Unmanaged<Body>.fromOpaque(context).takeRetainedValue()
            body.run()
            return nil
        }, box.toOpaque())
        guard created == 0 else {
            box.release()
            var message = "clean: cannot start a thread: \(String(cString: strerror(created)))\n"
            message.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
            exit(1)
        }
    }
}
