import Foundation
import Imaging
import Model
import TestSupport
import Testing

@Suite struct PictureCodecTests {
    static let rotated = Repository.fixtures.appendingPathComponent("pictures/gps-rotated.jpg")

    @Test func theHeaderGivesTheSizeAsShownAfterTheCamerasOrientation() throws {
        let facts = try PictureCodec.inspect(Data(contentsOf: Self.rotated)).get()
        #expect(facts == PictureFacts(width: 40, height: 60, format: .jpeg, hasAlpha: false))
    }

    @Test func variantsAreTurnedUprightAndCarryNoMetadata() throws {
        let source = try Data(contentsOf: Self.rotated)
        let variants = [PictureFormat.jpeg, .webp, .png, .avif].map {
            PictureVariant(outputPath: "media/x.\($0.fileExtension)", width: 40, height: 60, format: $0)
        }
        let encoded = try PictureCodec.encode(source, size: variants).get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (variant, bytes) in zip(variants, encoded) {
            let file = folder.appendingPathComponent("x.\(variant.format.fileExtension)")
            try bytes.write(to: file)
            let facts = try PictureCodec.inspect(bytes).get()
            #expect(facts.width == 40 && facts.height == 60 && facts.format == variant.format)
            // A real EXIF reader: no position, no camera, no person, no orientation left to apply.
            let tags = try exiftool(file)
            for tag in ["GPSLatitude", "GPSLongitude", "GPSPosition", "Make", "Model", "Artist", "Creator"] {
                #expect(tags[tag] == nil, "\(variant.format): \(tag) = \(tags[tag] ?? "")")
            }
            #expect(tags.isEmpty, "\(variant.format) keeps \(tags)")
        }
        // The fixture itself has them, so the check above can fail.
        let original = try exiftool(Self.rotated)
        #expect(original["GPSLatitude"] != nil && original["Make"] != nil && original["Orientation"] != nil)
    }

    @Test func encodingIsRepeatable() throws {
        let source = try Data(contentsOf: Self.rotated)
        let variant = [PictureVariant(outputPath: "media/x.webp", width: 20, height: 30, format: .webp, crop: .top)]
        let first = try PictureCodec.encode(source, size: variant).get()
        let second = try PictureCodec.encode(source, size: variant).get()
        #expect(first == second)
        #expect(try PictureCodec.inspect(first[0]).get().width == 20)
    }

    @Test func whatIsNotAPictureSaysSo() {
        guard case .failure(.unreadable) = PictureCodec.inspect(Data("ei kuva".utf8)) else {
            Issue.record("text taken for a picture")
            return
        }
        let pdf = Data("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".utf8)
        guard case .failure = PictureCodec.inspect(pdf) else {
            Issue.record("a PDF taken for a picture")
            return
        }
    }

    /// exiftool's tags of `file`, by name (`-s`), without its file-system and composite-size entries.
    func exiftool(_ file: URL) throws -> [String: String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/exiftool")
        process.arguments = ["-s", "-s", "-a", "-G0", "-EXIF:all", "-GPS:all", "-XMP:all", "-IPTC:all", "-MakerNotes:all", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var tags: [String: String] = [:]
        for line in output.split(separator: "\n") {
            // "[EXIF] GPSLatitude: 60 deg 10' 11.64\" N"
            guard let close = line.firstIndex(of: "]"), let colon = line.firstIndex(of: ":") else { continue }
            let name = line[line.index(after: close)..<colon].trimmingCharacters(in: .whitespaces)
            tags[name] = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        }
        return tags
    }
}
