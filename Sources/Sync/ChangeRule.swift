import StoreInterface

/// A rule a change of a collection must pass wherever it is applied: written here through a
/// program's API, pushed by a station to the county, or pulled by a station from the county.
/// A push carries data, not authority (DESIGN §2.6): the operator of a kiosk has root on it, its
/// key included, so the county checks again everything the station's own API would have.
///
/// Each domain declares its collections' rules beside them (``SyncCollection/rules``), once; the
/// sync layer runs them on every path. A rule answers `nil` when the change may take effect, else
/// why not: the change is then refused (a local write throws ``SyncError/refused(rule:reason:)``)
/// or quarantined with the rule's name (a change that arrived), and the queue goes on.
///
/// ```swift
/// let onlyTheCountyReviews = ChangeRule("ledger.draft.review") { change in
///     guard change.author != .county, try change.sets("status", to: "reviewed") else { return nil }
///     return "only the county reviews a voucher"
/// }
/// ```
public struct ChangeRule: Sendable {
    /// The rule's name, as a quarantined change names the rule it broke.
    public let name: String
    let check: @Sendable (ProposedChange) throws -> String?

    public init(_ name: String, _ check: @escaping @Sendable (ProposedChange) throws -> String?) {
        self.name = name
        self.check = check
    }
}

extension ChangeRule {
    /// For a record whose id is made from its fields (a month's close, a notice's receipt): the id
    /// must be the one its fields make, so that nobody squats another village's id and turns the
    /// real act, when it comes, into a no-op.
    ///
    /// ```swift
    /// ChangeRule.idMadeOfFields("notices.shown.id") { change in
    ///     "\(try change.text("notice_id") ?? "")@\(try change.text("village_code") ?? "")"
    /// }
    /// ```
    public static func idMadeOfFields(_ name: String, _ make: @escaping @Sendable (ProposedChange) throws -> String)
        -> ChangeRule
    {
        ChangeRule(name) { change in
            let expected = try make(change)
            return change.recordID == expected ? nil : "the id must be \(expected), as its fields make it"
        }
    }
}

/// Who made a change: the county, or a station of a village. A station's push is a station's
/// whatever it claims; a pulled change is the county's only if it comes from the county's origin.
public enum ChangeAuthor: Sendable, Hashable, CustomStringConvertible {
    case county
    case station(village: String)

    /// The station's village, or `nil` for the county.
    public var village: String? {
        if case .station(let village) = self { return village }
        return nil
    }

    public var description: String {
        switch self {
        case .county: "the county"
        case .station(let village): "a station of \(village)"
        }
    }
}

/// A change as a rule sees it: its fields, the record as held before it, who made it, and the
/// store it is about to be applied to (for the references a rule must check).
///
/// ```swift
/// let amount = try change.integer("amount_fen")      // the change's value, else the held one
/// let isNew = try change.isNew
/// ```
public struct ProposedChange {
    public let change: Change
    public let collection: SyncCollection
    public let author: ChangeAuthor
    /// Where the change is being applied.
    public let here: Replica.Role
    /// The transaction the change is judged in, as the domain's transaction protocol reads it
    /// (`change.transaction.trace`).
    public let transaction: any ChangeLogTransaction

    /// The record's id.
    public var recordID: String { change.recordID }

    /// Whether no record of this id is held yet.
    public var isNew: Bool {
        get throws { try !transaction.recordExists(in: collection, id: change.recordID) }
    }

    /// Whether the change sets this field.
    public func sets(_ field: String) -> Bool { change.fields[field] != nil }

    /// Whether the change sets this field to this text.
    public func sets(_ field: String, to text: String) -> Bool { change.fields[field] == .text(text) }

    /// The field's value after the change: the change's, else the held record's, else null.
    public func value(_ field: String) throws -> SyncValue {
        if let value = change.fields[field] { return value }
        return try transaction.recordValue(field, in: collection, id: change.recordID)
    }

    /// The field as text after the change, or `nil` if it is not text.
    public func text(_ field: String) throws -> String? {
        if case .text(let text) = try value(field) { return text }
        return nil
    }

    /// The field as a whole number after the change, or `nil` if it is not one.
    public func integer(_ field: String) throws -> Int64? {
        if case .integer(let number) = try value(field) { return number }
        return nil
    }
}

extension SyncCollection {
    /// The first rule of the collection's the change breaks: its name and why.
    func brokenRule(_ proposed: ProposedChange) throws -> (rule: String, reason: String)? {
        for rule in rules {
            if let reason = try rule.check(proposed) { return (rule.name, reason) }
        }
        return nil
    }
}
