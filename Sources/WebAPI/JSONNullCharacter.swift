import DomainCore
import Foundation

/// Where a JSON document holds a NUL character: JSON can carry one only as the escape `\u0000`,
/// so the bytes are scanned for it first, and the document is walked only when it is there.
///
/// ```swift
/// JSONNullCharacter.field(in: Data(#"{"lines": [{"summary": "a\u0000"}]}"#.utf8))  // "lines[0].summary"
/// ```
enum JSONNullCharacter {
    /// The path of the first key or text holding a NUL character (`body` for the document
    /// itself), or nil when none does.
    static func field(in json: Data) -> String? {
        guard holdsEscapedNull(json), let document = try? JSONSerialization.jsonObject(with: json, options: .fragmentsAllowed) else {
            return nil
        }
        return path(to: document, at: "")
    }

    /// Whether `\u0000` appears as an escape: after an odd count of backslashes. Read in place,
    /// since every JSON body passes here.
    private static func holdsEscapedNull(_ json: Data) -> Bool {
        json.withUnsafeBytes { bytes in
            var backslashes = 0
            for index in bytes.indices {
                if bytes[index] == UInt8(ascii: "\\") {
                    backslashes += 1
                    continue
                }
                if backslashes % 2 == 1, bytes[index...].starts(with: #"u0000"#.utf8) { return true }
                backslashes = 0
            }
            return false
        }
    }

    private static func path(to value: Any, at path: String) -> String? {
        switch value {
        case let text as String:
            return text.utf8.contains(0) ? (path.isEmpty ? "body" : path) : nil
        case let list as [Any]:
            for (index, element) in list.enumerated() {
                if let found = Self.path(to: element, at: "\(path)[\(index)]") { return found }
            }
        case let object as [String: Any]:
            for (key, element) in object.sorted(by: { $0.key < $1.key }) {
                if key.utf8.contains(0) { return path.isEmpty ? "body" : path }  // a name with one is not repeated
                let named = path.isEmpty ? key : "\(path).\(key)"
                if let found = Self.path(to: element, at: named) { return found }
            }
        default:
            return nil
        }
        return nil
    }
}
