import DomainCore

/// A kind of record a domain hands to the sync layer: where it is stored, who owns it, and how two
/// replicas' versions of it merge (一数一源: one source per datum).
///
/// The sync layer reads and writes the collection's table by these names only; it knows nothing
/// else of the domain.
///
/// ```swift
/// let contracts = SyncCollection(
///     name: "ledger.contract", table: "contract", fields: ["party", "amount_fen", "ends_on", "status"],
///     scope: .village(column: "village_code"),
///     policy: .mergeable(reviewWorthy: ["party", "amount_fen", "ends_on"]))
/// ```
public struct SyncCollection: Sendable, Hashable {
    public static func == (left: SyncCollection, right: SyncCollection) -> Bool { left.name == right.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    /// Unique name across all domains, such as `prices.observation`.
    public let name: String
    /// The table holding the records.
    public let table: String
    /// The table's primary key: one text column, `id` unless the domain names another.
    public let idColumn: String
    /// The synced columns besides `id` (and the scope column, which is among them when per village).
    public let fields: [String]
    /// The same fields, for membership tests on every write, and sorted, the order a change with
    /// every field is written in (most are), so that capture need not sort them each time.
    let fieldSet: Set<String>
    let sortedFields: [String]
    /// Whether records are county-wide or belong to one village.
    public let scope: Scope
    /// Who may write and how versions merge.
    public let policy: MergePolicy
    /// A field whose non-zero value marks a county record urgent (a disaster warning): it then
    /// travels to every station ahead of the rest of the log, and the county learns who holds it.
    public let urgentField: String?
    /// The rules a change must pass wherever it is applied, beyond the sync layer's own (owner,
    /// policy, known fields, sizes): the domain's rule book for the collection.
    public let rules: [ChangeRule]
    /// The staff roles that may resolve a conflict of this collection's records (`StaffRole` raw values).
    public let resolvers: Set<String>
    /// For a record read county-wide: what a station outside its village receives of a change's
    /// fields instead (a natural person's name and phone masked), so that personal data stays in
    /// its own village's station and the county.
    public let redaction: Redaction?
    /// What the domain derives from a record as it is written (``RecordArrival``).
    public let arrival: RecordArrival?
    /// Whether every version of its records is evidence to keep (the books, a lot's history): the
    /// hub's log compaction (``LogCompaction``) then never removes a change of it.
    public let keepsHistory: Bool

    /// Rewrites a change's fields for stations outside the record's village; `stored` reads a
    /// field the change does not carry from the record as held.
    public struct Redaction: Sendable {
        let rewrite: @Sendable (_ fields: [String: SyncValue], _ stored: (String) throws -> SyncValue) throws -> [String: SyncValue]

        public init(
            _ rewrite: @escaping @Sendable (_ fields: [String: SyncValue], _ stored: (String) throws -> SyncValue) throws
                -> [String: SyncValue]
        ) {
            self.rewrite = rewrite
        }
    }

    public init(
        name: String, table: String, idColumn: String = "id", fields: [String], scope: Scope, policy: MergePolicy,
        urgentField: String? = nil, rules: [ChangeRule] = [], resolvers: Set<String> = ["operator", "admin"],
        redaction: Redaction? = nil, arrival: RecordArrival? = nil, keepsHistory: Bool = false
    ) {
        self.name = name
        self.table = table
        self.idColumn = idColumn
        self.fields = fields
        self.fieldSet = Set(fields)
        self.sortedFields = fields.sorted()
        self.scope = scope
        self.policy = policy
        self.urgentField = urgentField
        self.rules = rules
        self.resolvers = resolvers
        self.redaction = redaction
        self.arrival = arrival
        self.keepsHistory = keepsHistory
        if case .division(let column) = scope {
            precondition(!fieldSet.contains(column), "\(name): a division's code travels as its changes' scope, not as field \(column)")
            precondition(policy == .countyAuthoritative, "\(name): a division's records are published by the hub alone")
        }
    }

    /// A collection of a ``SyncRecord``, its fields derived from the record's coding keys (their
    /// snake_case names, in order), so that they are declared once, in the record: every key but the
    /// id's and those the domain derives where the record is kept (`unsynced`).
    ///
    /// ```swift
    /// static let payment = SyncCollection(
    ///     name: "ledger.payment", table: "ledger_payment", columns: ContractPayment.CodingKeys.self,
    ///     scope: .village(column: "village_code"), policy: .appendOnly)
    /// ```
    public init<Columns: CodingKey & CaseIterable>(
        name: String, table: String, columns: Columns.Type, idColumn: String = "id", unsynced: [Columns] = [],
        scope: Scope, policy: MergePolicy, urgentField: String? = nil, rules: [ChangeRule] = [],
        resolvers: Set<String> = ["operator", "admin"], redaction: Redaction? = nil, arrival: RecordArrival? = nil,
        keepsHistory: Bool = false
    ) {
        // A division's code travels as the change's scope (``Scope/division(column:)``).
        var left = Set(unsynced.map { JSONCoding.snakeCase($0.stringValue) } + [idColumn])
        if case .division(let column) = scope { left.insert(column) }
        self.init(
            name: name, table: table, idColumn: idColumn,
            fields: Columns.allCases.map { JSONCoding.snakeCase($0.stringValue) }.filter { !left.contains($0) },
            scope: scope, policy: policy, urgentField: urgentField, rules: rules, resolvers: resolvers, redaction: redaction,
            arrival: arrival, keepsHistory: keepsHistory)
    }

    /// Which replicas a collection's records belong to.
    public enum Scope: Sendable, Hashable {
        /// Public to every station of the county.
        case countyWide
        /// Published for the stations of one division beneath the hub (a province's, a city's or a
        /// county's notices, ``DivisionScopes``): the column holds the division's code, `""` for the
        /// hub's whole area. Written by the hub only, in a county-authoritative collection. The code
        /// travels as the change's scope (signed with it), not as a field: each replica writes it
        /// into the column from there, and a station of an earlier release, which knows no such
        /// field, still takes the hub-wide records.
        case division(column: String)
        /// Belongs to one village; the column holds the village's code.
        case village(column: String)
        /// Belongs to one village, which alone writes it, and is read by every station of the county:
        /// a trace lot is written where it is grown and looked up wherever its produce is sold.
        case villageShared(column: String)

        /// The column naming the village that owns a record, if a village does.
        public var ownerColumn: String? {
            switch self {
            case .countyWide, .division: nil
            case .village(let column), .villageShared(let column): column
            }
        }
    }

    /// Who writes a collection and how concurrent versions merge.
    public enum MergePolicy: Sendable, Hashable {
        /// Only the county writes; stations receive and display (price bulletins, notices).
        case countyAuthoritative
        /// Immutable facts with ids chosen at creation; a second insert is a no-op (vouchers, events).
        case appendOnly
        /// Merged field by field, the later hybrid timestamp winning; a concurrent change to a
        /// review-worthy field is also recorded as a conflict for a person to resolve.
        case mergeable(reviewWorthy: Set<String>)
    }

    /// The column holding the division a record is published for, when the collection's records
    /// are a division's (``Scope/division(column:)``).
    public var divisionColumn: String? {
        if case .division(let column) = scope { column } else { nil }
    }

    /// The names of a change's fields in sorted order: precomputed when the change sets every field.
    func sortedNames(of fields: [String: SyncValue]) -> [String] {
        fields.count == sortedFields.count ? sortedFields : fields.keys.sorted()
    }

    /// Whether a change to this field, concurrent with another, needs a person's review.
    public func isReviewWorthy(_ field: String) -> Bool {
        if case .mergeable(let fields) = policy { return fields.contains(field) }
        return false
    }
}
