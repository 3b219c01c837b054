/// BLAKE2b (RFC 7693), unkeyed, for digests of 1 to 64 bytes. The content fingerprint hashes each
/// token with it, as trafilatura does (Python's `hashlib.blake2b`), so fingerprints agree.
///
/// Nearly every token is one block, so the compression works on named locals (no buffer, no
/// table look-ups): the message schedule is the order in which each round takes the words.
enum Blake2b {
    /// Eight words: the chain value.
    typealias State = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    /// The initialisation vector (the SHA-512 IV).
    private static let iv: State = (
        0x6a09_e667_f3bc_c908, 0xbb67_ae85_84ca_a73b, 0x3c6e_f372_fe94_f82b, 0xa54f_f53a_5f1d_36f1,
        0x510e_527f_ade6_82d1, 0x9b05_688c_2b3e_6c1f, 0x1f83_d9ab_fb41_bd6b, 0x5be0_cd19_137e_2179
    )

    /// The digest of `bytes`, `length` bytes long (1...64).
    static func hash<Bytes: Collection<UInt8>>(_ bytes: Bytes, length: Int) -> [UInt8] {
        let state = Array(bytes).withUnsafeBytes { finalState($0, length: length) }
        let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
        var digest: [UInt8] = []
        digest.reserveCapacity(64)
        for word in words {
            for shift in stride(from: 0, to: 64, by: 8) { digest.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        return Array(digest.prefix(length))
    }

    /// The 8-byte digest of `bytes` read as a big-endian number (Python's
    /// `int.from_bytes(blake2b(bytes, digest_size=8).digest(), "big")`).
    static func hash64(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBytes { hash64($0) }
    }

    static func hash64(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        finalState(bytes, length: 8).0.byteSwapped
    }

    /// The chain value after the last block: the digest is its first `length` bytes, little-endian.
    @inline(__always)
    private static func finalState(_ input: UnsafeRawBufferPointer, length: Int) -> State {
        precondition((1...64).contains(length), "BLAKE2b digests are 1 to 64 bytes")
        var state = iv
        // Parameter block: digest length, no key, fanout 1, depth 1.
        state.0 ^= 0x0101_0000 ^ UInt64(length)
        var offset = 0
        // Every block but the last is compressed as it comes; the last (possibly empty or partial)
        // one is padded with zeros and flagged final.
        while input.count - offset > 128 {
            compress(&state, block(input, from: offset, count: 128), counter: UInt64(offset + 128), final: false)
            offset += 128
        }
        compress(&state, block(input, from: offset, count: input.count - offset), counter: UInt64(input.count), final: true)
        return state
    }

    /// Sixteen little-endian words: one block.
    private struct Block {
        var m0: UInt64 = 0, m1: UInt64 = 0, m2: UInt64 = 0, m3: UInt64 = 0, m4: UInt64 = 0, m5: UInt64 = 0, m6: UInt64 = 0, m7: UInt64 = 0
        var m8: UInt64 = 0, m9: UInt64 = 0, m10: UInt64 = 0, m11: UInt64 = 0, m12: UInt64 = 0, m13: UInt64 = 0, m14: UInt64 = 0, m15: UInt64 = 0
    }

    /// `count` (at most 128) bytes of `input` from `start`, zero-padded to a block.
    @inline(__always)
    private static func block(_ input: UnsafeRawBufferPointer, from start: Int, count: Int) -> Block {
        var block = Block()
        withUnsafeMutableBytes(of: &block) { raw in
            if let source = input.baseAddress, count > 0 { raw.baseAddress?.copyMemory(from: source + start, byteCount: count) }
        }
        #if _endian(big)
            block = Block(
                m0: block.m0.littleEndian, m1: block.m1.littleEndian, m2: block.m2.littleEndian, m3: block.m3.littleEndian,
                m4: block.m4.littleEndian, m5: block.m5.littleEndian, m6: block.m6.littleEndian, m7: block.m7.littleEndian,
                m8: block.m8.littleEndian, m9: block.m9.littleEndian, m10: block.m10.littleEndian, m11: block.m11.littleEndian,
                m12: block.m12.littleEndian, m13: block.m13.littleEndian, m14: block.m14.littleEndian, m15: block.m15.littleEndian)
        #endif
        return block
    }

    /// The sixteen working words of one compression.
    private struct Work {
        var v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15: UInt64
    }

    /// One block into the chain value; `counter` is the bytes hashed so far, this block included.
    private static func compress(_ h: inout State, _ m: Block, counter: UInt64, final: Bool) {
        var v = Work(
            v0: h.0, v1: h.1, v2: h.2, v3: h.3, v4: h.4, v5: h.5, v6: h.6, v7: h.7,
            v8: iv.0, v9: iv.1, v10: iv.2, v11: iv.3, v12: iv.4 ^ counter, v13: iv.5, v14: final ? ~iv.6 : iv.6, v15: iv.7)
        let (m0, m1, m2, m3, m4, m5, m6, m7) = (m.m0, m.m1, m.m2, m.m3, m.m4, m.m5, m.m6, m.m7)
        let (m8, m9, m10, m11, m12, m13, m14, m15) = (m.m8, m.m9, m.m10, m.m11, m.m12, m.m13, m.m14, m.m15)
        // The message schedule (RFC 7693's SIGMA): each round takes the words in its own order;
        // rounds 10 and 11 repeat rounds 0 and 1.
        round(&v, m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15)
        round(&v, m14, m10, m4, m8, m9, m15, m13, m6, m1, m12, m0, m2, m11, m7, m5, m3)
        round(&v, m11, m8, m12, m0, m5, m2, m15, m13, m10, m14, m3, m6, m7, m1, m9, m4)
        round(&v, m7, m9, m3, m1, m13, m12, m11, m14, m2, m6, m5, m10, m4, m0, m15, m8)
        round(&v, m9, m0, m5, m7, m2, m4, m10, m15, m14, m1, m11, m12, m6, m8, m3, m13)
        round(&v, m2, m12, m6, m10, m0, m11, m8, m3, m4, m13, m7, m5, m15, m14, m1, m9)
        round(&v, m12, m5, m1, m15, m14, m13, m4, m10, m0, m7, m6, m3, m9, m2, m8, m11)
        round(&v, m13, m11, m7, m14, m12, m1, m3, m9, m5, m0, m15, m4, m8, m6, m2, m10)
        round(&v, m6, m15, m14, m9, m11, m3, m0, m8, m12, m2, m13, m7, m1, m4, m10, m5)
        round(&v, m10, m2, m8, m4, m7, m6, m1, m5, m15, m11, m9, m14, m3, m12, m13, m0)
        round(&v, m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15)
        round(&v, m14, m10, m4, m8, m9, m15, m13, m6, m1, m12, m0, m2, m11, m7, m5, m3)
        h.0 ^= v.v0 ^ v.v8
        h.1 ^= v.v1 ^ v.v9
        h.2 ^= v.v2 ^ v.v10
        h.3 ^= v.v3 ^ v.v11
        h.4 ^= v.v4 ^ v.v12
        h.5 ^= v.v5 ^ v.v13
        h.6 ^= v.v6 ^ v.v14
        h.7 ^= v.v7 ^ v.v15
    }

    /// One round: the columns, then the diagonals, each mixing two message words in the order given.
    @inline(__always)
    private static func round(
        _ v: inout Work, _ x0: UInt64, _ x1: UInt64, _ x2: UInt64, _ x3: UInt64, _ x4: UInt64, _ x5: UInt64, _ x6: UInt64, _ x7: UInt64,
        _ x8: UInt64, _ x9: UInt64, _ x10: UInt64, _ x11: UInt64, _ x12: UInt64, _ x13: UInt64, _ x14: UInt64, _ x15: UInt64
    ) {
        mix(&v.v0, &v.v4, &v.v8, &v.v12, x0, x1)
        mix(&v.v1, &v.v5, &v.v9, &v.v13, x2, x3)
        mix(&v.v2, &v.v6, &v.v10, &v.v14, x4, x5)
        mix(&v.v3, &v.v7, &v.v11, &v.v15, x6, x7)
        mix(&v.v0, &v.v5, &v.v10, &v.v15, x8, x9)
        mix(&v.v1, &v.v6, &v.v11, &v.v12, x10, x11)
        mix(&v.v2, &v.v7, &v.v8, &v.v13, x12, x13)
        mix(&v.v3, &v.v4, &v.v9, &v.v14, x14, x15)
    }

    @inline(__always)
    private static func mix(_ a: inout UInt64, _ b: inout UInt64, _ c: inout UInt64, _ d: inout UInt64, _ x: UInt64, _ y: UInt64) {
        a = a &+ b &+ x
        d = rotate(d ^ a, 32)
        c = c &+ d
        b = rotate(b ^ c, 24)
        a = a &+ b &+ y
        d = rotate(d ^ a, 16)
        c = c &+ d
        b = rotate(b ^ c, 63)
    }

    @inline(__always)
    private static func rotate(_ x: UInt64, _ n: UInt64) -> UInt64 { (x &>> n) | (x &<< (64 &- n)) }
}
