import XCTest

@testable import Cleaner

/// The token hash of the fingerprint: the unrolled one-block BLAKE2b agrees with Python's
/// `hashlib.blake2b` and with a plain transcription of RFC 7693 at every length around the block
/// size, so fingerprints stay trafilatura's.
final class Blake2bTests: XCTestCase {
    /// `hashlib.blake2b(bytes((i * 7 + 1) % 256 for i in range(n)), digest_size=8).hexdigest()`
    /// for n = 0...300 (python3).
    private static let pythonDigests = """
            e4a6a0577479b2b4 00e83d0a3f7519ad 4e4b772d2d42ed1d 415c34b130920764 da79ede2ba87daf2 31be537ee3dabd89
            fbdfbcc05fa45a76 a5c1d5385fc2a4df 36c13f59ed64887f ae7ab27af3b3e448 0db018f91e748cbc d9a4b41bb6035a29
            61c37557e6d2f11a 1e83a937cbe1aa15 8214437e93a1cbfa 8967475cef9f70eb 8030d11380cb783a 3d92768693950af4
            b88dd90345c86fc0 5ad098d6007d16b4 9079302f5c897f7c 3714a4212a15e45f b3356276b898031f d719d2ecf3ef3af4
            3a08303237c6d7bb db9529b820f47f05 a773bf8458251144 9ce292326a60a0b5 64b5c56255109ac1 a79789f78c3267ba
            4edb8ba581d25ec4 ba8c4acda3625e89 0ec2c3647773bb82 7bdf9aa2ac1a01f3 636df8c748547385 4afa50f699dffac2
            b7a09351ca5bbb28 687a5eb6bb4902f8 6f491559b876ce0f 4bb682d469a94056 9c3c506c7ced36e8 6805292a3f1cf997
            2a82c0db5f2d878c 69ceee745f67222c d39f6fe93ca9b9c1 05df7a73a3f257e7 5b033dbf6273e4eb 7717a24a8d735c27
            d3ef9fda09329cd8 1b814cf8bc9d2de3 83edad99e05d53f7 52c31cd2412089c0 6876492c412883d8 ca88dd92a725dccc
            547146ad54a7db56 8ad84e65abc375e5 45da9787fb1eb41d 2b0e2e2ccbb558b6 87b5c9efcc68dd87 488114c82148b04b
            0487e87be7146dd6 2a358e1f8110e3e2 42f68887949de5af 218220bc593fa97c a9c726fdec1dd921 5a5afadd7802ba47
            b5c35512b2c6ce92 eb8c1c507fc3702a a9bb1fcd8a5e1d4f 0c8619fd5d820657 70a040d06dd0513b f512e9e13c278b8f
            aabcdfa93f33d188 3ac38556e725713a 520d800401b85af1 1b4f96d74b391c7b 0aa3deef33f1a7b5 85ba82da9794f4d9
            7c59cba23222589d fb01a29ca4780a95 d335affd85900d72 61c360a8651bf5b2 54eb5a539086c027 9bca3f414a87bacb
            cd50fad5dae3cbb3 6b2590a24f72de06 70e5fd24477bd553 3bf9da6e6203254e e6b894c9507e0496 c6a6ad11f03f72ab
            548400a1d4d1e6dd dff38d2a2b7ae769 9bad7ad3fafa8aea 7aa987ea0aa4e12b 35c5f8bdf9fba369 dd83e4f5fdc02b30
            75d863723723c3e3 0aa4772534f832cd 59cc1db8f5f24eef dcb670af15af8297 45538ac1528dcff1 82b06f91a03b2d2b
            d6706ea3e29b918a 291dcf3dfd38437b eb6cb197fb0c9475 c1ee4cc2c25b72eb 7b859d768a04f914 9d6ddd421f2ff4c1
            bedb411dedcde7f2 44853b4f2d54e4de fd0dff5145787673 2167955051588f4f 9b3ec3eabb269733 d97f3b49a4ceac00
            56178d77e6baf6ce c3e9f3b7b623e599 98e47684a293868e af502e3ae08c320e 2ee846164cf6317e 373af3e64a72cc3c
            a890073adbd96f98 db1b8a8da9d648e7 a0279fa81e74f6f6 6fac18dc7d1f3d69 6a792bd0c1602724 7b0c6519c4e79145
            bb80f9766747d122 601a259e9b587bfd 8a4b8124dd7aafa4 c204e10bceb9d8c7 258217c80679c649 6911b73954ee859f
            06553a22afee3f02 59f924c931bbd5da 7a2c5550e1dca58c 72c13852016bbe91 dbc6350f5e4dccb5 7fbbc94e8263c066
            d9f9bc3c0905f30a 7f9c695078cd6571 285ea81e8c487b01 e060d2c3b5d63ca6 15630480e84d98bc 4b8da3fea63584d5
            41bc1d5bf2579277 87aa9ddb3ae729fc ceff168c87d9db58 9490374daac5368b 701634b3462b0aa0 11ca30b8a2f79257
            964334cc4c2d85c0 20e25fb3a157978c 81b9147007f0f31c ab4b335610870abf 470d5bb3f62a2aeb 44d828659b8d6cba
            ba15c0ee11e85555 db3ca17ff6b605c2 e38014aac5584975 716085fc3b953bf9 ebe188d6278a49f3 64e0c30204028945
            5568570c9e7af4af c173160a3b8ddc08 7da7eec570d30fed 0f6d3cc1217930e4 d4eec0d9dd7ecde9 422125274367653a
            2df4e97a3fd5c2ef 05bc60d70dae5c67 a69a9b8f9f5389ac 41545730eacb0df1 b49e85ccf061c4f2 355db70ba1d77e91
            db9ce6dc843938e4 eee169730591192f 2bc4c29a7acf0095 3f16f109feec225f 6727733776a157d2 f9079745495069f9
            40ba342ba4f0e798 02fd54a42c74d6e6 8b31cecbd18501d3 e1eb23ee2ca37ef1 4b12915b4a520b72 cddec9cae1fcc41f
            db20308a6229819d bc1f2eade1a4022c 454521d260261473 01d6e3236a0c47a6 74edb05662546296 35ff2cfbf20cedce
            fd6855afb847b745 02b2b1c50c42125e 832c8274c8239f2a 65a6c99a2803aeed bce7bd2aff63fe61 e487c2b356e01f87
            3b700d400873682d 9f23642fa35add44 c5880b4f8d520410 6b84c50e119d7bbb e01f19573fb5612a 1e159668fed3c3db
            f3ce3cb27b887a8a 5d25079fa69ec345 50d1bc42d0e6b21e 7840e323c73207dd f1edabf176b2e88f 131db37fbf261507
            8f90c14bf0c5af8b 462177c53a7d8a3f a7f45f2336355c2f d367d1bb0cf9f9be 19fc2e6970a35258 3ed9238d184564ba
            fd1e8c8a2bdbd66b 21828f2f25e0ae2a 41c08bec0854e0a7 27532cf3ac2acf01 458e08929dd61d53 4218551deccfadec
            16cd53fe651f4784 80fad1ceb4d1a48d 373f8fe803f4c408 8a1c4a613ac92fb4 a68c5d475518054e e0b5475bbe5bd950
            62f6dd11e2428257 a189595fa7e82e27 cd87c07dc6ab1d03 5bd7603757f0409c be0f88f76686e71a 86ab2ab0148e094d
            0852e60c13a56ca6 fb36e503e383635f 3c87f71c94319296 3486110c8fcb45bd c9804ec5159d49ce 615e4df40e41bb0c
            c2eb573ed99eead5 559e68919347b768 1b9c2ccf815972f6 92bdd766e2dffecd ad26c3ab26f45b10 9151d327aa02b316
            ef7aca3ddbdc8b80 fae5aab2e6f39459 b9288ca9c1ea5c5e 48977adb0bb38e67 1a29e91d430dff53 4c0fd3a54b210665
            20faed525be5d9a3 28af225e3f7cebec c667de4a70c4acc9 e899e5d1e1ee9202 0645922ac68fd5d8 a35a7e34072d4613
            28b2bb037efda120 f21628891a30f4c5 cbc4dcff072a8a64 09da791cbeefb360 92e4ea8baf22777b 8339bad995616995
            92c00a2d90d8b99d e63431f520dc8d29 226c1e833a04a1c1 79299d0689827e27 eec351a193aea0d0 87158e2c7764e939
            705261dc594bbea2 fc9c8d787568ac3a 52ac86ce4d88b648 bfcc2615c9dcbbc1 82e30714d656adfa d8d2c37e78da2951
            ea8b5477adfc1b29 24cf1236f90ffa70 aaad936c0488619c 6ada5a4f6aac2a48 4bddb8391cbc95e6 32be903806f5b386
            f5cd23eb55ca590d e6bc081713145569 4bfa6104c02e330d ba5850269df4f526 7abd27350e220a4e 06e1258ce7ed11e8
            b4f7f7e620774405 158e48fb23b8a3c4 4a18638e26d34382 ffaa409e17064fa6 6c47983404a7b52c 7d5385273d745804
            23fe1b7c14989f98 98f0ecbf7c038a1c 7ab7759593d5423d 6e24876c1d990f5c 8c28310572908ed3 59f5df9848eb3d94
            cad1e9664087c484
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    private static func input(_ length: Int) -> [UInt8] { (0..<length).map { UInt8(($0 * 7 + 1) % 256) } }

    func testDigestsMatchPythonForLengthsUpTo300() {
        XCTAssertEqual(Self.pythonDigests.count, 301)
        for (length, expected) in Self.pythonDigests.enumerated() {
            XCTAssertEqual(String(Blake2b.hash64(Self.input(length)[...]), radix: 16).leftPadded(to: 16), expected, "length \(length)")
            XCTAssertEqual(hex(Blake2b.hash(Self.input(length), length: 8)), expected, "length \(length)")
        }
    }

    /// RFC 7693, Appendix A: BLAKE2b-512 of "abc"; and its 8-byte digest from Python.
    func testRFC7693Vector() {
        XCTAssertEqual(
            hex(Blake2b.hash(Array("abc".utf8), length: 64)),
            "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923")
        XCTAssertEqual(Blake2b.hash64(Array("abc".utf8)[...]), 0xd8bb_14d8_33d5_9559)
    }

    /// Every digest length and input length up to three blocks against the plain transcription.
    func testAgreesWithPlainReference() {
        var random = SplitMix64(seed: 7693)
        for length in 0...400 {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            for digest in [1, 8, 20, 32, 64] {
                XCTAssertEqual(Blake2b.hash(bytes, length: digest), PlainBlake2b.hash(bytes, length: digest), "length \(length), digest \(digest)")
            }
            // Inside a larger array: the slice's own start is hashed.
            let padded = [0xAA] + bytes + [0x55]
            XCTAssertEqual(Blake2b.hash64(padded[1..<(length + 1)]), PlainBlake2b.hash64(bytes), "length \(length)")
        }
    }

    private func hex(_ bytes: [UInt8]) -> String { bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined() }
}

/// RFC 7693 section 3 written out plainly: arrays, a sigma table, a loop per round.
enum PlainBlake2b {
    static let iv: [UInt64] = [
        0x6a09_e667_f3bc_c908, 0xbb67_ae85_84ca_a73b, 0x3c6e_f372_fe94_f82b, 0xa54f_f53a_5f1d_36f1,
        0x510e_527f_ade6_82d1, 0x9b05_688c_2b3e_6c1f, 0x1f83_d9ab_fb41_bd6b, 0x5be0_cd19_137e_2179,
    ]
    static let sigma: [[Int]] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
        [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4], [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
        [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13], [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
        [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11], [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
        [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5], [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
    ]

    static func hash(_ input: [UInt8], length: Int) -> [UInt8] {
        var h = iv
        h[0] ^= 0x0101_0000 ^ UInt64(length)
        let blocks = max(1, (input.count + 127) / 128)
        for block in 0..<blocks {
            var m = [UInt64](repeating: 0, count: 16)
            for k in 0..<128 where block * 128 + k < input.count {
                m[k / 8] |= UInt64(input[block * 128 + k]) << UInt64(8 * (k % 8))
            }
            let last = block == blocks - 1
            compress(&h, m, counter: UInt64(last ? input.count : (block + 1) * 128), final: last)
        }
        var out: [UInt8] = []
        for word in h { for i in 0..<8 { out.append(UInt8((word >> UInt64(8 * i)) & 0xFF)) } }
        return Array(out.prefix(length))
    }

    static func hash64(_ input: [UInt8]) -> UInt64 {
        hash(input, length: 8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    static func compress(_ h: inout [UInt64], _ m: [UInt64], counter: UInt64, final: Bool) {
        var v = h + iv
        v[12] ^= counter
        if final { v[14] = ~v[14] }
        func g(_ a: Int, _ b: Int, _ c: Int, _ d: Int, _ x: UInt64, _ y: UInt64) {
            func rotr(_ w: UInt64, _ n: UInt64) -> UInt64 { (w >> n) | (w << (64 - n)) }
            v[a] = v[a] &+ v[b] &+ x
            v[d] = rotr(v[d] ^ v[a], 32)
            v[c] = v[c] &+ v[d]
            v[b] = rotr(v[b] ^ v[c], 24)
            v[a] = v[a] &+ v[b] &+ y
            v[d] = rotr(v[d] ^ v[a], 16)
            v[c] = v[c] &+ v[d]
            v[b] = rotr(v[b] ^ v[c], 63)
        }
        for round in 0..<12 {
            let s = sigma[round % 10]
            g(0, 4, 8, 12, m[s[0]], m[s[1]])
            g(1, 5, 9, 13, m[s[2]], m[s[3]])
            g(2, 6, 10, 14, m[s[4]], m[s[5]])
            g(3, 7, 11, 15, m[s[6]], m[s[7]])
            g(0, 5, 10, 15, m[s[8]], m[s[9]])
            g(1, 6, 11, 12, m[s[10]], m[s[11]])
            g(2, 7, 8, 13, m[s[12]], m[s[13]])
            g(3, 4, 9, 14, m[s[14]], m[s[15]])
        }
        for i in 0..<8 { h[i] ^= v[i] ^ v[i + 8] }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
