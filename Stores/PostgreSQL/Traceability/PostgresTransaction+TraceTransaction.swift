import Foundation
public import PostgresStorage
import StoreInterface
public import Traceability

/// A PostgreSQL transaction as the traceability module reads and writes in it (the tables of
/// ``TracePostgresSchema``).
extension PostgresTransaction: TraceTransaction {
    public func lot(id: String) throws -> TraceLot? {
        try row("SELECT * FROM trace_lot WHERE id = $1", id).map { try TraceLot(row: $0) }
    }

    public func lot(codeKey: String) throws -> TraceLot? {
        try row("SELECT * FROM trace_lot WHERE code_key = $1 ORDER BY created_at DESC LIMIT 1", codeKey).map { try TraceLot(row: $0) }
    }

    public func recentLots(village: String?, limit: Int) throws -> [TraceLot] {
        try rows("SELECT * FROM trace_lot WHERE $1::text IS NULL OR village_code = $1 ORDER BY created_at DESC, id LIMIT $2", village, limit)
            .map { try TraceLot(row: $0) }
    }

    public func villageOfLot(_ id: String) throws -> String? {
        try text("SELECT village_code FROM trace_lot WHERE id = $1", id)
    }

    public func lotHolding(codeKey: String, except: String?) throws -> String? {
        try text("SELECT id FROM trace_lot WHERE code_key = $1 AND id IS DISTINCT FROM $2::text LIMIT 1", codeKey, except)
    }

    public func isCodeKeyTaken(_ key: String, byCertificatesToo: Bool) throws -> Bool {
        try isTrue(
            """
            SELECT (EXISTS(SELECT 1 FROM trace_lot WHERE code_key = $1)
                OR ($2::int = 1 AND EXISTS(SELECT 1 FROM trace_certificate WHERE code_key = $1)))::int
            """, key, byCertificatesToo)
    }

    public func event(id: String) throws -> TraceEvent? {
        try row("SELECT * FROM trace_event WHERE id = $1", id).map(TraceEvent.init(row:))
    }

    /// The lots as one JSON array, as the SQLite store binds them: a lineage of any size is one
    /// argument, never more than a statement may carry.
    public func events(ofLots ids: [String]) throws -> [TraceEvent] {
        let list = String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)
        return try rows(
            "SELECT * FROM trace_event WHERE lot_id IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY occurred_at, id", list
        ).map(TraceEvent.init(row:))
    }

    public func lineage(from lotID: String, direction: TraceLineage.Direction, maximumDepth: Int) throws -> [TraceLineage.Step] {
        let (from, to) = direction == .upstream ? ("output_lot", "input_lot") : ("input_lot", "output_lot")
        return try rows(
            """
            WITH RECURSIVE reached(lot_id, depth, via_event_id) AS (
                SELECT $1::text, 0, ''::text
                UNION
                SELECT link.\(to), reached.depth + 1, link.event_id
                FROM trace_link link
                JOIN reached ON link.\(from) = reached.lot_id
                JOIN trace_event event ON event.id = link.event_id AND event.retracted = 0
                WHERE reached.depth < $2::int
            )
            SELECT lot_id, depth, via_event_id FROM (
                SELECT DISTINCT ON (lot_id) lot_id, depth, via_event_id FROM reached
                WHERE lot_id <> $1 ORDER BY lot_id, depth, via_event_id
            ) AS nearest
            ORDER BY depth, lot_id
            """, lotID, maximumDepth
        ).map { TraceLineage.Step(lotID: $0.text(at: 0) ?? "", depth: Int($0.integer(at: 1) ?? 0), viaEventID: $0.text(at: 2) ?? "") }
    }

    public func certificate(id: String) throws -> TraceCertificate? {
        try row("SELECT * FROM trace_certificate WHERE id = $1", id).map { try TraceCertificate(row: $0) }
    }

    public func certificate(codeKey: String) throws -> TraceCertificate? {
        try row("SELECT * FROM trace_certificate WHERE code_key = $1 ORDER BY recorded_at DESC LIMIT 1", codeKey)
            .map { try TraceCertificate(row: $0) }
    }

    public func certificate(ofLot lotID: String) throws -> TraceCertificate? {
        try row("SELECT * FROM trace_certificate WHERE lot_id = $1 ORDER BY issued_on DESC, recorded_at DESC LIMIT 1", lotID)
            .map { try TraceCertificate(row: $0) }
    }

    public func certificateCount(ofLot lotID: String) throws -> Int {
        Int(try integer("SELECT COUNT(*) FROM trace_certificate WHERE lot_id = $1", lotID) ?? 0)
    }

    public func certificateHolding(codeKey: String, except: String?) throws -> String? {
        try text("SELECT id FROM trace_certificate WHERE code_key = $1 AND id IS DISTINCT FROM $2::text LIMIT 1", codeKey, except)
    }

    public func setCodeKey(_ key: String, ofLot lotID: String) throws {
        try execute("UPDATE trace_lot SET code_key = $1 WHERE id = $2", key, lotID)
    }

    public func setCodeKey(_ key: String, ofCertificate certificateID: String) throws {
        try execute("UPDATE trace_certificate SET code_key = $1 WHERE id = $2", key, certificateID)
    }

    public func markRetracted(_ eventID: String, onlyIfRetractionHeld: Bool) throws {
        if onlyIfRetractionHeld {
            try execute(
                "UPDATE trace_event SET retracted = 1 WHERE id = $1 AND EXISTS (SELECT 1 FROM trace_event WHERE retracts = $1)", eventID)
        } else {
            try execute("UPDATE trace_event SET retracted = 1 WHERE id = $1", eventID)
        }
    }

    public func link(transformation eventID: String, inputs: [String], outputs: [String]) throws {
        for input in inputs {
            for output in outputs {
                try execute(
                    "INSERT INTO trace_link(event_id, input_lot, output_lot) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", eventID, input,
                    output)
            }
        }
    }
}
