import Foundation
import GRDB

extension Store {
    /// Writes a consistent copy of the store to `path` while the program keeps running: SQLite's
    /// online backup, read in one snapshot, written beside the target and then renamed onto it, so
    /// that a copy is either whole or absent.
    ///
    /// ```swift
    /// try store.backup(to: "/media/usb/kiosk-2026-11-22.sqlite")
    /// ```
    public func backup(to path: String) throws(StorageError) {
        let partial = path + ".partial"
        do {
            try? FileManager.default.removeItem(atPath: partial)
            let copy = try DatabaseQueue(path: partial)
            try pool.backup(to: copy)
            try copy.close()
            // Renamed onto the old backup in one step: whatever happens, a whole backup is there.
            try Self.replace(path, with: partial)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw .storeUnusable(path: path, reason: "the backup could not be written: \(error)")
        }
    }

    /// Puts a backup in place of the store at `path`, which no program may have open.
    ///
    /// The backup is copied beside the store and opened there first: that checks it is a store of
    /// this `role` and migrates it to this `schema`; `prepare` then adjusts it (a station takes a
    /// new origin). Only then does it replace the store, whose WAL goes with it.
    public static func restore(
        from backup: String, to path: String, role: String, schema: Schema, prepare: (Store) async throws -> Void
    ) async throws {
        let incoming = path + ".restoring"
        for leftover in withSidecars(incoming) { try FileManager.default.removeItemIfPresent(atPath: leftover) }
        guard FileManager.default.fileExists(atPath: backup) else {
            throw StorageError.storeUnusable(path: backup, reason: "there is no backup at this path")
        }
        try FileManager.default.copyItem(atPath: backup, toPath: incoming)
        do {
            let store = try open(path: incoming, role: role, schema: schema)
            try await prepare(store)
            try await store.pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            try store.pool.close()
            // The live store's WAL would be replayed over the backup: it goes with the store.
            for stale in withSidecars(path) + withSidecars(incoming).dropFirst() {
                try FileManager.default.removeItemIfPresent(atPath: stale)
            }
            try replace(path, with: incoming)
        } catch {
            for leftover in withSidecars(incoming) { try? FileManager.default.removeItem(atPath: leftover) }
            throw error
        }
    }
}

extension Store {
    /// Puts `source` in place of `target` with one `rename`, which replaces it atomically: there is
    /// no moment when neither is there (removing the target first left one).
    static func replace(_ target: String, with source: String) throws {
        guard rename(source, target) == 0 else {
            throw StorageError.storeUnusable(path: target, reason: String(cString: strerror(errno)))
        }
    }
}

/// A database file and the WAL and shared-memory files SQLite keeps beside it.
private func withSidecars(_ path: String) -> [String] { [path, path + "-wal", path + "-shm"] }

extension FileManager {
    func removeItemIfPresent(atPath path: String) throws {
        if fileExists(atPath: path) { try removeItem(atPath: path) }
    }
}
