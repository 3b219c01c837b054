internal import CLibXML
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// libxml2's memory while a page is cleaned: a bump allocator per thread, emptied in one step
/// when the page is done, in place of a `malloc` and a `free` for each of the tens of thousands
/// of nodes, names and strings a parse makes. It is the largest single cost of libxml2's own
/// parse after the tokenizer; cleaning pays it once per page instead of once per object.
///
/// How it stays safe:
/// - It is libxml2's allocator (`xmlMemSetup`) for the whole process, but only a thread inside
///   `scope` allocates from its arena; everything else, on any thread, goes to `malloc` as before.
/// - Arenas live in one reserved address range, so `free` of an arena block is a no-op told apart by
///   its address alone (never by reading memory), even for a stale pointer libxml2 frees late.
/// - Objects that must outlive a page (compiled XPath, libxml2's own set-up) are made `outside`.
/// - An `HTMLDocument` made in a scope counts as live in its arena; an arena with a live document
///   is never emptied: the thread moves to a fresh arena and the old one is emptied when its last
///   document goes, whichever thread frees it.
/// - Blocks of 64 KiB and more (the copy of the page, large text buffers) come from `malloc`, and so
///   does everything past an arena's 8 MiB: freed space is not reused within a page, so a huge page
///   continues in `malloc` rather than holding tens of megabytes until it is done (the median page
///   of the scrapinghub set fills 1.4 MiB, nine in ten fill less than 3.3 MiB).
/// - If the range cannot be reserved, allocation falls back to `malloc`.
enum DocumentArena {
    /// Arenas (one per thread in a scope) and the size of each: address space reserved up front,
    /// backed by memory as a page's objects first touch it, and kept for the next page.
    static let arenaCount = 64
    static let arenaSize = 8 << 20
    /// Allocations this large or larger go to `malloc`.
    static let largeBlock = 1 << 16

    /// Runs `body` with this thread's libxml2 allocations in its arena; empties the arena after.
    static func scope<R>(_ body: () -> R) -> R {
        LibXML.ensureInitialized()
        guard let state = ThreadState.current() else { return body() }
        if state.pointee.depth == 0 { state.pointee.takeArena() }
        state.pointee.depth += 1
        defer {
            state.pointee.depth -= 1
            if state.pointee.depth == 0 { state.pointee.pageDone() }
        }
        return body()
    }

    /// Runs `body` with this thread's libxml2 allocations in `malloc`, for objects that outlive a page.
    static func outside<R>(_ body: () -> R) -> R {
        guard regionStart != 0, let raw = clean_arenaState() else { return body() }
        let state = raw.assumingMemoryBound(to: ThreadState.self)
        state.pointee.suspended += 1
        defer { state.pointee.suspended -= 1 }
        return body()
    }

    /// A document was just made: if it lives in an arena, that arena now has one more live
    /// document. Returns the arena, to pass to `documentFreed`.
    static func documentCreated() -> Arena? {
        guard regionStart != 0, let raw = clean_arenaState() else { return nil }
        let state = raw.assumingMemoryBound(to: ThreadState.self)
        guard state.pointee.isAllocating, let arena = state.pointee.arena else { return nil }
        arena.liveDocuments.add(1, ordering: .relaxed)
        return arena
    }

    /// The document's memory is no longer used (it was freed, on any thread).
    static func documentFreed(_ arena: Arena?) {
        guard let arena else { return }
        if arena.liveDocuments.subtract(1, ordering: .acquiringAndReleasing).newValue == 0, arena.isRetired.load(ordering: .acquiring) {
            arena.empty()
            Pool.shared.give(arena)
        }
    }

