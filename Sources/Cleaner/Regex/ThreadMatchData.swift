internal import CPCRE2

#if canImport(Glibc)
import Glibc
#endif

/// One PCRE2 match data block per thread, made on the thread's first match and freed when the
/// thread ends: patterns are shared by all threads, their match data cannot be.
final class ThreadMatchData {
    let pointer: OpaquePointer

    private init?() {
        // One pair: the offsets of the whole match, all that callers read.
        guard let pointer = pcre2_match_data_create_8(1, nil) else { return nil }
        self.pointer = pointer
    }

    deinit {
        pcre2_match_data_free_8(pointer)
    }

    /// The key's destructor releases the thread's block when the thread exits.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { raw in
            guard let raw else { return }
            Unmanaged<ThreadMatchData>.fromOpaque(raw).release()
        }
        return key
    }()

    static func current() -> OpaquePointer? {
        if let raw = pthread_getspecific(key) {
            return Unmanaged<ThreadMatchData>.fromOpaque(raw).takeUnretainedValue().pointer
        }
        guard let data = ThreadMatchData() else { return nil }
        pthread_setspecific(key, Unmanaged.passRetained(data).toOpaque())
        return data.pointer
    }
}
