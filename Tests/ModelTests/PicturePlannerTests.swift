import Model
import Testing

@Suite struct PicturePlannerTests {
    let planner = PicturePlanner()
    let photo = PictureFacts(width: 3000, height: 2000, format: .jpeg)

    @Test func widthsBelowTheSourceAndNeverAbove() {
        #expect(PicturePlanner.widths([480, 960, 1600], upTo: 3000) == [480, 960, 1600])
        #expect(PicturePlanner.widths([480, 960, 1600], upTo: 1200) == [480, 960, 1200])
        #expect(PicturePlanner.widths([480, 960, 1600], upTo: 1600) == [480, 960, 1600])
        #expect(PicturePlanner.widths([480, 960, 1600], upTo: 300) == [300])
    }

    @Test func aWholePictureInAVIFWebPAndItsOwnFormatKeepingItsProportions() {
        let set = planner.full("content/practices/kirjasto.jpg", photo)
        #expect(set.modernFormats == [.avif, .webp])
        #expect(set.variants(in: .avif).map(\.width) == [480, 960, 1600])
        #expect(set.variants(in: .avif).first?.outputPath == "media/practices/kirjasto.480.avif")
        #expect(set.fallbackFormat == .jpeg)
        #expect(set.variants(in: .webp).map(\.width) == [480, 960, 1600])
        #expect(set.variants(in: .jpeg).map(\.height) == [320, 640, 1067])
        #expect(set.variants.allSatisfy { $0.crop == nil })
        #expect(set.variants(in: .webp).first?.outputPath == "media/practices/kirjasto.480.webp")
        #expect(set.fallback(preferredWidth: 960)?.url == "/media/practices/kirjasto.960.jpg")
    }

    /// `picture_formats` decides what comes before the fallback: WebP only, or the fallback alone.
    @Test func theSettingsChooseTheModernFormats() {
        let webpOnly = PicturePlanner(modernFormats: [.webp]).full("content/a/kuva.jpg", photo)
        #expect(webpOnly.modernFormats == [.webp])
        #expect(Set(webpOnly.variants.map(\.format)) == [.webp, .jpeg])
        let fallbackOnly = PicturePlanner(modernFormats: []).card("content/a/kuva.jpg", photo, focus: .center)
        #expect(Set(fallbackOnly.variants.map(\.format)) == [.jpeg])
        #expect(PicturePlanner(modernFormats: [.webp]) != PicturePlanner())
    }

    @Test func aSmallPictureIsNeverScaledUp() {
        let small = PictureFacts(width: 400, height: 300, format: .png)
        let set = planner.full("content/a/pieni.png", small)
        #expect(set.variants.map(\.width) == [400, 400, 400], "AVIF, WebP and PNG, each at its own width")
        #expect(set.fallbackFormat == .png)
        let card = planner.card("content/a/pieni.png", small, focus: .center)
        #expect(card.variants.allSatisfy { $0.width <= 400 && $0.height <= 300 })
        let share = planner.share("content/a/pieni.png", small, focus: .center)
        #expect(share.width == 400 && share.height == 210)
    }

    @Test func cardsAreCutToThreeByTwoKeepingTheFocus() {
        let portrait = PictureFacts(width: 2000, height: 3000, format: .jpeg)
        let card = planner.card("content/events/kuva.jpg", portrait, focus: .top)
        #expect(card.variants(in: .jpeg).map(\.width) == [320, 640])
        #expect(card.variants.allSatisfy { $0.width * 2 == $0.height * 3 || abs($0.width * 2 - $0.height * 3) < 3 })
        #expect(card.variants.allSatisfy { $0.crop == .top })
        #expect(card.variants(in: .webp).last?.outputPath == "media/events/kuva.card-top.640x426.webp")
    }

    @Test func theSharePictureIs1200By630InAFormatEveryServiceReads() {
        let share = planner.share("content/practices/kirjasto.jpg", photo, focus: .center)
        #expect(share.width == 1200 && share.height == 630)
        #expect(share.format == .jpeg)
        let drawing = PictureFacts(width: 3000, height: 2000, format: .webp, hasAlpha: true)
        #expect(planner.share("content/a/piirros.webp", drawing, focus: .center).format == .png)
    }

    @Test func theEmailPictureIsTwiceTheColumnInTheFallbackFormat() {
        let email = planner.email("content/newsletters/kuva.jpg", photo)
        #expect(email.width == 1200 && email.height == 800 && email.format == .jpeg && email.crop == nil)
        #expect(planner.email("content/a/pieni.png", PictureFacts(width: 500, height: 100, format: .png)).width == 500)
    }

    @Test func formatsFromFileNames() {
        #expect(PictureFormat(fileExtension: "JPG") == .jpeg)
        #expect(PictureFormat(fileExtension: "jpeg") == .jpeg)
        #expect(PictureFormat(fileExtension: "svg") == nil)
        #expect(PictureFormat(fileExtension: "pdf") == nil)
    }
}