    /// True when every block of a document made in `arena` is in the arena, so that emptying the
    /// arena frees it whole and `xmlFreeDoc` (a walk of every node that frees nothing) can be left
    /// out: asked on the thread whose arena it is, with no `malloc` block this thread's arena
    /// allocations took (`ThreadState.mallocBlocks`) still held. A document is changed only on the
    /// thread that parsed it, inside its `scope`; on any other thread this is false.
    static func holdsWholly(_ arena: Arena?) -> Bool {
        guard let arena, regionStart != 0, let raw = clean_arenaState() else { return false }
        let state = raw.assumingMemoryBound(to: ThreadState.self)
        return state.pointee.arena === arena && state.pointee.mallocBlocks.isEmpty && !state.pointee.lostMallocBlocks
    }

    /// Set to run with libxml2 on `malloc` alone: the sanitizers see each node's own allocation then
    /// (in an arena, a node freed too early still reads as valid memory until its page is done).
    static let disablingVariable = "CLEAN_NO_ARENA"

    /// Installs the allocator: must run before libxml2 allocates anything (`LibXML.ensureInitialized`).
    static func install() {
        guard getenv(disablingVariable) == nil else { return }
        var key = pthread_key_t()
        guard pthread_key_create(&key, { raw in
            // Run on the exiting thread: its allocations from here on go to `malloc`.
            clean_setArenaState(nil)
            guard let raw else { return }
            let state = raw.assumingMemoryBound(to: ThreadState.self)
            state.pointee.leaveArena()
            state.deinitialize(count: 1)
            state.deallocate()
        }) == 0 else { return }
        stateKey = key
        guard Pool.shared.reserve() else { return }
        xmlMemSetup(freeBlock, allocateBlock, reallocateBlock, duplicateString)
    }
}

extension DocumentArena {
    /// One arena: a slice of the reserved range with a bump pointer.
    final class Arena: Sendable {
        /// The arena's first address; the reserved range is never unmapped, so it stays valid.
        nonisolated(unsafe) let base: UnsafeMutableRawPointer
        /// Documents made in this arena and not yet freed.
        let liveDocuments = Atomic<Int>(0)
        /// The owning thread moved on while documents were live: whoever frees the last one empties it.
        let isRetired = Atomic<Bool>(false)
        /// The high-water mark of bytes handed out: what `empty` gives back.
        let touched = Atomic<Int>(0)

        init(base: UnsafeMutableRawPointer) {
            self.base = base
        }

        /// Gives back the pages of this arena (its addresses stay reserved).
        func empty() {
            let size = touched.exchange(0, ordering: .relaxed)
            if size > 0 { madvise(base, min(size, DocumentArena.arenaSize), MADV_DONTNEED) }
        }
    }

    /// The reserved address range and its free arenas.
    final class Pool: Sendable {
        static let shared = Pool()
        private let free = Mutex<[Arena]>([])

        /// Reserves the range: no memory is committed (MAP_NORESERVE).
        func reserve() -> Bool {
            let size = DocumentArena.arenaCount * DocumentArena.arenaSize
            let region = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
            guard let region, region != MAP_FAILED else { return false }
            regionStart = UInt(bitPattern: region)
            regionEnd = regionStart + UInt(size)
            free.withLock { arenas in
                arenas = (0..<DocumentArena.arenaCount).reversed().map { Arena(base: region + $0 * DocumentArena.arenaSize) }
            }
            return true
        }

        func take() -> Arena? {
            free.withLock { $0.popLast() }
        }

        func give(_ arena: Arena) {
            arena.isRetired.store(false, ordering: .relaxed)
            free.withLock { $0.append(arena) }
        }
    }

    /// One thread's allocation state, read by every libxml2 allocation on it: a plain struct
    /// behind a pointer in thread-specific storage, so the hot path retains nothing.
    struct ThreadState {
        var arena: Arena?
        var base: UnsafeMutableRawPointer?
        var used = 0
        var depth = 0
        var suspended = 0
        /// Blocks that `malloc` gave in place of the arena (64 KiB or more, or past its end) while
        /// this thread allocated in it, since it took the arena or last emptied it, and not freed
        /// yet: a document of the arena may hold them. (Documents of an arena the thread left are
        /// never left to it: `holdsWholly` asks for the thread's current arena.)
        var mallocBlocks: [UnsafeMutableRawPointer] = []
        /// More blocks than `mallocBlockLimit` were held at once: some may be held untracked.
        var lostMallocBlocks = false
        static let mallocBlockLimit = 64

