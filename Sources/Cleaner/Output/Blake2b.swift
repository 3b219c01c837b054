/// BLAKE2b (RFC 7693), unkeyed, for digests of 1 to 64 bytes. The content fingerprint hashes each
/// token with it, as trafilatura does (Python's `hashlib.blake2b`), so fingerprints agree.
enum Blake2b {
    private static let iv: [UInt64] = [
        0x6a09_e667_f3bc_c908, 0xbb67_ae85_84ca_a73b, 0x3c6e_f372_fe94_f82b, 0xa54f_f53a_5f1d_36f1,
        0x510e_527f_ade6_82d1, 0x9b05_688c_2b3e_6c1f, 0x1f83_d9ab_fb41_bd6b, 0x5be0_cd19_137e_2179,
    ]

    /// The message schedule: the order of the 16 message words in each of the 10 rounds (rounds 10
    /// and 11 repeat 0 and 1).
    private static let sigma: [UInt8] = [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
        11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
        7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
        9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
        2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
        12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
        13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
        6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
        10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
    ]

    /// The digest of `bytes`, `length` bytes long (1...64).
    static func hash<Bytes: Collection<UInt8>>(_ bytes: Bytes, length: Int) -> [UInt8] {
        let state = finalState(Array(bytes)[...], length: length)
        var digest: [UInt8] = []
        digest.reserveCapacity(64)
        for i in 0..<8 {
            for shift in stride(from: 0, to: 64, by: 8) { digest.append(UInt8(truncatingIfNeeded: state[i] >> UInt64(shift))) }
        }
        return Array(digest.prefix(length))
    }

    /// The 8-byte digest of `bytes` read as a big-endian number (Python's
    /// `int.from_bytes(blake2b(bytes, digest_size=8).digest(), "big")`).
    static func hash64(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        finalState(bytes, length: 8)[0].byteSwapped
    }

    /// The chain value after the last block: the digest is its first `length` bytes, little-endian.
    private static func finalState(_ input: ArraySlice<UInt8>, length: Int) -> InlineArray<8, UInt64> {
        precondition((1...64).contains(length), "BLAKE2b digests are 1 to 64 bytes")
        var state = InlineArray<8, UInt64> { iv[$0] }
        // Parameter block: digest length, no key, fanout 1, depth 1.
        state[0] ^= 0x0101_0000 ^ UInt64(length)
        var offset = input.startIndex
        var counter: UInt64 = 0
        // Every block but the last is compressed as it comes; the last (possibly empty or partial)
        // one is padded with zeros and flagged final.
        while input.endIndex - offset > 128 {
            counter += 128
            compress(&state, input, from: offset, count: 128, counter: counter, final: false)
            offset += 128
        }
        counter += UInt64(input.endIndex - offset)
        compress(&state, input, from: offset, count: input.endIndex - offset, counter: counter, final: true)
        return state
    }

    /// One block: `count` bytes of `input` from `from`, zero-padded to 128.
    private static func compress(_ state: inout InlineArray<8, UInt64>, _ input: ArraySlice<UInt8>, from start: Int, count: Int, counter: UInt64, final: Bool) {
        // Raw buffers: the 12 rounds index the words 1,500 times, and checked subscripts would
        // double the cost of fingerprinting a page.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 32) { words in
            guard let m = words.baseAddress else { return }
            let v = m + 16
            for i in 0..<16 { m[i] = 0 }
            for k in 0..<count { m[k >> 3] |= UInt64(input[start + k]) << UInt64(8 * (k & 7)) }
            for i in 0..<8 {
                v[i] = state[i]
                v[i + 8] = iv[i]
            }
            v[12] ^= counter
            if final { v[14] = ~v[14] }
            sigma.withUnsafeBufferPointer { sigma in
                for round in 0..<12 {
                    let s = (round % 10) * 16
                    mix(v, 0, 4, 8, 12, m[Int(sigma[s])], m[Int(sigma[s + 1])])
                    mix(v, 1, 5, 9, 13, m[Int(sigma[s + 2])], m[Int(sigma[s + 3])])
                    mix(v, 2, 6, 10, 14, m[Int(sigma[s + 4])], m[Int(sigma[s + 5])])
                    mix(v, 3, 7, 11, 15, m[Int(sigma[s + 6])], m[Int(sigma[s + 7])])
                    mix(v, 0, 5, 10, 15, m[Int(sigma[s + 8])], m[Int(sigma[s + 9])])
                    mix(v, 1, 6, 11, 12, m[Int(sigma[s + 10])], m[Int(sigma[s + 11])])
                    mix(v, 2, 7, 8, 13, m[Int(sigma[s + 12])], m[Int(sigma[s + 13])])
                    mix(v, 3, 4, 9, 14, m[Int(sigma[s + 14])], m[Int(sigma[s + 15])])
                }
            }
            for i in 0..<8 { state[i] ^= v[i] ^ v[i + 8] }
        }
    }

    @inline(__always)
    private static func mix(_ v: UnsafeMutablePointer<UInt64>, _ a: Int, _ b: Int, _ c: Int, _ d: Int, _ x: UInt64, _ y: UInt64) {
        v[a] = v[a] &+ v[b] &+ x
        v[d] = rotate(v[d] ^ v[a], 32)
        v[c] = v[c] &+ v[d]
        v[b] = rotate(v[b] ^ v[c], 24)
        v[a] = v[a] &+ v[b] &+ y
        v[d] = rotate(v[d] ^ v[a], 16)
        v[c] = v[c] &+ v[d]
        v[b] = rotate(v[b] ^ v[c], 63)
    }

    @inline(__always)
    private static func rotate(_ x: UInt64, _ n: UInt64) -> UInt64 { (x >> n) | (x << (64 - n)) }
}
