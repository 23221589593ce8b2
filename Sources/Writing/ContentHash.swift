/// A 128-bit fingerprint of a file's bytes, to tell whether a file changed without reading the old one.
/// Two multiply-mix lanes over 16-byte words (in the manner of wyhash): several GB/s, not cryptographic —
/// it detects change, not a deliberate collision.
public struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    public init(_ bytes: UnsafeRawBufferPointer) {
        var first: UInt64 = 0x243F_6A88_85A3_08D3
        var second: UInt64 = 0x1319_8A2E_0370_7344
        let count = bytes.count
        var offset = 0
        while offset + 16 <= count {
            let a = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian
            let b = bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self).littleEndian
            first = Self.mix(a ^ first ^ 0xA409_3822_299F_31D0, b ^ 0x082E_FA98_EC4E_6C89)
            second = Self.mix(b ^ second ^ 0x4528_21E6_38D0_1377, a ^ 0xBE54_66CF_34E9_0C6C)
            offset += 16
        }
        var tail = (UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &tail) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset...])) }
        first = Self.mix(tail.0 ^ first ^ 0xC0AC_29B7_C97C_50DD, tail.1 ^ UInt64(count))
        second = Self.mix(tail.1 ^ second ^ 0x3F84_D5B5_B547_0917, tail.0 ^ UInt64(count) ^ 0x9216_D5D9_8979_FB1B)
        high = Self.mix(first ^ 0xD131_0BA6_98DF_B5AC, second ^ 0x2FFD_72DB_D01A_DFB7)
        low = Self.mix(second ^ 0xB8E1_AFED_6A26_7E96, first ^ 0xBA7C_9045_F12C_7F99)
    }

    public init(_ text: String) {
        var text = text
        self = text.withUTF8 { ContentHash(UnsafeRawBufferPointer($0)) }
    }

    /// The 128-bit product's two halves folded together.
    @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// 32 lowercase hex digits.
    public var description: String {
        let digits = String(high, radix: 16), rest = String(low, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits + String(repeating: "0", count: 16 - rest.count) + rest
    }

    /// Reads what `description` wrote.
    public init?(hex: Substring) {
        guard hex.utf8.count == 32, let high = UInt64(hex.prefix(16), radix: 16), let low = UInt64(hex.suffix(16), radix: 16)
        else { return nil }
        self.init(high: high, low: low)
    }
}
