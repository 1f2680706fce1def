/// Where a change holds a NUL character (U+0000): no record's text may hold one, a hub on
/// PostgreSQL could not keep it, and a refusal that quoted it could not be kept either.
///
/// ```swift
/// if let place = change.nullCharacterPlace { return "\(place) holds a NUL character" }
/// ```
extension Change {
    /// The first part of the change that holds a NUL character — its collection, record id,
    /// scope, a field's name or a field's text — named without quoting it, or nil.
    public var nullCharacterPlace: String? {
        func holdsNull(_ text: String) -> Bool { text.utf8.contains(0) }
        if holdsNull(collection) { return "the collection's name" }
        if holdsNull(recordID) { return "the record id" }
        if holdsNull(scope) { return "the scope" }
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            if holdsNull(name) { return "a field's name" }
            if let text = value.textValue, holdsNull(text) { return "field \(name)" }
        }
        if bases.keys.contains(where: holdsNull) { return "a field's name" }
        return nil
    }
}
