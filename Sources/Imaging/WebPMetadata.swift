import Foundation

/// Takes the metadata chunks (EXIF, XMP, ICC) out of a WebP file. libvips 8.14's WebP writer adds a
/// minimal EXIF block of its own even when told to strip; the pixels it wrote are kept byte for byte.
enum WebPMetadata {
    static let dropped: Set<String> = ["EXIF", "XMP ", "ICCP"]

    /// `webp` without those chunks, the extended header's flags for them cleared and the RIFF size set
    /// again; the bytes as they are when they are not a well-formed WebP file.
    static func stripped(_ webp: Data) -> Data {
        let bytes = [UInt8](webp)
        guard bytes.count >= 12, bytes[0..<4] == [0x52, 0x49, 0x46, 0x46], bytes[8..<12] == [0x57, 0x45, 0x42, 0x50] else {
            return webp
        }
        var output: [UInt8] = Array(bytes[0..<12])
        var offset = 12
        var removed = false
        while offset + 8 <= bytes.count {
            let name = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
            let end = offset + 8 + size + (size & 1)
            guard end <= bytes.count || (end == bytes.count + 1 && size & 1 == 1) else { return webp }
            let chunk = bytes[offset..<min(end, bytes.count)]
            if dropped.contains(name) {
                removed = true
            } else if name == "VP8X", size >= 1 {
                var header = Array(chunk)
                header[8] &= ~UInt8(0x20 | 0x08 | 0x04)  // ICC, EXIF, XMP
                output += header
            } else {
                output += chunk
            }
            offset = end
        }
        guard removed else { return webp }
        let riffSize = UInt32(output.count - 8)
        output[4] = UInt8(riffSize & 0xFF)
        output[5] = UInt8(riffSize >> 8 & 0xFF)
        output[6] = UInt8(riffSize >> 16 & 0xFF)
        output[7] = UInt8(riffSize >> 24 & 0xFF)
        return Data(output)
    }
}
