import Foundation
import GRDB
import TestSupport
import Testing

@testable import Storage
import Synchronization

@Suite struct GroupCommitTests {
    static let things = Migration(module: "sample", number: 1, name: "things") { db in
        try db.execute(sql: "CREATE TABLE thing (id INTEGER PRIMARY KEY, name TEXT NOT NULL CHECK (name <> ''))")
    }
    let folder = try! TemporaryFolder()

    func store() throws -> Store {
        try Store.open(path: folder.file("group.sqlite"), role: "county", schema: Schema(modules: [[Self.things]]))
    }

    @Test func concurrentWritesAllCommitAndAnswer() async throws {
        let store = try store()
        let answers = try await withThrowingTaskGroup(of: Int.self) { tasks in
            for number in 1...200 {
                tasks.addTask {
                    try await store.groupCommit.write { db in
                        try db.execute(sql: "INSERT INTO thing(id, name) VALUES (?, ?)", arguments: [number, "t\(number)"])
                        return number * 2
                    }
                }
            }
            return try await tasks.reduce(into: []) { $0.append($1) }
        }
        #expect(answers.sorted() == (1...200).map { $0 * 2 })
        #expect(try await store.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM thing") } == 200)
    }

    @Test func groupsAreCheckpointedInTheBackgroundNotByTheWriter() async throws {
        let store = try store()
        let file = folder.file("group.sqlite")
        let before = try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int ?? 0
        try await store.groupCommit.write { db in
            for number in 1...2_000 {
                try db.execute(sql: "INSERT INTO thing(id, name) VALUES (?, ?)", arguments: [number, String(repeating: "x", count: 100)])
            }
        }
        let checkpointer = try #require(store.groupCommit.checkpointer.withLock { $0 })
        checkpointer.waitUntilIdle()
        // The writer's own checkpoint waits for a much larger log, so only the background one has
        // copied the rows into the database file.
        let writerPages = try await store.pool.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint")
        }
        #expect(writerPages == Checkpointer.writerFallbackPages)
        let after = try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int ?? 0
        #expect(after > before + 2_000 * 100)
    }

    @Test func aFailingWriteGetsItsErrorAndTheOthersCommit() async throws {
        let store = try store()
        let outcomes = await withTaskGroup(of: (Int, Bool).self) { tasks in
            for number in 1...60 {
                tasks.addTask {
                    do {
                        try await store.groupCommit.write { db in
                            // Every seventh breaks the CHECK after a first insert of its own.
                            try db.execute(sql: "INSERT INTO thing(id, name) VALUES (?, 'ok')", arguments: [number])
                            if number % 7 == 0 { try db.execute(sql: "INSERT INTO thing(id, name) VALUES (?, '')", arguments: [number + 1000]) }
                        }
                        return (number, true)
                    } catch {
                        return (number, false)
                    }
                }
            }
            return await tasks.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        #expect(outcomes.filter { !$0.value }.keys.sorted() == stride(from: 7, through: 60, by: 7).map { $0 })
        let held = try await store.pool.read { try Int.fetchAll($0, sql: "SELECT id FROM thing ORDER BY id") }
        #expect(held == (1...60).filter { $0 % 7 != 0 })
    }
}
