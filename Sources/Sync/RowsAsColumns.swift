/// A document's rows (a price bulletin's, ``CompactJSON/encode(rows:)``) as they travel to a
/// station that reads them so (``PullRequest/columns``): column by column, and a column of whole
/// numbers as its differences from the column before it when that one is of whole numbers too (a
/// minimum, an average and a maximum price lie close). Rows as text inside a change's JSON travel
/// with every quote escaped, row after row; deflated, a day's bulletin of 2,000 rows as columns is
/// about a seventh of it, and less than the same rows as CSV.
///
/// Lossless: the station rebuilds the text byte for byte (the change's signature covers it), and a
/// text that would not rebuild the same (not rows, rows of unequal length, a number written another
/// way) travels as it is.
///
/// ```swift
/// let wire = RowsAsColumns.json(rows: #"[["01010301","M01",280,300,320],["01010301","M02",281,301,321]]"#)
/// // {"n":2,"cols":[["01010301","01010301"],["M01","M02"],[280,281],{"d":[20,20]},{"d":[20,20]}]}
/// ```
public enum RowsAsColumns {
    /// Texts shorter than this travel as they are: columns would not save what they cost.
    static let smallest = 1_024

    /// A change's fields as JSON with every document's rows as columns; as they were when none is.
    static func fieldsJSON(_ fields: String) -> String {
        guard fields.utf8.count >= smallest, fields.contains("[[") else { return fields }
        var reader = SyncJSONReader(fields.utf8)
        guard let values = try? reader.fields() else { return fields }
        var columnar = false
        var json = "{"
        for (index, key) in values.keys.sorted().enumerated() {
            if index > 0 { json += "," }
            json += CompactJSON.quoted(key) + ":"
            if case .text(let text) = values[key], let columns = Self.json(rows: text) {
                json += columns
                columnar = true
            } else {
                json += CompactJSON.render(values[key] ?? .null)
            }
        }
        return columnar ? json + "}" : fields
    }

    /// The columns of a rows text, or `nil` when it is not one that rebuilds the same.
    public static func json(rows text: String) -> String? {
        guard text.utf8.count >= smallest, text.hasPrefix("[[") else { return nil }
        var reader = SyncJSONReader(text.utf8)
        var rows: [[SyncValue]] = []
        do {
            try reader.elements { reader in
                var row: [SyncValue] = []
                try reader.elements { row.append(try $0.scalar()) }
                rows.append(row)
            }
            try reader.end()
        } catch {
            return nil
        }
        guard let width = rows.first?.count, width > 0, rows.allSatisfy({ $0.count == width }), CompactJSON.encode(rows: rows) == text
        else { return nil }
        var json = #"{"n":\#(rows.count),"cols":["#
        var left: [Int64]?
        for column in 0..<width {
            if column > 0 { json += "," }
            let values = rows.map { $0[column] }
            let whole = values.map { value -> Int64? in if case .integer(let number) = value { number } else { nil } }
            let numbers = whole.allSatisfy { $0 != nil } ? whole.map { $0! } : nil
            if let numbers, let left, let differences = Self.differences(numbers, from: left) {
                json += #"{"d":["# + differences.map(String.init).joined(separator: ",") + "]}"
            } else {
                json += "[" + values.map(CompactJSON.render).joined(separator: ",") + "]"
            }
            left = numbers
        }
        return json + "]}"
    }

    /// Reads columns as ``json(rows:)`` writes them, and answers the rows' text.
    static func rowsText(reading reader: inout SyncJSONReader) throws -> String {
        var count: Int64?
        var columns: [[SyncValue]] = []
        try reader.members { reader, key in
            switch key {
            case "n": count = try reader.integer()
            case "cols":
                try reader.elements { reader in
                    if try reader.peek() == UInt8(ascii: "{") {
                        columns.append(try Self.column(differencesReading: &reader, from: columns.last))
                    } else {
                        var column: [SyncValue] = []
                        try reader.elements { column.append(try $0.scalar()) }
                        columns.append(column)
                    }
                }
            default: try reader.skip()
            }
        }
        guard let count, count > 0, !columns.isEmpty, columns.allSatisfy({ $0.count == count }) else {
            throw reader.malformed("columns of n values each")
        }
        return CompactJSON.encode(rows: (0..<Int(count)).map { row in columns.map { $0[row] } })
    }

    /// A column written as differences from the column before it, which must be of whole numbers.
    private static func column(differencesReading reader: inout SyncJSONReader, from left: [SyncValue]?) throws -> [SyncValue] {
        var differences: [Int64] = []
        try reader.members { reader, key in
            guard key == "d" else { return try reader.skip() }
            try reader.elements { differences.append(try $0.integer()) }
        }
        guard let left, left.count == differences.count else { throw reader.malformed("differences from a column of as many values") }
        return try zip(left, differences).map { value, difference in
            guard case .integer(let base) = value else { throw reader.malformed("differences from a column of whole numbers") }
            let (sum, overflow) = base.addingReportingOverflow(difference)
            guard !overflow else { throw reader.malformed("a difference within 64 bits") }
            return .integer(sum)
        }
    }

    /// Each number less the one on its left, if none overflows.
    private static func differences(_ numbers: [Int64], from left: [Int64]) -> [Int64]? {
        var differences: [Int64] = []
        differences.reserveCapacity(numbers.count)
        for (number, base) in zip(numbers, left) {
            let (difference, overflow) = number.subtractingReportingOverflow(base)
            if overflow { return nil }
            differences.append(difference)
        }
        return differences
    }
}