        /// Notes a block `malloc` gave an allocation in the arena.
        mutating func noteMalloc(_ block: UnsafeMutableRawPointer) {
            if mallocBlocks.count < Self.mallocBlockLimit { mallocBlocks.append(block) } else { lostMallocBlocks = true }
        }

        /// `block` was freed (nil) or moved by `realloc`.
        mutating func mallocBlock(_ block: UnsafeMutableRawPointer, becomes moved: UnsafeMutableRawPointer?) {
            guard let index = mallocBlocks.firstIndex(of: block) else { return }
            if let moved { mallocBlocks[index] = moved } else { mallocBlocks.swapAt(index, mallocBlocks.count - 1); mallocBlocks.removeLast() }
        }

        var isAllocating: Bool { depth > 0 && suspended == 0 && base != nil }

        /// This thread's state, made on first use; nil when no range could be reserved.
        static func current() -> UnsafeMutablePointer<ThreadState>? {
            guard regionStart != 0 else { return nil }
            if let raw = clean_arenaState() { return raw.assumingMemoryBound(to: ThreadState.self) }
            let state = UnsafeMutablePointer<ThreadState>.allocate(capacity: 1)
            state.initialize(to: ThreadState())
            // (The key's destructor frees it at thread exit; the thread-local is what allocations read.)
            pthread_setspecific(stateKey, state)
            clean_setArenaState(state)
            return state
        }

        /// The page is done: empty the arena, or leave it to its live documents (the next scope takes another).
        mutating func pageDone() {
            guard let arena else { return }
            arena.touched.store(max(arena.touched.load(ordering: .relaxed), used), ordering: .relaxed)
            if arena.liveDocuments.load(ordering: .acquiring) == 0 {
                used = 0
                forgetMallocBlocks()
            } else {
                leaveArena()
            }
        }

        /// Takes an arena for the next page (none free: the thread allocates with `malloc`).
        mutating func takeArena() {
            guard arena == nil, let fresh = Pool.shared.take() else { return }
            arena = fresh
            base = fresh.base
            used = 0
            forgetMallocBlocks()
        }

        /// The arena is fresh or empty, with no live document: no document of it holds any block
        /// noted so far (one `malloc`ed past a page, or freed on another thread, is no concern of
        /// the documents to come).
        private mutating func forgetMallocBlocks() {
            mallocBlocks.removeAll(keepingCapacity: true)
            lostMallocBlocks = false
        }

        /// Gives the arena up: back to the pool, or retired until its last document is freed.
        mutating func leaveArena() {
            guard let arena else { return }
            arena.touched.store(max(arena.touched.load(ordering: .relaxed), used), ordering: .relaxed)
            self.arena = nil
            base = nil
            used = 0
            arena.isRetired.store(true, ordering: .releasing)
            // The last document may have been freed just before the flag was set.
            if arena.liveDocuments.load(ordering: .acquiring) == 0, arena.isRetired.exchange(false, ordering: .acquiringAndReleasing) {
                arena.empty()
                Pool.shared.give(arena)
            }
        }
    }
}

/// Set once by `install`, before the allocator is in place, and only read after: the reserved
/// range (read by every `free`) and the key of each thread's `ThreadState`.
nonisolated(unsafe) private var regionStart: UInt = 0
nonisolated(unsafe) private var regionEnd: UInt = 0
nonisolated(unsafe) private var stateKey = pthread_key_t()

/// Each block starts with its size, for `realloc`; blocks are 16-byte aligned as `malloc`'s are.
private let header = 16

