/// A change as JSON, by hand: the same keys and values its `Codable` conformance gives, so either
/// side may read what the other wrote.
extension Change {
    init(reading reader: inout SyncJSONReader) throws {
        var (origin, collection, recordID, scope, signature): (String?, String?, String?, String?, String?)
        var (sequence, timestamp): (Int64?, Int64?)
        var fields: [String: SyncValue]?
        var bases: [String: HybridTimestamp] = [:]
        try reader.members { reader, key in
            switch key {
            case CodingKeys.origin.rawValue: origin = try reader.string()
            case CodingKeys.sequence.rawValue: sequence = try reader.integer()
            case CodingKeys.timestamp.rawValue: timestamp = try reader.integer()
            case CodingKeys.collection.rawValue: collection = try reader.string()
            case CodingKeys.recordID.rawValue: recordID = try reader.string()
            case CodingKeys.scope.rawValue: scope = try reader.string()
            case CodingKeys.fields.rawValue: fields = try reader.fields()
            case CodingKeys.bases.rawValue: bases = try reader.timestamps()
            case CodingKeys.signature.rawValue: signature = try reader.null() ? nil : try reader.string()
            default: try reader.skip()
            }
        }
        guard let origin, let sequence, let timestamp, let collection, let recordID, let scope, let fields else {
            throw reader.malformed("a change with the keys o, n, t, c, r, s and f")
        }
        self.init(
            origin: origin, sequence: sequence, timestamp: HybridTimestamp(rawValue: timestamp), collection: collection,
            recordID: recordID, scope: scope, fields: fields, bases: bases, signature: signature)
    }

    /// Writes the change's wire object; with `rowsAsColumns`, its documents' rows as columns.
    func write(to json: inout String, rowsAsColumns: Bool = false) {
        let fields = logged?.fields ?? CompactJSON.encode(fields)
        Self.write(
            origin: origin, sequence: sequence, timestamp: timestamp.rawValue, collection: collection, recordID: recordID,
            scope: scope, fields: rowsAsColumns ? RowsAsColumns.fieldsJSON(fields) : fields,
            bases: logged?.bases ?? CompactJSON.encode(bases), signature: signature, to: &json)
    }

    /// A change's wire object from its parts, the fields and bases already JSON.
    static func write(
        origin: String, sequence: Int64, timestamp: Int64, collection: String, recordID: String, scope: String,
        fields: String, bases: String, signature: String?, to json: inout String
    ) {
        json += #"{"o":"#
        json += CompactJSON.quoted(origin)
        json += #","n":\#(sequence),"t":\#(timestamp),"c":"#
        json += CompactJSON.quoted(collection)
        json += #","r":"#
        json += CompactJSON.quoted(recordID)
        json += #","s":"#
        json += CompactJSON.quoted(scope)
        json += #","f":"#
        json += fields
        json += #","b":"#
        json += bases
        if let signature {
            json += #","g":"#
            json += CompactJSON.quoted(signature)
        }
        json += "}"
    }

    static func write(_ changes: [Change], to json: inout String, rowsAsColumns: Bool = false) {
        json.reserveCapacity(json.utf8.count + changes.count * 320)
        json += "["
        for (index, change) in changes.enumerated() {
            if index > 0 { json += "," }
            change.write(to: &json, rowsAsColumns: rowsAsColumns)
        }
        json += "]"
    }
}

extension SyncJSONReader {
    mutating func changes() throws -> [Change] {
        var changes: [Change] = []
        try elements { changes.append(try Change(reading: &$0)) }
        return changes
    }

    /// Bases: an object of hybrid timestamps.
    public mutating func timestamps() throws -> [String: HybridTimestamp] {
        var bases: [String: HybridTimestamp] = [:]
        try members { reader, key in bases[key] = HybridTimestamp(rawValue: try reader.integer()) }
        return bases
    }
}
