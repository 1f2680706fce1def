// swift-tools-version:6.2
// The village information station (`kiosk`) and the county sync server (`syncserver`):
// two programs over one shared core. See README.md for the map of the folders.
import PackageDescription

let package = Package(
    name: "VillageStation",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kiosk", targets: ["kiosk"]),
        .executable(name: "syncserver", targets: ["syncserver"]),
        .executable(name: "demo", targets: ["demo"]),
        .executable(name: "bench", targets: ["bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "4.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        // Already in the graph through Hummingbird; named for ServiceGroup, which runs a program's services.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // Already in the graph through Hummingbird; named for the slow-link emulator's TCP relay.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        // The station's HTTP client: timeouts that follow the link, no request sent again by itself.
        // Already in the graph through HummingbirdTesting.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        // The hub of a city or a province on PostgreSQL (issue 21): the chosen stack's PostgreSQL client.
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        // Already in the graph through postgres-nio; named for TLS to the hub's database (sslmode=require).
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.25.0"),
    ],
    targets: [
        // MARK: Primitives: no domain knowledge.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        // SQLite's C API, for the two statements of every captured change (bound without GRDB's
        // argument machinery) and for the benchmark's bare-SQLite baseline.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        // Debian's libqrencode: the QR codes a station shows for phones (QRDrawing).
        .systemLibrary(name: "CQREncode", path: "Sources/CQREncode", providers: [.apt(["libqrencode-dev"])]),
        .target(name: "QRDrawing", dependencies: ["CQREncode"]),
        // What every store offers above it: transactions a domain reads and writes through its own
        // protocol, and rows a record decodes itself from. No SQL, no GRDB.
        .target(name: "StoreInterface", dependencies: ["DomainCore"]),
        .target(
            name: "Storage",
            dependencies: ["StoreInterface", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "Sync",
            dependencies: ["StoreInterface", "DomainCore", "CZlib", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "SyncBundles",
            dependencies: ["Sync", "SyncHTTP", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "SyncHTTP",
            dependencies: ["StoreInterface", 
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                "DomainCore", "Sync", "Storage", "WebAPI",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // What every domain builds on and the layers above read: the errors a domain's rules throw.
        .target(name: "DomainCore"),
        .target(
            name: "WebAPI",
            dependencies: [
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                "DomainCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Front/common.js is the browser's side of these conventions, linked into both fronts.
            exclude: ["Front"]
        ),
        .target(name: "ChinaLocale"),
        .target(
            name: "Access",
            dependencies: [
                "StoreInterface", "WebAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                // scrypt, the slow salted hash of PINs and passwords.
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "ServiceRuntime",
            dependencies: [
                "Access", "AccessSQLite", "PostgresStorage", "Storage", "StoreInterface", "WebAPI",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),

        // MARK: Domains: each with Records, Rules, Queries, Schema, Routes.
        .target(
            name: "Villages",
            dependencies: ["StoreInterface", "DomainCore", "Sync", "WebAPI", .product(name: "Hummingbird", package: "hummingbird")]
        ),

        .target(
            name: "Prices",
            dependencies: ["StoreInterface", 
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                "DomainCore", "ChinaLocale", "Sync", "WebAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),

        .target(
            name: "Notices",
            dependencies: ["StoreInterface", 
                "DomainCore", "ChinaLocale", "Sync", "WebAPI",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),

        .target(
            name: "Traceability",
            dependencies: ["StoreInterface", 
                "DomainCore", "ChinaLocale", "Sync", "WebAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),

        .target(
            name: "Ledger",
            dependencies: ["StoreInterface", 
                "DomainCore", "ChinaLocale", "Sync", "WebAPI",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),

        // MARK: The SQLite store: each domain's tables and reads in SQLite, behind the domain's store protocol.
        // Only these targets (and Storage below them) import GRDB or speak SQL; SyncSQLite keeps the change log.
        .target(
            name: "SyncSQLite",
            dependencies: ["StoreInterface", "CSQLite", "Storage", "Sync", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Stores/SQLite/Sync"
        ),
        .target(
            name: "AccessSQLite",
            dependencies: ["StoreInterface", "Access", "Storage", "WebAPI", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Stores/SQLite/Access"
        ),
        .target(
            name: "PricesSQLite",
            dependencies: ["StoreInterface", "ChinaLocale", "Prices", "Storage", "Sync", "SyncSQLite", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Stores/SQLite/Prices"
        ),
        .target(
            name: "SyncHTTPSQLite",
            dependencies: ["StoreInterface", "Storage", "Sync", "SyncSQLite", "SyncHTTP", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Stores/SQLite/SyncHTTP"
        ),
        .target(
            name: "TraceabilitySQLite",
            dependencies: ["StoreInterface", "Storage", "Sync", "SyncSQLite", "Traceability", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Stores/SQLite/Traceability"
        ),
        .target(
            name: "VillagesSQLite",
            dependencies: ["StoreInterface", "Storage", "Sync", "SyncSQLite", "Villages", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Stores/SQLite/Villages"
        ),

        // The benchmark's SQLite side: bulk loading, and the baselines measured on bare SQLite.
        .target(
            name: "SQLiteBaselines",
            dependencies: ["StoreInterface", 
                "CSQLite", "ChinaLocale", "Ledger", "LedgerSQLite", "Prices", "PricesSQLite", "Storage", "Sync", "SyncSQLite", "Traceability",
                "TraceabilitySQLite", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Stores/SQLite/Baselines"
        ),
        .target(
            name: "LedgerSQLite",
            dependencies: ["StoreInterface", "Ledger", "Storage", "Sync", "SyncSQLite", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Stores/SQLite/Ledger"
        ),
        .target(
            name: "NoticesSQLite",
            dependencies: ["StoreInterface", "ChinaLocale", "Notices", "Storage", "Sync", "SyncSQLite", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Stores/SQLite/Notices"
        ),

        // MARK: The PostgreSQL store: a hub's tables and reads in PostgreSQL, behind the same protocols.
        // Only these targets import PostgresNIO or speak PostgreSQL's SQL; PostgresStorage keeps the
        // connections, transactions and migrations, SyncPostgres the change log.
        .target(
            name: "PostgresStorage",
            dependencies: [
                "StoreInterface",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Stores/PostgreSQL/Storage"
        ),
        .target(
            name: "SyncPostgres",
            dependencies: ["StoreInterface", "PostgresStorage", "Sync"],
            path: "Stores/PostgreSQL/Sync"
        ),
        // A county's SQLite store moved into a hub's database (`syncserver migrate --to`): reads the one, writes the other.
        .target(
            name: "PostgresFromSQLite",
            dependencies: ["StoreInterface", "PostgresStorage", "Storage", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Stores/PostgreSQL/FromSQLite"
        ),
        // The benchmark's PostgreSQL side: counts in its own SQL, and its plain-insert baseline.
        .target(
            name: "PostgresBaselines",
            dependencies: ["StoreInterface", "PostgresStorage", "Sync", "SyncPostgres"],
            path: "Stores/PostgreSQL/Baselines"
        ),
        .target(
            name: "AccessPostgres",
            dependencies: ["StoreInterface", "Access", "PostgresStorage", "WebAPI"],
            path: "Stores/PostgreSQL/Access"
        ),
        .target(
            name: "SyncHTTPPostgres",
            dependencies: ["StoreInterface", "PostgresStorage", "Sync", "SyncPostgres", "SyncHTTP"],
            path: "Stores/PostgreSQL/SyncHTTP"
        ),
        .target(
            name: "PricesPostgres",
            dependencies: ["StoreInterface", "ChinaLocale", "PostgresStorage", "Prices", "Sync", "SyncPostgres"],
            path: "Stores/PostgreSQL/Prices"
        ),
        .target(
            name: "TraceabilityPostgres",
            dependencies: ["StoreInterface", "PostgresStorage", "Traceability"],
            path: "Stores/PostgreSQL/Traceability"
        ),
        .target(
            name: "NoticesPostgres",
            dependencies: ["StoreInterface", "ChinaLocale", "Notices", "PostgresStorage", "Sync"],
            path: "Stores/PostgreSQL/Notices"
        ),
        .target(
            name: "LedgerPostgres",
            dependencies: ["StoreInterface", "Ledger", "PostgresStorage", "Sync", "SyncPostgres"],
            path: "Stores/PostgreSQL/Ledger"
        ),
        .target(
            name: "VillagesPostgres",
            dependencies: ["StoreInterface", "PostgresStorage", "Villages"],
            path: "Stores/PostgreSQL/Villages"
        ),

        // MARK: Test and benchmark tools.
        .target(
            name: "SlowLink",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),

        // MARK: The one list of domain modules both programs serve.
        .target(
            name: "Domains",
            dependencies: [
                "StoreInterface", "SyncHTTPSQLite", "Access", "AccessSQLite", "Storage", "Sync", "SyncSQLite", "SyncHTTP", "WebAPI", "Villages",
                "VillagesSQLite", "Prices", "PricesSQLite", "Notices", "NoticesSQLite", "Traceability", "TraceabilitySQLite", "Ledger",
                "LedgerSQLite", "PostgresStorage", "SyncPostgres", "SyncHTTPPostgres", "AccessPostgres", "VillagesPostgres", "PricesPostgres",
                "NoticesPostgres", "TraceabilityPostgres", "LedgerPostgres",
            ]
        ),

        // MARK: Programs.
        .target(
            name: "KioskService",
            dependencies: [
                "QRDrawing",
                "SyncHTTPSQLite",
                "Access", "AccessSQLite", "Domains", "ServiceRuntime", "Sync", "SyncSQLite", "SyncHTTP", "Villages", "Prices", "Notices", "Traceability", "Ledger",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Kiosk/Sources/KioskService"
        ),
        .executableTarget(
            name: "kiosk",
            dependencies: [
                "SyncHTTPSQLite", "SyncBundles",
                "KioskService", "SyncHTTP", "Ledger", "ServiceRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Kiosk/Sources/kiosk"
        ),
        .target(
            name: "SyncServerService",
            dependencies: [
                "SyncHTTPSQLite", "SyncHTTPPostgres", "PostgresStorage", "AccessPostgres", "WebAPI",
                "Access", "AccessSQLite", "Domains", "ServiceRuntime", "Sync", "SyncSQLite", "SyncHTTP", "Villages", "Prices", "Notices",
                "NoticesSQLite", "Traceability", "Ledger",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "SyncServer/Sources/SyncServerService"
        ),
        .executableTarget(
            name: "syncserver",
            dependencies: [
                "SyncHTTPSQLite", "SyncBundles",
                "SyncServerService", "SyncHTTP", "Villages", "VillagesSQLite", "Prices", "Notices", "Ledger", "WebAPI", "DomainCore", "ChinaLocale", "Sync", "SyncSQLite", "ServiceRuntime",
                "Domains", "PostgresStorage", "PostgresFromSQLite", "StoreInterface",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "SyncServer/Sources/syncserver"
        ),

        // MARK: The demo: both programs on loopback with sample data.
        .target(
            name: "DemoData",
            dependencies: ["StoreInterface", "ChinaLocale", "Storage", "Sync", "SyncSQLite", "Villages", "VillagesSQLite", "Prices", "PricesSQLite", "Notices", "NoticesSQLite", "Traceability", "TraceabilitySQLite", "Ledger", "LedgerSQLite"],
            path: "Demo/Sources/DemoData"
        ),
        .executableTarget(
            name: "demo",
            dependencies: [
                "SyncHTTPSQLite",
                "Access", "DemoData", "KioskService", "SyncServerService", "SyncHTTP", "Villages",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Demo/Sources/demo"
        ),

        // MARK: Benchmarks: figures beside a baseline measured in the same run.
        .executableTarget(
            name: "bench",
            dependencies: ["StoreInterface", 
                "DomainCore",
                "SyncHTTPSQLite",
                "CZlib", "ChinaLocale", "Sync", "SyncSQLite", "Storage", "Prices", "PricesSQLite", "LedgerSQLite", "SQLiteBaselines", "Notices", "NoticesSQLite", "TraceabilitySQLite", "Traceability", "Ledger", "DemoData",
                "SlowLink", "SyncHTTP", "KioskService", "SyncServerService", "ServiceRuntime", "Villages", "VillagesSQLite",
                "PostgresStorage", "PostgresBaselines", "SyncHTTPPostgres", "PricesPostgres",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/Sources/bench"
        ),

        // MARK: Tests.
        .target(
            name: "TestSupport",
            dependencies: [
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                "WebAPI", "Storage", "Sync", "SyncSQLite", "PostgresStorage", "SyncPostgres", "ServiceRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "AccessTests",
            dependencies: ["Access", "AccessSQLite", "AccessPostgres", "PostgresStorage", "Storage", "StoreInterface", "WebAPI", "TestSupport"]
        ),
        .testTarget(name: "ChinaLocaleTests", dependencies: ["ChinaLocale", "TestSupport"]),
        .testTarget(name: "DomainCoreTests", dependencies: ["DomainCore"]),
        .testTarget(name: "QRDrawingTests", dependencies: ["QRDrawing", "TestSupport"]),
        .testTarget(
            name: "StorageTests",
            dependencies: ["Storage", "StoreInterface", "PostgresStorage", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "SyncTests",
            dependencies: [
                "Sync", "SyncSQLite", "SyncPostgres", "PostgresStorage", "Storage", "StoreInterface", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "SyncHTTPTests",
            dependencies: [
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                "SyncHTTP", "SyncServerService", "DemoData", "TestSupport", "Sync", "SyncSQLite", "ServiceRuntime", "WebAPI",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "WebAPITests",
            dependencies: [
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                "DomainCore", "WebAPI", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "VillagesTests",
            dependencies: [
                "DomainCore", "Villages", "VillagesSQLite", "VillagesPostgres", "PostgresStorage", "Storage", "Sync", "SyncSQLite",
                "SyncPostgres", "DemoData", "TestSupport",
            ]
        ),
        .testTarget(
            name: "PricesTests",
            dependencies: [
                "DomainCore", "Prices", "PricesSQLite", "PricesPostgres", "PostgresStorage", "ChinaLocale", "Storage", "StoreInterface", "Sync",
                "SyncSQLite", "SyncPostgres", "DemoData", "TestSupport", "WebAPI",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "TraceabilityTests",
            dependencies: [
                "DomainCore", "Traceability", "TraceabilitySQLite", "TraceabilityPostgres", "PostgresStorage", "ChinaLocale", "DemoData",
                "Storage", "StoreInterface", "Sync", "SyncSQLite", "SyncPostgres", "TestSupport", "WebAPI",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "LedgerTests",
            dependencies: [
                "DomainCore", "Ledger", "LedgerSQLite", "LedgerPostgres", "PostgresStorage", "ChinaLocale", "DemoData", "Storage",
                "StoreInterface", "Sync", "SyncSQLite", "SyncPostgres", "TestSupport", "WebAPI",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "SlowLinkTests",
            dependencies: [
                "SlowLink",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "NoticesTests",
            dependencies: [
                "DomainCore", "Notices", "NoticesSQLite", "NoticesPostgres", "PostgresStorage", "ChinaLocale", "Storage", "StoreInterface",
                "Sync", "SyncSQLite", "SyncPostgres", "TestSupport", "WebAPI",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "ProgramTests",
            dependencies: [
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                "KioskService", "SyncServerService", "Sync", "SyncSQLite", "SyncHTTP", "DemoData", "TestSupport", "Access", "AccessSQLite", "ServiceRuntime", "PostgresStorage",
                "WebAPI", "Storage", "StoreInterface", "Prices", "Ledger", "Traceability", "Villages", "Notices", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["ShippedMigrations.txt"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["TestSupport", "SlowLink", "PostgresStorage"]
        ),
        // The county and the station as a hostile kiosk and a relay would try them.
        .testTarget(
            name: "AttackTests",
            dependencies: [
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                "TestSupport", "PostgresStorage", "Sync", "SyncSQLite", "SyncHTTP", "Storage", "StoreInterface", "WebAPI", "Access", "ServiceRuntime", "SyncServerService",
                "KioskService", "DemoData", "Ledger", "LedgerSQLite", "Traceability", "TraceabilitySQLite", "Prices", "Notices",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
    ]
)

// Walls the compiler keeps: an existential is spelled `any`; an import is internal unless a public
// API needs it (`public import`); a member is visible only through its own module's import.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("InternalImportsByDefault"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .treatWarning("ExistentialAny", as: .error),
    ]
}
