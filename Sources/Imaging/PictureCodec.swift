import CPictureCodec
import Foundation
import Model

/// libvips behind three calls: read a picture's header, and make variants of it. Safe on any thread.
public enum PictureCodec {
    /// Why a file is not a picture the pipeline can take.
    public enum Problem: Error, Sendable, Hashable {
        /// Nothing could read the bytes (or a libvips message).
        case unreadable(String)
        /// Bytes in a format the pipeline does not take (a PDF, a TIFF…).
        case unsupported(String)
    }

    private static let started: Bool = tp_codec_start() == 0

    /// The header of the encoded picture in `bytes`, without decoding its pixels.
    public static func inspect(_ bytes: Data) -> Result<PictureFacts, Problem> {
        guard started else { return .failure(.unreadable("libvips did not start")) }
        var info = tp_picture_info()
        var message = [CChar](repeating: 0, count: 512)
        let status = bytes.withUnsafeBytes { buffer in
            tp_codec_inspect(buffer.baseAddress, buffer.count, &info, &message, message.count)
        }
        let loader = withUnsafeBytes(of: info.loader) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
        switch status {
        case 0: break
        case -2:
            let format = loader.replacingOccurrences(of: "VipsForeignLoad", with: "").replacingOccurrences(of: "Buffer", with: "")
            return .failure(.unsupported(format.uppercased()))
        default: return .failure(.unreadable(String(cString: message)))
        }
        let format: PictureFormat
        switch loader {
        case "VipsForeignLoadJpegBuffer": format = .jpeg
        case "VipsForeignLoadPngBuffer", "VipsForeignLoadSpngBuffer": format = .png
        case "VipsForeignLoadWebpBuffer": format = .webp
        case "VipsForeignLoadGifBuffer", "VipsForeignLoadNsgifBuffer": format = .gif
        default: format = .avif
        }
        let turned = (5...8).contains(Int(info.orientation))
        return .success(PictureFacts(
            width: Int(turned ? info.height : info.width), height: Int(turned ? info.width : info.height),
            format: format, hasAlpha: info.has_alpha != 0))
    }

    /// Whether this libvips can write `format` (AVIF needs libheif with an AV1 encoder).
    public static func canWrite(_ format: PictureFormat) -> Bool { writable.contains(format) }

    /// The formats this libvips writes, found once (AVIF by encoding a tiny picture).
    private static let writable: Set<PictureFormat> = {
        guard started else { return [] }
        return Set(PictureFormat.allCases.filter { format in code(of: format).map { tp_codec_can_write($0) != 0 } ?? false })
    }()

    /// Encodes `variants` (all of one size and crop) from the picture in `source`: decoded once,
    /// oriented, converted to sRGB, scaled down, then written in each variant's format with no metadata.
    public static func encode(_ source: Data, size variants: [PictureVariant]) -> Result<[Data], Problem> {
        guard started else { return .failure(.unreadable("libvips did not start")) }
        guard let first = variants.first else { return .success([]) }
        var message = [CChar](repeating: 0, count: 512)
        let crop: Int32
        switch first.crop {
        case nil: crop = Int32(TP_CROP_NONE)
        case .center: crop = Int32(TP_CROP_CENTRE)
        case .top: crop = Int32(TP_CROP_TOP)
        case .bottom: crop = Int32(TP_CROP_BOTTOM)
        case .auto: crop = Int32(TP_CROP_ATTENTION)
        }
        let picture = source.withUnsafeBytes { buffer in
            tp_codec_resize(buffer.baseAddress, buffer.count, Int32(first.width), Int32(first.height), crop, &message, message.count)
        }
        guard let picture else { return .failure(.unreadable(String(cString: message))) }
        defer { tp_picture_free(picture) }
        var encoded: [Data] = []
        for variant in variants {
            guard let format = code(of: variant.format) else { return .failure(.unsupported(variant.format.rawValue)) }
            var bytes: UnsafeMutableRawPointer?
            var length = 0
            guard tp_codec_encode(picture, format, quality(of: variant.format), &bytes, &length, &message, message.count) == 0,
                  let bytes
            else { return .failure(.unreadable(String(cString: message))) }
            let data = Data(bytes: bytes, count: length)
            encoded.append(variant.format == .webp ? WebPMetadata.stripped(data) : data)
            tp_codec_free_bytes(bytes)
        }
        return .success(encoded)
    }

    /// Quality settings: the usual web defaults, sharp enough for photos of people and places.
    static func quality(of format: PictureFormat) -> Int32 {
        switch format {
        case .jpeg: 82
        case .webp: 80
        case .avif: 55
        case .png, .gif: 0
        }
    }

    private static func code(of format: PictureFormat) -> Int32? {
        switch format {
        case .jpeg: Int32(TP_FORMAT_JPEG)
        case .png: Int32(TP_FORMAT_PNG)
        case .webp: Int32(TP_FORMAT_WEBP)
        case .avif: Int32(TP_FORMAT_AVIF)
        case .gif: nil
        }
    }
}
