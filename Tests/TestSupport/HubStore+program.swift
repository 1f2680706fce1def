public import ServiceRuntime

extension HubStore {
    /// Runs `body` with a program's store of this kind, opened as the program opens it, and the
    /// settings that name it: the SQLite file in `directory`, or a new PostgreSQL database (dropped
    /// when `body` ends). The store is closed when `body` ends.
    ///
    /// ```swift
    /// try await hub.withProgramStore(SyncServerProgram.self, in: folder.file("county")) { settings, store in
    ///     let county = try SyncServerProgram.assemble(settings: settings, store: store, webRoot: nil)
    /// }
    /// ```
    public func withProgramStore<Program: ServiceProgram, Answer>(
        _ program: Program.Type, in directory: String, _ body: (ServiceSettings, ProgramStore) async throws -> Answer
    ) async throws -> Answer {
        func run(_ settings: ServiceSettings) async throws -> Answer {
            let store = try await ServiceLauncher.openStore(program, settings: settings)
            do {
                let answer = try await body(settings, store)
                await store.close()
                return answer
            } catch {
                await store.close()
                throw error
            }
        }
        let settings = ServiceSettings(program: Program.name, port: 0, dataDirectory: directory)
        switch self {
        case .sqlite: return try await run(settings)
        case .postgres:
            return try await PostgresForTests.withDatabase { address in
                try await run(ServiceSettings(program: Program.name, port: 0, dataDirectory: directory, database: address))
            }
        }
    }
}
