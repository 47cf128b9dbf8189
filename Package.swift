// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "policykb",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "policykb", targets: ["policykb"]),
        // The FTS5 tokenizer as a run-time loadable SQLite extension, for the
        // sqlite3 shell, Python and Datasette (see README).
        .library(name: "PolicykbFTS5", type: .dynamic, targets: ["PolicykbFTS5"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The system libsqlite3 (Debian: libsqlite3-dev).
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // The Chinese full-text tokenizer, in C so that it also builds as an
        // SQLite extension.
        .target(name: "PolicykbFTS5", path: "Sources/PolicykbFTS5"),
        // Thin typed layer over SQLite; knows nothing of policykb.
        .target(name: "SQLiteDB", dependencies: ["CSQLite"]),
        // SHA-256, for file digests and migration checksums.
        .target(name: "PolicykbDigest"),
        // Migrations/*.sql, embedded into the binary by the plugin below.
        .target(
            name: "PolicykbMigrations",
            dependencies: ["SQLiteDB"],
            path: "Migrations",
            plugins: ["EmbedMigrations"]
        ),
        .executableTarget(name: "migration-embedder", dependencies: ["PolicykbDigest"], path: "Plugins/MigrationEmbedder"),
        .plugin(
            name: "EmbedMigrations",
            capability: .buildTool(),
            dependencies: ["migration-embedder"],
            path: "Plugins/EmbedMigrations"
        ),
        // The domain: parsing, extraction, store and queries.
        .target(name: "PolicyCore", dependencies: ["SQLiteDB", "PolicykbFTS5", "PolicykbMigrations", "PolicykbDigest"]),
        // Generated bulletins for scale tests and benchmarks.
        .target(name: "CorpusGenerator"),
        .executableTarget(name: "policykb-corpus", dependencies: ["CorpusGenerator"]),
        // Benchmarks (not part of the tests): see README.
        .executableTarget(
            name: "policykb-bench",
            dependencies: ["CorpusGenerator", "SQLiteDB", "PolicyCore"],
            path: "Benchmarks/PolicykbBench"
        ),
        // The command-line tool.
        .executableTarget(
            name: "policykb",
            dependencies: [
                "PolicyCore",
                "SQLiteDB",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Paths and helpers every test target shares.
        .target(name: "PolicykbTestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "SQLiteDBTests", dependencies: ["SQLiteDB", "CSQLite"]),
        .testTarget(name: "PolicykbDigestTests", dependencies: ["PolicykbDigest"]),
        .testTarget(name: "PolicykbFTS5Tests", dependencies: ["PolicykbFTS5", "SQLiteDB"]),
        .testTarget(name: "PolicyCoreTests", dependencies: ["PolicyCore", "CorpusGenerator", "PolicykbTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "EndToEndTests", dependencies: ["PolicyCore", "policykb", "CorpusGenerator", "policykb-corpus",
                                                          "PolicykbTestSupport"]),
    ]
)
