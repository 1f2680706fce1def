public import StoreInterface

/// What the traceability module reads and writes in a transaction of its store: lots, events and
/// certificates by id or by the key of their code, lineage through transformations, and what is
/// derived as records arrive. Each store's transaction adopts it (`TraceabilitySQLite` for SQLite);
/// the lookup, the rules and the recorder are Swift over it.
///
/// ```swift
/// let lot = try await store.reading { transaction in try transaction.trace.lot(id: "L-1") }
/// ```
public protocol TraceTransaction: StoreTransaction {
    func lot(id: String) throws -> TraceLot?
    /// The newest lot whose code has this key (``TraceCode/lookupKey``).
    func lot(codeKey: String) throws -> TraceLot?
    /// The lots registered most recently, of one village or of all.
    func recentLots(village: String?, limit: Int) throws -> [TraceLot]
    /// The village of a lot, or `nil` if it is not held.
    func villageOfLot(_ id: String) throws -> String?
    /// A lot other than `except` whose code has this key.
    func lotHolding(codeKey: String, except: String?) throws -> String?
    /// Whether a lot or a certificate holds a code with this key.
    func isCodeKeyTaken(_ key: String, byCertificatesToo: Bool) throws -> Bool

    func event(id: String) throws -> TraceEvent?
    /// The events of the given lots, oldest first.
    func events(ofLots ids: [String]) throws -> [TraceEvent]
    /// Every lot reached from a lot one way through transformations not retracted, within
    /// `maximumDepth`, nearest first, each once.
    func lineage(from lotID: String, direction: TraceLineage.Direction, maximumDepth: Int) throws -> [TraceLineage.Step]

    func certificate(id: String) throws -> TraceCertificate?
    /// The newest certificate whose code has this key.
    func certificate(codeKey: String) throws -> TraceCertificate?
    /// A lot's latest certificate.
    func certificate(ofLot lotID: String) throws -> TraceCertificate?
    func certificateCount(ofLot lotID: String) throws -> Int
    /// A certificate other than `except` whose code has this key.
    func certificateHolding(codeKey: String, except: String?) throws -> String?

    /// Derived as records arrive (``TraceArrivals``): the key a lot's or certificate's code is found
    /// by; an event marked retracted (`onlyIfRetractionHeld`: only if a retraction of it is held);
    /// a transformation's lots linked, every input to every output.
    func setCodeKey(_ key: String, ofLot lotID: String) throws
    func setCodeKey(_ key: String, ofCertificate certificateID: String) throws
    func markRetracted(_ eventID: String, onlyIfRetractionHeld: Bool) throws
    func link(transformation eventID: String, inputs: [String], outputs: [String]) throws
}

extension StoreTransaction {
    /// The transaction as the traceability module reads and writes in it.
    public var trace: any TraceTransaction {
        get throws { try self.as((any TraceTransaction).self) }
    }
}
