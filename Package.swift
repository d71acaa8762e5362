// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "clarity-report",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "clarity-report", targets: ["clarity-report"])
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
        // The MCP SDK's own dependency; the tests name its FileDescriptor to run the stdio transport over pipes.
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
    ],
    targets: [
        // Pure domain values: export responses, days and weeks, KPIs, segments, releases. No I/O.
        .target(name: "ClarityModel"),
        // zstd, confined to one system-library target: the store keeps raw responses compressed.
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        // The SQLite metric store: schema, ingest, day attribution, coverage and queries.
        .target(
            name: "ClarityStore",
            dependencies: [
                "ClarityModel", "CZstd",
                .product(name: "GRDB", package: "GRDB.swift"),
                // GRDB's own SQLite module: the hot summing loop reads columns straight from the statement.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        // A deterministic synthetic site written as API-shaped responses.
        .target(name: "ClarityDemo", dependencies: ["ClarityModel"]),
        // SVG charts, pure.
        .target(name: "ClarityCharts", dependencies: ["ClarityModel"]),
        // cmark-gfm, confined to one system-library target.
        .systemLibrary(name: "CCmarkGFM", pkgConfig: nil, providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        // librsvg and cairo, confined to one system-library target, for the email's PNG charts.
        .systemLibrary(name: "CRsvg", pkgConfig: "librsvg-2.0", providers: [.apt(["librsvg2-dev"])]),
        // pango and fontconfig, confined to one system-library target: the PNG charts' private font configuration.
        .systemLibrary(name: "CPango", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev"])]),
        // libcurl, confined to one system-library target, for SMTP submission.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // Templates, Markdown to HTML, research-log merge, the email message and its PNG charts.
        .target(
            name: "ClarityRender",
            dependencies: [
                "ClarityModel", "ClarityCharts", "CCmarkGFM", "CRsvg", "CPango",
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        // The Data Export API client, the daily plan and the request budget.
        .target(name: "ClarityFetch", dependencies: ["ClarityModel", "ClarityStore"]),
        // SMTP delivery: a message's envelope (pure), retries, and submission through libcurl.
        .target(name: "ClarityDelivery", dependencies: ["ClarityModel", "ClarityRender", "CCurl"]),
        // The MCP server over stdio: the store's history as tools, resources and a prompt for AI assistants, read-only.
        .target(
            name: "ClarityMCP",
            dependencies: [
                "ClarityModel", "ClarityStore", "ClarityRender",
                .product(name: "MCP", package: "swift-sdk"),
            ]),
        // Runs other programs (git) with both output pipes drained together; the tests run theirs through it too.
        .target(name: "ClarityProcess"),
        // Commands and the pipeline wiring, testable without the executable.
        .target(
            name: "ClarityApp",
            dependencies: [
                "ClarityModel", "ClarityStore", "ClarityDemo", "ClarityCharts", "ClarityRender", "ClarityFetch", "ClarityDelivery", "ClarityMCP",
                "ClarityProcess",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "clarity-report",
            dependencies: [
                "ClarityApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // The benchmark: ingest and reports at the API's maximum volume against the sqlite3 shell (`swift run -c release clarity-bench`).
        .executableTarget(
            name: "clarity-bench",
            dependencies: [
                "ClarityDemo", "ClarityModel", "ClarityStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // What the test targets share: the hostile-text corpus, golden files, processes, servers and scratch stores.
        .target(name: "ClarityTestSupport", dependencies: ["ClarityModel", "ClarityProcess"], resources: [.copy("Samples")]),
        .testTarget(
            name: "ClarityModelTests",
            dependencies: [
                "ClarityModel", "ClarityTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(
            name: "ClarityStoreTests",
            dependencies: [
                "ClarityStore", "ClarityDemo", "ClarityModel", "ClarityTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(name: "ClarityChartsTests", dependencies: ["ClarityCharts", "ClarityModel", "ClarityTestSupport"], resources: [.copy("Golden")]),
        .testTarget(name: "ClarityRenderTests", dependencies: ["ClarityRender", "ClarityCharts", "ClarityModel", "ClarityProcess", "CRsvg"]),
        .testTarget(name: "ClarityFetchTests", dependencies: ["ClarityFetch", "ClarityStore", "ClarityModel", "ClarityTestSupport"]),
        .testTarget(name: "ClarityDeliveryTests", dependencies: ["ClarityDelivery"]),
        .testTarget(name: "ClarityProcessTests", dependencies: ["ClarityProcess"]),
        .testTarget(name: "ClarityTestSupportTests", dependencies: ["ClarityTestSupport", "ClarityModel"]),
        .testTarget(
            name: "ClarityAppTests",
            dependencies: [
                "ClarityApp", "ClarityCharts", "ClarityDemo", "ClarityMCP", "ClarityModel", "ClarityProcess", "ClarityRender", "ClarityStore",
                "ClarityTestSupport",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "SystemPackage", package: "swift-system"),
            ], exclude: ["Golden", "SMTP/smtp-server.py", "MCP/mcp-client.py"]),
    ]
)
