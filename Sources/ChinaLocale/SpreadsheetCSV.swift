public import Foundation

/// A CSV file as spreadsheets export it (RFC 4180: quoted fields, doubled quotes, CRLF or LF),
/// in UTF-8 or GBK, read into a header and rows that remember their line numbers.
///
/// ```swift
/// let sheet = try SpreadsheetCSV(data: Data(contentsOf: url))
/// sheet.header        // ["日期", "品种", …]
/// sheet.rows[0].line  // 2: the line after the header
/// ```
public struct SpreadsheetCSV: Sendable {
    public struct Row: Sendable, Equatable {
        /// The line the row starts on, from 1, as a spreadsheet numbers it.
        public let line: Int
        public let values: [String]
    }

    public let header: [String]
    public let rows: [Row]
    public let encoding: ChineseTextDecoder.Encoding

    /// Why a file cannot be read as a table at all.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    /// The most rows a sheet may have: a county's year of bulletins is well within it.
    public static let rowLimit = 200_000

    public init(data: Data) throws {
        let text: String
        do {
            (text, encoding) = try ChineseTextDecoder.decode(data)
        } catch {
            throw Failure(description: "\(error)")
        }
        if let null = text.utf8.firstIndex(of: 0) {  // a spreadsheet's binary file, not its CSV; no text may hold one
            let line = text.utf8[..<null].count { $0 == UInt8(ascii: "\n") } + 1
            throw Failure(description: "line \(line) holds a NUL character (U+0000): save the sheet as CSV text")
        }
        var records = try Self.records(text)
        while let last = records.last, last.values.allSatisfy({ $0.isEmpty }) { records.removeLast() }
        guard let first = records.first, first.values.contains(where: { !$0.isEmpty }) else {
            throw Failure(description: "the file is empty: a header line is needed")
        }
        guard records.count - 1 <= Self.rowLimit else {
            throw Failure(description: "the file has more than \(Self.rowLimit) rows")
        }
        header = first.values.map { $0.trimmingCharacters(in: .whitespaces) }
        rows = records.dropFirst().filter { !$0.values.allSatisfy(\.isEmpty) }
    }

    static func records(_ text: String) throws -> [Row] {
        var records: [Row] = []
        var values: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var start = 1
        var characters = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let character = pending {
                pending = nil
                return character
            }
            return characters.next()
        }
        while let character = next() {
            if quoted {
                if character == "\"" {
                    if let following = next() {
                        if following == "\"" { field.append("\"") } else { quoted = false; pending = following }
                    } else {
                        quoted = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty: quoted = true
            case ",":
                values.append(field)
                field = ""
            case "\n", "\r\n", "\r":
                values.append(field)
                records.append(Row(line: start, values: values))
                values = []
                field = ""
                line += 1
                start = line
            default: field.append(character)
            }
        }
        guard !quoted else { throw Failure(description: "a quoted field starting on line \(start) is never closed") }
        if !field.isEmpty || !values.isEmpty {
            values.append(field)
            records.append(Row(line: start, values: values))
        }
        return records
    }
}
