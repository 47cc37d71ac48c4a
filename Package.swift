// swift-tools-version: 6.2
import PackageDescription

// CI (which sets CI=true) treats every warning in the project's own targets as an error;
// users' builds with a newer compiler are not stopped by a new warning.
let strict = Context.environment["CI"] == "true"
let swiftSettings: [SwiftSetting] =
    [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ] + (strict ? [.treatAllWarnings(as: .error)] : [])

let package = Package(
    name: "gazette",
    products: [
        .executable(name: "gazette", targets: ["gazette"])
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0", traits: ["YAML"]),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Already built for swift-configuration's YAML trait; used directly to list a config file's keys.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The integration tests start and reap the gazette binary with it.
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        // The PostgreSQL store (store.url): the maintained Swift client, on SwiftNIO, with its own
        // TLS through swift-nio-ssl. Its blocking-friendly EventLoopFuture API is used directly.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // Pure pipeline: bytes in, ExtractionRecord out. No dependencies but Foundation and
        // libxml2's HTML parser (the HTML reader).
        .target(
            name: "GazetteExtraction",
            dependencies: ["CLibXML2"],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        // One way to touch files: status, bounded reads, atomic writes, over swift-system.
        .target(
            name: "GazetteFiles",
            dependencies: [.product(name: "SystemPackage", package: "swift-system")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "GazetteStore",
            dependencies: [
                "GazetteExtraction",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the persistent-WAL file control GRDB does not wrap.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // The store in a PostgreSQL database that several nodes share (store.url).
        .target(
            name: "GazettePostgres",
            dependencies: [
                "GazetteExtraction",
                "GazetteStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "GazetteIntake",
            dependencies: [
                "CMalloc",
                "GazetteExtraction",
                "GazetteFiles",
                "GazetteStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "GazetteDigest",
            dependencies: [
                "GazetteExtraction",
                "GazetteFiles",
                "GazetteStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            resources: [.copy("Templates")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "GazetteDaemon",
            dependencies: [
                "GazetteExtraction",
                "GazetteFiles",
                "GazetteStore",
                "GazetteIntake",
                "GazetteDigest",
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "gazette",
            dependencies: [
                "CMalloc",
                "GazetteDaemon",
                "GazetteDigest",
                "GazetteExtraction",
                "GazetteFiles",
                "GazetteIntake",
                "GazetteStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: swiftSettings
        ),
        // Training the tagger's model (gazette-tools train-ner); not linked into gazette.
        .target(
            name: "GazetteTraining",
            dependencies: ["GazetteExtraction"],
            swiftSettings: swiftSettings
        ),
        // Fuzzing entry points over the extraction pipeline and the record invariants they check
        // (FUZZING.md); the unit tests replay the committed crashers through them.
        .target(
            name: "GazetteFuzzing",
            dependencies: ["GazetteExtraction"],
            swiftSettings: swiftSettings
        ),
        // Replays files through a fuzz target; built with `-DFUZZING -sanitize=fuzzer` it is the
        // libFuzzer binary (scripts/fuzz.sh).
        .executableTarget(
            name: "gazette-fuzz",
            dependencies: ["GazetteFuzzing", "CLibFuzzer"],
            swiftSettings: swiftSettings
        ),
        // libxml2 (Debian/Ubuntu `libxml2-dev`), found through pkg-config.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // libFuzzer's driver declaration, used by gazette-fuzz only when built for fuzzing.
        .systemLibrary(name: "CLibFuzzer"),
        // glibc's <malloc.h> (malloc_trim): the intake gives freed memory back after a large file.
        .systemLibrary(name: "CMalloc"),
        // Developer tools: model training, benchmarks, synthetic data. Not installed for users.
        .executableTarget(
            name: "gazette-tools",
            dependencies: [
                "GazetteExtraction",
                "GazetteTraining",
                "GazetteStore",
                "GazetteDigest",
                "GazetteFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "GazetteTestSupport",
            dependencies: ["GazetteExtraction", "GazetteFiles", "GazetteStore"],
            path: "Tests/GazetteTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GazetteExtractionTests",
            dependencies: ["GazetteExtraction", "GazetteFuzzing", "GazetteTestSupport", "GazetteTraining"],
            // Article fixtures and fuzz crashers, read from the source tree.
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GazetteFilesTests",
            dependencies: [
                "GazetteFiles", "GazetteTestSupport", .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GazetteStoreTests",
            dependencies: [
                "GazetteExtraction", "GazetteStore", "GazetteTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // Run against a server when GAZETTE_TEST_POSTGRES_URL is set (scripts/postgres-test-server.sh).
        .testTarget(
            name: "GazettePostgresTests",
            dependencies: [
                "GazetteExtraction", "GazettePostgres", "GazetteStore", "GazetteTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GazetteIntakeTests",
            dependencies: [
                "GazetteExtraction", "GazetteIntake", "GazetteStore", "GazetteTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GazetteDigestTests",
            dependencies: [
                "GazetteDigest", "GazetteExtraction", "GazetteStore", "GazetteTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GazetteDaemonTests",
            dependencies: [
                "GazetteDaemon", "GazetteDigest", "GazetteExtraction", "GazetteIntake", "GazetteStore",
                "GazetteTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The catalogue of hostile and faulty inputs, through intake, store and digest (RELIABILITY.md).
        .testTarget(
            name: "GazetteReliabilityTests",
            dependencies: [
                "GazetteDigest", "GazetteExtraction", "GazetteFiles", "GazetteIntake", "GazetteStore",
                "GazetteTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Tests that run the built gazette binary (the daemon, the CLI, crash loops).
        .testTarget(
            name: "GazetteIntegrationTests",
            dependencies: [
                "gazette", "GazetteExtraction", "GazetteStore", "GazetteTestSupport",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
