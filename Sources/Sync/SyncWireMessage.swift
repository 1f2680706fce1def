public import Foundation

/// A sync message as the JSON bytes that travel. Messages that carry changes (``PushRequest``,
/// ``PullReply``) are written and read by hand, because a push of a thousand changes through
/// `Codable` kept a county core busy for most of its time; the small ones use `Codable`, the default.
///
/// ```swift
/// let body = try PushRequest(changes: pending).wireJSON()
/// let push = try PushRequest(wireJSON: body)
/// ```
public protocol SyncWireMessage: Codable, Sendable {
    init(wireJSON: Data) throws
    func wireJSON() throws -> Data
}

extension SyncWireMessage {
    public init(wireJSON: Data) throws { self = try JSONDecoder().decode(Self.self, from: wireJSON) }

    public func wireJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

extension PushReply: SyncWireMessage {}
extension PullRequest: SyncWireMessage {}

extension PushRequest: SyncWireMessage {
    public init(wireJSON: Data) throws {
        var reader = SyncJSONReader(wireJSON)
        var changes: [Change]?
        try reader.members { reader, key in
            if key == "changes" { changes = try reader.changes() } else { try reader.skip() }
        }
        try reader.end()
        guard let changes else { throw SyncJSONReader.Malformed(offset: 0, expected: "the key changes") }
        self.init(changes: changes)
    }

    public func wireJSON() -> Data {
        Self.wireJSON { Change.write(changes, to: &$0) }
    }

    /// A push's JSON around its array of changes, which `writeChanges` writes.
    static func wireJSON(_ writeChanges: (inout String) throws -> Void) rethrows -> Data {
        var json = #"{"changes":"#
        try writeChanges(&json)
        return Data((json + "}").utf8)
    }
}

extension PullReply: SyncWireMessage {
    public init(wireJSON: Data) throws {
        var reader = SyncJSONReader(wireJSON)
        var (changes, urgent, epoch): ([Change]?, [Change], String) = (nil, [], "")
        var support: ProtocolSupport?
        var agreementKey: String?
        var (position, countyTime, floor): (Int64?, Int64?, Int64?) = (nil, nil, nil)
        var (more, countyOrigin): (Bool?, String?) = (nil, nil)
        try reader.members { reader, key in
            switch key {
            case "changes": changes = try reader.changes()
            case "urgent": urgent = try reader.changes()
            case "position": position = try reader.integer()
            case "countyTime": countyTime = try reader.integer()
            case "more": more = try reader.bool()
            case "countyOrigin": countyOrigin = try reader.string()
            case "epoch": epoch = try reader.string()
            case "protocol": support = try ProtocolSupport(reading: &reader)
            case "agreementKey": agreementKey = try reader.string()
            case "floor": floor = try reader.integer()
            default: try reader.skip()
            }
        }
        try reader.end()
        guard let changes, let position, let more, let countyTime, let countyOrigin else {
            throw SyncJSONReader.Malformed(offset: 0, expected: "the keys changes, position, more, countyTime and countyOrigin")
        }
        self.init(
            changes: changes, position: position, more: more, countyTime: countyTime, countyOrigin: countyOrigin, urgent: urgent,
            epoch: epoch, support: support)
        self.agreementKey = agreementKey
        self.floor = floor
    }

    public func wireJSON() -> Data {
        var json = #"{"changes":"#
        Change.write(changes, to: &json, rowsAsColumns: rowsAsColumns)
        json += #","position":\#(position),"more":\#(more),"countyTime":\#(countyTime),"countyOrigin":"#
        json += CompactJSON.quoted(countyOrigin)
        json += #","urgent":"#
        Change.write(urgent, to: &json, rowsAsColumns: rowsAsColumns)
        json += #","epoch":"#
        json += CompactJSON.quoted(epoch)
        if let support {
            json += #","protocol":{"oldest":\#(support.oldest),"current":\#(support.current)"#
            if let raising = support.raising { json += #","raising":{"to":\#(raising.to),"on":\#(CompactJSON.quoted(raising.on))}"# }
            json += "}"
        }
        if let agreementKey { json += #","agreementKey":"# + CompactJSON.quoted(agreementKey) }
        if let floor { json += #","floor":\#(floor)"# }
        return Data((json + "}").utf8)
    }
}

extension ProtocolSupport {
    /// Reads the `protocol` member of a pull's reply, as ``PullReply/wireJSON()`` writes it.
    init(reading reader: inout SyncJSONReader) throws {
        var (oldest, current, raising): (Int64?, Int64?, Raise?) = (nil, nil, nil)
        try reader.members { reader, key in
            switch key {
            case "oldest": oldest = try reader.integer()
            case "current": current = try reader.integer()
            case "raising":
                var (to, on): (Int64?, String?) = (nil, nil)
                try reader.members { reader, key in
                    switch key {
                    case "to": to = try reader.integer()
                    case "on": on = try reader.string()
                    default: try reader.skip()
                    }
                }
                guard let to, let on else { throw reader.malformed("the keys to and on") }
                raising = Raise(to: Int(clamping: to), on: on)
            default: try reader.skip()
            }
        }
        guard let oldest, let current else { throw reader.malformed("the keys oldest and current") }
        self.init(oldest: Int(clamping: oldest), current: Int(clamping: current), raising: raising)
    }
}
