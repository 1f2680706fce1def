public import Foundation
import NIOCore
import PostgresNIO

/// A value bound to a statement's `$n`, sent as text of no stated type: the server reads it as the
/// column or expression it meets would read a literal. So one statement serves values of every
/// kind a change may carry (as SQLite's columns take them), and a value its column cannot hold (a
/// word for a number) is refused by the server, naming the column, as the change's own fault.
///
/// ```swift
/// try transaction.execute("INSERT INTO sync_state(key, value) VALUES ($1, $2)", "pull_position", 42)
/// ```
public protocol PostgresArgument {
    /// The value as text, or `nil` for SQL's null.
    var postgresText: String? { get }
}

extension String: PostgresArgument { public var postgresText: String? { self } }
extension Substring: PostgresArgument { public var postgresText: String? { String(self) } }
extension Int: PostgresArgument { public var postgresText: String? { String(self) } }
extension Int64: PostgresArgument { public var postgresText: String? { String(self) } }
extension Double: PostgresArgument { public var postgresText: String? { "\(self)" } }
/// A flag is kept as 0 or 1, as the SQLite store keeps it: records read it the same from both.
extension Bool: PostgresArgument { public var postgresText: String? { self ? "1" : "0" } }

/// Bytes (a recorded answer's body) as `bytea`'s hex input.
extension Array: PostgresArgument where Element == UInt8 {
    public var postgresText: String? {
        let digits = Array<UInt8>("0123456789abcdef".utf8)
        var text = [UInt8]("\\x".utf8)
        text.reserveCapacity(2 + count * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// A key's bytes as `bytea`.
extension Data: PostgresArgument {
    public var postgresText: String? { [UInt8](self).postgresText }
}

extension Optional: PostgresArgument where Wrapped: PostgresArgument {
    public var postgresText: String? { self?.postgresText }
}

/// The null of a statement's argument list, where Swift cannot tell an optional's type.
public struct PostgresNull: PostgresArgument {
    public init() {}
    public var postgresText: String? { nil }
}

/// A value as the wire carries it: text, of the type "unspecified" (OID 0), so that the server
/// infers it from where it stands.
struct UntypedText: PostgresDynamicTypeEncodable {
    let text: String

    var psqlType: PostgresDataType { PostgresDataType(0) }
    var psqlFormat: PostgresFormat { .text }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeString(text)
    }
}

extension PostgresBindings {
    /// The arguments of a statement, each as untyped text or null.
    init(arguments: [any PostgresArgument]) {
        self.init(capacity: arguments.count)
        for argument in arguments {
            if let text = argument.postgresText { append(UntypedText(text: text)) } else { appendNull() }
        }
    }
}
