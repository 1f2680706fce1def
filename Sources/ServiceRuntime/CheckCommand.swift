public import ArgumentParser
import Foundation
import Storage

/// `<program> check`: a full consistency check of the program's store, for after a crash or a
/// power cut: SQLite's integrity and foreign keys, then the program's own rules (the sync log).
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
        let store = ServiceLauncher.openStoreOrExit(Program.self, dataDirectory: storage.path())
        let problems = try await store.problems() + Program.consistencyProblems(store)
        guard problems.isEmpty else {
            for problem in problems { FileHandle.standardError.write(Data("\(Program.name): \(problem)\n".utf8)) }
            ServiceLauncher.fail("一致性检查未通过 — \(problems.count) problems", program: Program.name)
        }
        print("一致性检查通过 — \(store.path) is consistent")
    }
}
