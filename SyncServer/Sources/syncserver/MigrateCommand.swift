import ArgumentParser
import Domains
import Notices
import PostgresFromSQLite
import PostgresStorage
import ServiceRuntime
import Storage
import StoreInterface
import SyncServerService

/// `syncserver migrate --to postgres://…`: moves the county's SQLite store (its `--data-dir`) into a
/// hub's empty PostgreSQL database, with its log, its positions, its identity and its stations' keys,
/// so that its stations go on syncing with the hub without enrolling again. Stop the county first;
/// then serve with `--database`.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Move the county's SQLite store into a hub's empty PostgreSQL database, with its log.")

    @OptionGroup var storage: DataDirectoryOption<SyncServerProgram>
    @Option(help: "The hub's database: postgres://user:password@host:port/database (empty, sorting by code point).") var to: String

    func run() async throws {
        let source = ServiceLauncher.openStoreOrExit(SyncServerProgram.self, dataDirectory: storage.path())
        let address: PostgresAddress
        do { address = try PostgresAddress(to) } catch { ServiceLauncher.exit(with: .database(error), program: SyncServerProgram.name) }
        do {
            let target = try await PostgresStore.open(address, role: SyncServerProgram.storeRole, schema: DomainModules.postgresSchema)
            let copied = try await SQLiteToPostgres.copy(from: source, to: target)
            // What the notices module derives from its rows (the search terms), derived again in the hub's own form.
            try await target.writing { transaction in
                let notices = try transaction.notices
                for id in try notices.noticeIDs() { try notices.reindexNotice(id) }
            }
            await target.close()
            print("已迁移 — moved \(copied.rows) rows of \(copied.tables) tables from \(source.path) to \(address)")
            if !copied.skipped.isEmpty { print("not kept by the hub, left behind: \(copied.skipped.joined(separator: ", "))") }
            print("serve the hub with: syncserver serve --database \(address)")
        } catch let error as PostgresStoreError {
            ServiceLauncher.exit(with: .database(error), program: SyncServerProgram.name)
        } catch {
            ServiceLauncher.fail("迁移失败，数据库未改动 — migration failed, the database is unchanged: \(error)", program: SyncServerProgram.name)
        }
    }
}
