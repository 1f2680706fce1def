/// A local write the sync layer refuses, naming the rule.
///
/// ```swift
/// do { try station.write(transaction, to: "prices.bulletin", id: id, fields: fields) }
/// catch SyncError.notWritableHere(let reason) { print(reason) }
/// ```
public enum SyncError: Error, Sendable, Equatable {
    /// No collection of that name is registered.
    case unknownCollection(String)
    /// A field the collection does not sync.
    case unknownField(collection: String, field: String)
    /// This replica may not write this record: the county owns it, or it is another village's.
    case notWritableHere(String)
    /// A village-scoped record without its village code.
    case missingScope(collection: String, recordID: String)
    /// A conflict that does not exist or is resolved already.
    case noOpenConflict(String)
    /// The change breaks a rule of its collection's rule book (``ChangeRule``).
    case refused(rule: String, reason: String)
    /// The value chosen for a conflict is neither of its values, or the person may not resolve it.
    case notAResolution(String)
}
