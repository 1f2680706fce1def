public import Access
public import PostgresStorage
public import Storage
public import StoreInterface

/// What distinguishes one program from the other: its name, the prefix of its environment
/// variables, its default port, its store's schema and how its application is assembled.
///
/// The shared commands (``ServeCommand``) are generic over it, so each program's `main` only
/// names its program type.
///
/// ```swift
/// enum KioskProgram: ServiceProgram {
///     static let name = "kiosk"
///     static let environmentPrefix = "KIOSK"
///     static let defaultPort = 8080
///     static let storeRole = "kiosk"
///     static let schema = Schema(modules: [VillagesSchema.migrations])
///     static let sourceWebFolder: String? = "…/Kiosk/Web"
///     static func assemble(settings:store:webRoot:) -> KioskApplication { … }
/// }
/// ```
public protocol ServiceProgram: Sendable {
    associatedtype Assembly: ProgramAssembly

    /// The executable's name, used in messages and as the default data folder's name.
    static var name: String { get }
    /// The prefix of its environment variables: `KIOSK` gives `KIOSK_PORT`, `KIOSK_DATA_DIR`…
    static var environmentPrefix: String { get }
    /// The port it listens on when none is given.
    static var defaultPort: Int { get }
    /// The role its store records, so that a store of the other program is refused.
    static var storeRole: String { get }
    /// The migrations its store runs at start.
    static var schema: Schema { get }
    /// The migrations of its store on PostgreSQL, if it can keep one there (the county's hub).
    static var postgresSchema: PostgresSchema? { get }
    /// Its web front in a development checkout, if it has one.
    static var sourceWebFolder: String? { get }
    /// The page cache of its store's writer, in megabytes.
    static var writerCacheMegabytes: Int { get }
    /// How its people log in: PINs at the station, passwords at the county.
    static var loginPolicy: LoginPolicy { get }

    /// The program put together over an open SQLite store.
    static func assemble(settings: ServiceSettings, store: Store, webRoot: String?) throws -> Assembly

    /// The program put together over whichever store it was given.
    static func assemble(settings: ServiceSettings, store: ProgramStore, webRoot: String?) throws -> Assembly

    /// Adjusts a store brought back from a backup, before it replaces the live one; a message for
    /// the operator, if something remains for them to do.
    static func prepareRestored(_ store: any TransactionStore) async throws -> String?

    /// What breaks the program's own rules in a store its database finds sound (`check`).
    static func consistencyProblems(_ store: any TransactionStore) async throws -> [String]
}

extension ServiceProgram {
    /// The store's file name inside the data directory.
    public static var storeFileName: String { "\(name).sqlite" }
    /// The page cache of the store's writer: 16 MB, what a station can spare.
    public static var writerCacheMegabytes: Int { 16 }

    /// SQLite only, by default.
    public static var postgresSchema: PostgresSchema? { nil }

    /// A SQLite store assembled as such; a program that keeps no PostgreSQL store never gets one.
    public static func assemble(settings: ServiceSettings, store: ProgramStore, webRoot: String?) throws -> Assembly {
        guard case .sqlite(let sqlite) = store else { throw StartupFailure.databaseNotServed }
        return try assemble(settings: settings, store: sqlite, webRoot: webRoot)
    }

    /// Nothing to adjust by default.
    public static func prepareRestored(_ store: any TransactionStore) async throws -> String? { nil }

    /// No rules of its own by default.
    public static func consistencyProblems(_ store: any TransactionStore) async throws -> [String] { [] }
}

/// The version both programs report.
public enum BuildInfo {
    /// Semantic version of this build.
    public static let version = "0.1.0"
}
