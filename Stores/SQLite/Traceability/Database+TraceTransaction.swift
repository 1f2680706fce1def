import Foundation
public import GRDB
import Sync
import StoreInterface
public import Traceability
public import Storage

/// A SQLite transaction as the traceability module reads and writes in it (the tables of
/// ``TraceSchema``; a lookup's statements are ``TraceStatements``, cached on the connection).
extension Database: TraceTransaction {
    public func lot(id: String) throws -> TraceLot? {
        try Row.mappedFirst(cachedStatement(sql: TraceStatements.lotByID), arguments: [id]) { try TraceLot(row: $0) }
    }

    public func lot(codeKey: String) throws -> TraceLot? {
        try Row.mappedFirst(cachedStatement(sql: TraceStatements.lotByKey), arguments: [codeKey]) { try TraceLot(row: $0) }
    }

    public func recentLots(village: String?, limit: Int) throws -> [TraceLot] {
        try Row.fetchAll(
            self,
            sql: "SELECT * FROM trace_lot WHERE ?1 IS NULL OR village_code = ?1 ORDER BY created_at DESC, id LIMIT ?2",
            arguments: [village, limit]
        ).map { try TraceLot(row: $0) }
    }

    public func villageOfLot(_ id: String) throws -> String? {
        try String.fetchOne(cachedStatement(sql: "SELECT village_code FROM trace_lot WHERE id = ?"), arguments: [id])
    }

    public func lotHolding(codeKey: String, except: String?) throws -> String? {
        try String.fetchOne(
            cachedStatement(sql: "SELECT id FROM trace_lot WHERE code_key = ? AND id IS NOT ? LIMIT 1"), arguments: [codeKey, except])
    }

    public func isCodeKeyTaken(_ key: String, byCertificatesToo: Bool) throws -> Bool {
        try Bool.fetchOne(
            self,
            sql: """
                SELECT EXISTS(SELECT 1 FROM trace_lot WHERE code_key = ?1)
                    OR (?2 AND EXISTS(SELECT 1 FROM trace_certificate WHERE code_key = ?1))
                """,
            arguments: [key, byCertificatesToo]) ?? true
    }

    public func event(id: String) throws -> Traceability.TraceEvent? {
        try Row.mappedFirst(cachedStatement(sql: "SELECT * FROM trace_event WHERE id = ?"), arguments: [id], Traceability.TraceEvent.init(row:))
    }

    public func events(ofLots ids: [String]) throws -> [Traceability.TraceEvent] {
        try Row.mapped(
            cachedStatement(sql: TraceStatements.eventsOfLots),
            arguments: [String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)], Traceability.TraceEvent.init(row:))
    }

    public func lineage(from lotID: String, direction: TraceLineage.Direction, maximumDepth: Int) throws -> [TraceLineage.Step] {
        let sql = direction == .upstream ? TraceStatements.upstream : TraceStatements.downstream
        return try Row.mapped(cachedStatement(sql: sql), arguments: [lotID, maximumDepth]) {
            TraceLineage.Step(lotID: $0[0], depth: $0[1], viaEventID: $0[2])
        }
    }

    public func certificate(id: String) throws -> TraceCertificate? {
        try Row.fetchOne(cachedStatement(sql: "SELECT * FROM trace_certificate WHERE id = ?"), arguments: [id])
            .map { try TraceCertificate(row: $0) }
    }

    public func certificate(codeKey: String) throws -> TraceCertificate? {
        try Row.mappedFirst(cachedStatement(sql: TraceStatements.certificateByKey), arguments: [codeKey]) { try TraceCertificate(row: $0) }
    }

    public func certificate(ofLot lotID: String) throws -> TraceCertificate? {
        try Row.mappedFirst(cachedStatement(sql: TraceStatements.certificateOfLot), arguments: [lotID]) { try TraceCertificate(row: $0) }
    }

    public func certificateCount(ofLot lotID: String) throws -> Int {
        try Int.fetchOne(self, sql: "SELECT COUNT(*) FROM trace_certificate WHERE lot_id = ?", arguments: [lotID]) ?? 0
    }

    public func certificateHolding(codeKey: String, except: String?) throws -> String? {
        try String.fetchOne(
            cachedStatement(sql: "SELECT id FROM trace_certificate WHERE code_key = ? AND id IS NOT ? LIMIT 1"),
            arguments: [codeKey, except])
    }

    public func setCodeKey(_ key: String, ofLot lotID: String) throws {
        try cachedStatement(sql: "UPDATE trace_lot SET code_key = ? WHERE id = ?").execute(arguments: [key, lotID])
    }

    public func setCodeKey(_ key: String, ofCertificate certificateID: String) throws {
        try cachedStatement(sql: "UPDATE trace_certificate SET code_key = ? WHERE id = ?").execute(arguments: [key, certificateID])
    }

    public func markRetracted(_ eventID: String, onlyIfRetractionHeld: Bool) throws {
        if onlyIfRetractionHeld {
            try cachedStatement(
                sql: "UPDATE trace_event SET retracted = 1 WHERE id = ?1 AND EXISTS (SELECT 1 FROM trace_event WHERE retracts = ?1)"
            ).execute(arguments: [eventID])
        } else {
            try cachedStatement(sql: "UPDATE trace_event SET retracted = 1 WHERE id = ?").execute(arguments: [eventID])
        }
    }

    public func link(transformation eventID: String, inputs: [String], outputs: [String]) throws {
        let insert = try cachedStatement(sql: "INSERT OR IGNORE INTO trace_link(event_id, input_lot, output_lot) VALUES (?, ?, ?)")
        for input in inputs {
            for output in outputs { try insert.execute(arguments: [eventID, input, output]) }
        }
    }
}