@inline(__always)
private func allocate(_ size: Int) -> UnsafeMutableRawPointer? {
    if size < DocumentArena.largeBlock, let raw = clean_arenaState() {
        let state = raw.assumingMemoryBound(to: DocumentArena.ThreadState.self)
        if state.pointee.depth > 0, state.pointee.suspended == 0, let base = state.pointee.base {
            let total = (size + header + 15) & ~15
            let used = state.pointee.used
            if used + total <= DocumentArena.arenaSize {
                let block = base + used
                block.storeBytes(of: size, as: Int.self)
                state.pointee.used = used + total
                return block + header
            }
        }
    }
    return mallocBlock(size)
}

/// `malloc`, for a block the arena does not give; noted when the thread allocates in its arena.
@inline(never)
private func mallocBlock(_ size: Int) -> UnsafeMutableRawPointer? {
    guard let block = malloc(size) else { return nil }
    if let raw = clean_arenaState() {
        let state = raw.assumingMemoryBound(to: DocumentArena.ThreadState.self)
        if state.pointee.isAllocating { state.pointee.noteMalloc(block) }
    }
    return block
}

/// Keeps `ThreadState.mallocBlocks` of this thread up to date when a block outside the arenas
/// is freed (`moved` nil) or moved by `realloc`.
@inline(never)
private func mallocBlockChanged(_ block: UnsafeMutableRawPointer, becomes moved: UnsafeMutableRawPointer?) {
    guard let raw = clean_arenaState() else { return }
    let state = raw.assumingMemoryBound(to: DocumentArena.ThreadState.self)
    if !state.pointee.mallocBlocks.isEmpty { state.pointee.mallocBlock(block, becomes: moved) }
}

private func isInArena(_ pointer: UnsafeMutableRawPointer) -> Bool {
    let address = UInt(bitPattern: pointer)
    return address >= regionStart && address < regionEnd
}

private let allocateBlock: @convention(c) (Int) -> UnsafeMutableRawPointer? = { size in
    allocate(size)
}

private let freeBlock: @convention(c) (UnsafeMutableRawPointer?) -> Void = { pointer in
    guard let pointer, !isInArena(pointer) else { return }
    mallocBlockChanged(pointer, becomes: nil)
    free(pointer)
}

private let reallocateBlock: @convention(c) (UnsafeMutableRawPointer?, Int) -> UnsafeMutableRawPointer? = { pointer, size in
    guard let pointer else { return allocate(size) }
    guard isInArena(pointer) else {
        guard let moved = realloc(pointer, size) else { return nil }
        if moved != pointer { mallocBlockChanged(pointer, becomes: moved) }
        return moved
    }
    let old = (pointer - header).load(as: Int.self)
    if size <= old { return pointer }
    // The thread's last block (a text node's content, growing as the parser reads on) grows in place.
    if size < DocumentArena.largeBlock, let raw = clean_arenaState() {
        let state = raw.assumingMemoryBound(to: DocumentArena.ThreadState.self)
        if state.pointee.isAllocating, let base = state.pointee.base {
            let oldTotal = (old + header + 15) & ~15
            let newTotal = (size + header + 15) & ~15
            let used = state.pointee.used
            if pointer - header + oldTotal == base + used, used - oldTotal + newTotal <= DocumentArena.arenaSize {
                (pointer - header).storeBytes(of: size, as: Int.self)
                state.pointee.used = used - oldTotal + newTotal
                return pointer
            }
        }
    }
    guard let moved = allocate(size) else { return nil }
    moved.copyMemory(from: pointer, byteCount: old)
    return moved
}

private let duplicateString: @convention(c) (UnsafePointer<CChar>?) -> UnsafeMutablePointer<CChar>? = { string in
    guard let string else { return nil }
    let length = strlen(string) + 1
    guard let copy = allocate(length) else { return nil }
    copy.copyMemory(from: string, byteCount: length)
    return copy.assumingMemoryBound(to: CChar.self)
}
