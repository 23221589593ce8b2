// swift-tools-version: 6.0
// tietopankki: a bilingual static-site generator for the Kulttuuria yhteistuumin knowledge bank.
// The targets follow the pipeline: content/ ─Loading─▶ items ─Indexing─▶ SiteIndex ─Rendering─▶
// [OutputFile] ─Writing─▶ output/, with Building as the one place that knows the order.
import PackageDescription

let package = Package(
    name: "tietopankki",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tietopankki", targets: ["tietopankki"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Exact: the template fast path mimics this version's lookups (Sources/Templates/README.md).
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Hummingbird's own dependency; Serving uses its byte buffers directly.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
    ],
    targets: [
        // System libraries (Debian: libcmark-gfm-dev + libcmark-gfm-extensions-dev, libxml2-dev).
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .target(name: "CSystemShims"),
        // Debian: libstemmer-dev (Snowball's stemmers, for the search index).
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .systemLibrary(name: "CVoikko", providers: [.apt(["libvoikko-dev", "voikko-fi"])]),
        // Debian: libvips-dev (pictures: decode, orient, scale, crop, encode); CPictureCodec wraps the
        // calls the build makes, whose options libvips takes as variadic lists Swift cannot pass.
        .systemLibrary(name: "CVips", pkgConfig: "vips", providers: [.apt(["libvips-dev"])]),
        .target(name: "CPictureCodec", dependencies: ["CVips"]),

        // The pipeline.
        .target(name: "Model"),
        .target(name: "Loading", dependencies: ["Model", .product(name: "Yams", package: "Yams")]),
        .target(name: "Indexing", dependencies: ["Model"]),
        // Markdown: bodies to HTML with cmark-gfm, links rewritten, headings given ids.
        .target(name: "Markdown", dependencies: ["Model", "CCmarkGFM"]),
        // Templates: the theme's Mustache templates and the fast path that replays their shapes; the only
        // target that sees swift-mustache.
        .target(
            name: "Templates", dependencies: ["Model", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["README.md"]),
        // Rendering: view models, pages, feeds, calendars, sitemap, JSON and the newsletter.
        // Stemming: Snowball's Finnish and Swedish stemmers and Voikko's Finnish base forms, as the search
        // index keeps words.
        .target(name: "Stemming", dependencies: ["Model", "CStemmer", "CVoikko"]),
        .target(name: "Imaging", dependencies: ["Model", "Writing", "CPictureCodec"]),
        .target(name: "Rendering", dependencies: ["Model", "Indexing", "Markdown", "Templates", "EmailInlining", "Stemming"]),
        .target(name: "Writing", dependencies: ["Model", "CSystemShims"]),
        .target(name: "Inspection", dependencies: ["Model", "CLibXML2"]),
        .target(name: "EmailInlining", dependencies: ["CLibXML2"]),
        .target(name: "Building", dependencies: [
            "Model", "Loading", "Indexing", "Markdown", "Templates", "Rendering", "Writing", "Inspection", "Imaging",
        ]),
        // Authoring: new files, translations and newsletter drafts for editors (pure; the CLI does the I/O).
        .target(name: "Authoring", dependencies: ["Model", "Loading", "Indexing"]),
        .target(name: "Serving", dependencies: [
            "Building", "Model", .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
        ]),
        .executableTarget(
            name: "tietopankki",
            dependencies: [
                "Building", "Serving", "Model", "Authoring", "Loading", "Indexing", "Writing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/CLI",
            // mimalloc (Debian: libmimalloc-dev) replaces the C library's malloc for the whole process:
            // builds allocate millions of small strings and arrays from both cores, and glibc's malloc
            // cost about a tenth of a build's CPU more (bench/results.md, docs/architecture.md).
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]),

        // Fuzz targets (`make fuzz`, docs/fuzzing.md): libFuzzer entry points when built with -DFUZZING and
        // -sanitize=fuzzer; otherwise programs that replay the inputs they are given.
        .executableTarget(name: "fuzz-item", dependencies: ["Loading", "Model"], path: "Sources/FuzzItem"),
        .executableTarget(name: "fuzz-markdown", dependencies: ["Markdown", "Model"], path: "Sources/FuzzMarkdown"),

        // Tests mirror Sources; TestSupport holds temporary sites, fixture paths and test themes.
        .target(name: "TestSupport", dependencies: ["Model", "Templates"], path: "Tests/TestSupport"),
        .testTarget(name: "ModelTests", dependencies: ["Model"]),
        .testTarget(name: "ImagingTests", dependencies: ["TestSupport", "Imaging", "Model"]),
        .testTarget(name: "LoadingTests", dependencies: ["TestSupport", "Loading", "Model"]),
        .testTarget(name: "IndexingTests", dependencies: ["TestSupport", "Indexing", "Model"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "Model"]),
        .testTarget(name: "TemplatesTests", dependencies: [
            "TestSupport", "Templates", "Model", .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .testTarget(name: "RenderingTests", dependencies: ["TestSupport", "Rendering", "Templates", "Indexing", "Model", "Stemming"]),
        .testTarget(name: "WritingTests", dependencies: ["TestSupport", "Writing", "Model"]),
        .testTarget(name: "EmailInliningTests", dependencies: ["TestSupport", "EmailInlining", "Inspection"]),
        .testTarget(name: "InspectionTests", dependencies: ["TestSupport", "Inspection"]),
        .testTarget(name: "BuildingTests", dependencies: [
            "TestSupport", "Building", "Inspection", "Model", "Rendering", "Stemming", "Templates",
        ]),
        .testTarget(name: "ServingTests", dependencies: ["TestSupport", "Serving", "Building"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "tietopankki"]),
        .testTarget(name: "AuthoringTests", dependencies: ["Authoring", "Indexing", "Loading", "Model"]),
    ]
)
