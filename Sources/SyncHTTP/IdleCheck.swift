public import Crypto
public import Foundation
public import Sync

/// The idle check of protocol 2: a station with nothing to push asks whether anything waits for it
/// in one round trip of about two hundred bytes, where a pull and its reply cost a kilobyte (DESIGN
/// §2.4: a station that is up to date learns so in one small request). Most rounds of most stations
/// are idle, over GPRS.
///
/// The question and the answer are a few binary fields and an authentication code (HMAC-SHA256, 16
/// bytes) of a key the station and the county agreed on over a pull, each side's X25519 key signed
/// as every sync message is (``CheckKey``): two Ed25519 signatures alone would be 128 of the bytes.
/// The question carries a counter, as every request does, so it cannot be replayed; the answer is
/// bound to the question's station and counter, so a relay can neither forge "nothing new" nor
/// hand an old answer to a new question.
///
/// ```swift
/// let body = IdleCheck.Question(station: id, counter: 8, position: 120, pending: 0, stationTime: now,
///                               reports: [:], epoch: epoch).encoded(key: key)
/// ```
public enum IdleCheck {
    public static let path = "/sync/v2/check"
    static let version: UInt8 = 2
    static let tagLength = 16
    /// The most a question may take: a station id and a few numbers.
    static let largestQuestion = 256

    /// What a station asks: who, its counter, how far it holds the county's log and in which of
    /// its epochs, what it still has to push, its clock, and a digest of what it reports of its
    /// own data (a change there makes the county want a pull).
    public struct Question: Sendable, Equatable {
        public let station: String
        public let counter: Int64
        public let position: Int64
        public let pending: Int64
        public let stationTime: Int64
        public let reports: Data
        public let epoch: Data

        public init(
            station: String, counter: Int64, position: Int64, pending: Int64, stationTime: Int64, reports: [String: String], epoch: String
        ) {
            (self.station, self.counter, self.position, self.pending, self.stationTime) = (station, counter, position, pending, stationTime)
            self.reports = IdleCheck.digest(of: reports)
            self.epoch = IdleCheck.digest(of: epoch)
        }

        init(station: String, counter: Int64, position: Int64, pending: Int64, stationTime: Int64, reports: Data, epoch: Data) {
            (self.station, self.counter, self.position, self.pending, self.stationTime) = (station, counter, position, pending, stationTime)
            (self.reports, self.epoch) = (reports, epoch)
        }

        var fields: Data {
            let id = Data(station.utf8.prefix(255))
            var data = Data([IdleCheck.version, UInt8(id.count)]) + id
            for number in [counter, position, pending, stationTime] { data.appendVarint(number) }
            return data + reports + epoch
        }

        /// The question as it travels, its code last.
        public func encoded(key: SymmetricKey) -> Data {
            let fields = fields
            return fields + IdleCheck.tag(Data(IdleCheck.path.utf8) + fields, key: key)
        }

        /// Reads a question; `nil` for bytes that are not one. Its code is checked apart, once the
        /// station's key is found (``isAuthentic(_:key:)``).
        public init?(reading data: Data) {
            guard data.count <= IdleCheck.largestQuestion, data.count > IdleCheck.tagLength + 2 else { return nil }
            var reader = ByteReader(data.dropLast(IdleCheck.tagLength))
            guard reader.byte() == IdleCheck.version, let length = reader.byte(), let id = reader.bytes(Int(length)),
                let station = String(bytes: id, encoding: .utf8), let counter = reader.varint(), let position = reader.varint(),
                let pending = reader.varint(), let stationTime = reader.varint(), let reports = reader.bytes(8), let epoch = reader.bytes(4),
                reader.isAtEnd
            else { return nil }
            self.init(
                station: station, counter: counter, position: position, pending: pending, stationTime: stationTime, reports: Data(reports),
                epoch: Data(epoch))
        }

        /// Whether the question's code is the station's key's, over the very bytes sent.
        public static func isAuthentic(_ data: Data, key: SymmetricKey) -> Bool {
            guard data.count > IdleCheck.tagLength else { return false }
            let fields = data.dropLast(IdleCheck.tagLength)
            return IdleCheck.tag(Data(IdleCheck.path.utf8) + fields, key: key).elementsEqual(data.suffix(IdleCheck.tagLength))
        }
    }

    static func tag(_ bytes: Data, key: SymmetricKey) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: bytes, using: key)).prefix(tagLength)
    }

    /// Eight bytes that change when what a station reports of its own data does.
    static func digest(of reports: [String: String]) -> Data {
        let text = reports.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)\n" }.joined()
        return Data(SHA256.hash(data: Data(text.utf8))).prefix(8)
    }

    /// Four bytes naming an epoch of the county's log.
    static func digest(of epoch: String) -> Data {
        Data(SHA256.hash(data: Data(epoch.utf8))).prefix(4)
    }
}

/// The county's answer to an idle check as it travels (``IdleCheck``).
extension IdleAnswer {
    /// The answer as it travels, its code bound to the question's station and counter.
    public func encoded(key: SymmetricKey, station: String, counter: Int64) -> Data {
        var fields = Data([IdleCheck.version, upToDate ? 1 : 0])
        fields.appendVarint(countyTime)
        return fields + IdleCheck.tag(Self.bound(fields, station: station, counter: counter), key: key)
    }

    /// Reads the answer to this station's question of this counter; `nil` if it is not the
    /// county's answer to it.
    public init?(reading data: Data, key: SymmetricKey, station: String, counter: Int64) {
        guard data.count > IdleCheck.tagLength, data.count <= 64 else { return nil }
        let fields = Data(data.dropLast(IdleCheck.tagLength))
        guard IdleCheck.tag(Self.bound(fields, station: station, counter: counter), key: key).elementsEqual(data.suffix(IdleCheck.tagLength))
        else { return nil }
        var reader = ByteReader(fields)
        guard reader.byte() == IdleCheck.version, let status = reader.byte(), status <= 1, let time = reader.varint(), reader.isAtEnd
        else { return nil }
        self.init(upToDate: status == 1, countyTime: time)
    }

    static func bound(_ fields: Data, station: String, counter: Int64) -> Data {
        Data("answer\n\(station)\n\(counter)\n".utf8) + fields
    }
}
