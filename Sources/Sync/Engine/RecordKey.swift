/// A record named across collections: its collection's name and its id.
///
/// ```swift
/// var pending = Set<RecordKey>()
/// pending.insert(RecordKey(collection: "prices.observation", id: id))
/// ```
struct RecordKey: Hashable, Sendable {
    let collection: String
    let id: String
}
