public import Foundation

/// A document's rows (a price bulletin's, ``CompactJSON/encode(rows:)``) as they travel to a
/// station that reads them so (``PullRequest/columns``, ``SnapshotRequest/columns``): column by
/// column, and a column of whole numbers as its differences from the column before it when that one
/// is of whole numbers too (a minimum, an average and a maximum price lie close). Rows as text
/// inside a change's JSON travel with every quote escaped, row after row; deflated, a day's bulletin
/// of 2,000 rows as columns is about a seventh of it, and less than the same rows as CSV.
///
/// Lossless: the station rebuilds the text byte for byte (the change's signature covers it), and a
/// text that would not rebuild the same (not rows, rows of unequal length, a number written another
/// way) travels as it is. Columns hold values, never columns: what reads them recurses no deeper.
///
/// ```swift
/// let wire = RowsAsColumns.json(rows: #"[["01010301","M01",280,300,320],["01010301","M02",281,301,321]]"#)
/// // {"n":2,"cols":[["01010301","01010301"],["M01","M02"],[280,281],{"d":[20,20]},{"d":[20,20]}]}
/// ```
public enum RowsAsColumns {
    /// Texts shorter than this travel as they are: columns would not save what they cost.
    static let smallest = 1_024

    /// Set to `true` in an encoder's `userInfo`, documents' rows in the ``SyncValue``s it encodes
    /// are written as columns.
    public static let userInfoKey = CodingUserInfoKey(rawValue: "rowsAsColumns")!

    /// Rows as they travel: how many, and each column.
    struct Columns: Codable, Sendable {
        let n: Int64
        let cols: [Column]
    }

    /// A column: its values, or its differences from the column before it.
    enum Column: Codable, Sendable {
        case values([SyncValue])
        case differences([Int64])

        enum Key: String, CodingKey { case d }

        init(from decoder: any Decoder) throws {
            if let keyed = try? decoder.container(keyedBy: Key.self) {
                self = .differences(try keyed.decode([Int64].self, forKey: .d))
            } else {
                self = .values(try [Scalar](from: decoder).map(\.value))
            }
        }

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .values(let values): try values.map(Scalar.init).encode(to: encoder)
            case .differences(let differences):
                var keyed = encoder.container(keyedBy: Key.self)
                try keyed.encode(differences, forKey: .d)
            }
        }
    }

    /// A value of a column, which holds nothing deeper.
    struct Scalar: Codable {
        let value: SyncValue

        init(_ value: SyncValue) { self.value = value }

        init(from decoder: any Decoder) throws { value = try SyncValue(scalarFrom: decoder) }

        func encode(to encoder: any Encoder) throws { try value.encodeScalar(to: encoder) }
    }

    /// Why columns do not stand for rows.
    struct Unfit: Error {
        let expected: String
    }

    // MARK: Writing

    /// The columns of a rows text, or `nil` when it is not one that rebuilds the same.
    static func columns(rows text: String) -> Columns? {
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
        var columns: [Column] = []
        var left: [Int64]?
        for column in 0..<width {
            let values = rows.map { $0[column] }
            let whole = values.map { value -> Int64? in if case .integer(let number) = value { number } else { nil } }
            let numbers = whole.allSatisfy { $0 != nil } ? whole.map { $0! } : nil
            if let numbers, let left, let differences = Self.differences(numbers, from: left) {
                columns.append(.differences(differences))
            } else {
                columns.append(.values(values))
            }
            left = numbers
        }
        return Columns(n: Int64(rows.count), cols: columns)
    }

    /// The columns of a rows text as JSON, or `nil` when it travels as it is.
    public static func json(rows text: String) -> String? {
        guard let columns = columns(rows: text) else { return nil }
        var json = #"{"n":\#(columns.n),"cols":["#
        for (index, column) in columns.cols.enumerated() {
            if index > 0 { json += "," }
            switch column {
            case .values(let values): json += "[" + values.map(CompactJSON.render).joined(separator: ",") + "]"
            case .differences(let differences): json += #"{"d":["# + differences.map(String.init).joined(separator: ",") + "]}"
            }
        }
        return json + "]}"
    }

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

    // MARK: Reading

    /// The rows' text columns stand for.
    static func rowsText(_ columns: Columns) throws(Unfit) -> String {
        guard columns.n > 0, !columns.cols.isEmpty else { throw Unfit(expected: "columns of n values each") }
        var built: [[SyncValue]] = []
        for column in columns.cols {
            switch column {
            case .values(let values): built.append(values)
            case .differences(let differences):
                guard let left = built.last, left.count == differences.count else {
                    throw Unfit(expected: "differences from a column of as many values")
                }
                var values: [SyncValue] = []
                values.reserveCapacity(differences.count)
                for (value, difference) in zip(left, differences) {
                    guard case .integer(let base) = value else { throw Unfit(expected: "differences from a column of whole numbers") }
                    let (sum, overflow) = base.addingReportingOverflow(difference)
                    guard !overflow else { throw Unfit(expected: "a difference within 64 bits") }
                    values.append(.integer(sum))
                }
                built.append(values)
            }
        }
        guard built.allSatisfy({ $0.count == columns.n }) else { throw Unfit(expected: "columns of n values each") }
        return CompactJSON.encode(rows: (0..<Int(columns.n)).map { row in built.map { $0[row] } })
    }

    /// Reads columns as ``json(rows:)`` writes them, and answers the rows' text.
    static func rowsText(reading reader: inout SyncJSONReader) throws -> String {
        var count: Int64 = 0
        var columns: [Column] = []
        try reader.members { reader, key in
            switch key {
            case "n": count = try reader.integer()
            case "cols":
                try reader.elements { reader in
                    var (values, differences): ([SyncValue], [Int64]) = ([], [])
                    if try reader.peek() == UInt8(ascii: "{") {
                        try reader.members { reader, key in
                            guard key == "d" else { return try reader.skip() }
                            try reader.elements { differences.append(try $0.integer()) }
                        }
                        columns.append(.differences(differences))
                    } else {
                        try reader.elements { values.append(try $0.scalar()) }
                        columns.append(.values(values))
                    }
                }
            default: try reader.skip()
            }
        }
        do {
            return try rowsText(Columns(n: count, cols: columns))
        } catch {
            throw reader.malformed(error.expected)
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
