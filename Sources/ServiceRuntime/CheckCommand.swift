public import ArgumentParser
import Foundation
import Storage

/// `<program> check`: a full consistency check of the program's store, for after a crash or a
/// power cut: SQLite's integrity and foreign keys, then the program's own rules (the sync log). On
/// a hub's PostgreSQL database the program's own rules; the database's pages are PostgreSQL's own
/// to check (`pg_amcheck`).
///
/// ```sh
/// kiosk check    # 一致性检查通过 — the store is consistent
/// ```
public struct CheckCommand<Program: ServiceProgram>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "check", abstract: "Check the store's integrity and the program's own rules.")
    }

    @OptionGroup var storage: DataDirectoryOption<Program>

    public init() {}

    public func run() async throws {
        let store = await ServiceLauncher.openStoreOrExit(Program.self, storage: storage)
        var problems = try await Program.consistencyProblems(store.transactions)
        if case .sqlite(let sqlite) = store { problems = try await sqlite.problems() + problems }
        await store.close()
        guard problems.isEmpty else {
            for problem in problems { FileHandle.standardError.write(Data("\(Program.name): \(problem)\n".utf8)) }
            ServiceLauncher.fail("一致性检查未通过 — \(problems.count) problems", program: Program.name)
        }
        if case .postgres = store {
            print("一致性检查通过 — \(store.location): the sync log is consistent; check the database's pages with pg_amcheck")
        } else {
            print("一致性检查通过 — \(store.location) is consistent")
        }
    }
}
