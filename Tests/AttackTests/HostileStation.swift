import Crypto
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Sync
import SyncHTTP
import Synchronization
import TestSupport

/// A station whose operator has root on it: its key is in the test's hands, so it sends the county
/// whatever it likes over real HTTP, signed exactly as a station signs. What the county must still
/// refuse is what DESIGN §2.6 says: a push carries data, not authority.
///
/// ```swift
/// let hostile = try await HostileStation.enroll(at: county, village: "441422113203")
/// let reply = try await hostile.push([hostile.change("ledger.subaccount", id: "441422107201:113001", ["name": "假"])])
/// ```
final class HostileStation: Sendable {
    let server: String
    let stationID: String
    let origin: String
    let village: String
    let key: Curve25519.Signing.PrivateKey
    private let state = Mutex((counter: Int64(0), sequence: Int64(0)))

    init(server: String, stationID: String, origin: String, village: String, key: Curve25519.Signing.PrivateKey) {
        self.server = server
        self.stationID = stationID
        self.origin = origin
        self.village = village
        self.key = key
    }

    /// A station of `village` enrolled with the county as a real station would be, by its own
    /// request; `origin` is what it asks for (the county chooses anyway).
    static func enroll(at county: CountyUnderTest, village: String, askingOrigin origin: String = UUID().uuidString) async throws
        -> HostileStation
    {
        let (enrollment, id) = try await county.newStation(village: village)
        let code = enrollment[1]
        let key = Curve25519.Signing.PrivateKey()
        let body = #"{"code":"\#(code)","public_key":"\#(key.publicKey.rawRepresentation.base64EncodedString())","origin":"\#(origin)"}"#
        var request = URLRequest(url: URL(string: "\(county.url)/sync/v1/enroll")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body.utf8)
        let (data, _) = try await URLSession.shared.data(for: request)
        let reply = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        guard reply?["station_id"] != nil else { throw ProgramFailure(message: "enrollment refused: \(String(decoding: data, as: UTF8.self))") }
        // A county that lets the station choose (the one before this one) answers no origin.
        let assigned = reply?["origin"] as? String ?? origin
        return HostileStation(server: county.url, stationID: id, origin: assigned, village: village, key: key)
    }

    /// A change as this station would capture it: its origin, its next sequence, now.
    func change(
        _ collection: String, id: String, scope: String? = nil, _ fields: [String: SyncValue], origin: String? = nil,
        timestamp: HybridTimestamp? = nil
    ) -> Change {
        let sequence = state.withLock { state in
            state.sequence += 1
            return state.sequence
        }
        return Change(
            origin: origin ?? self.origin, sequence: sequence,
            timestamp: timestamp ?? HybridTimestamp(wallMilliseconds: Int64(Date().timeIntervalSince1970 * 1000), counter: 0),
            collection: collection, recordID: id, scope: scope ?? village, fields: fields)
    }

    /// What the county answered: its status, its body, and its reply if it is one.
    struct Answer {
        let status: Int
        let body: Data
        var error: String? { (try? JSONSerialization.jsonObject(with: body) as? [String: Any])?["error"] as? String }
        var push: PushReply? { try? PushReply(wireJSON: body) }
        var pull: PullReply? { try? PullReply(wireJSON: body) }
    }

    func push(_ changes: [Change]) async throws -> Answer {
        try await send("/sync/v1/push", json: try PushRequest(changes: changes).wireJSON())
    }

    func pull(after position: Int64 = 0, limit: Int = 1_000) async throws -> Answer {
        try await send("/sync/v1/pull", json: try PullRequest(after: position, limit: limit).wireJSON())
    }

    /// Sends a body signed as this station signs, with its next counter, and any headers more.
    func send(_ path: String, json: Data, headers more: [String: String] = [:], deflated: Bool = false) async throws -> Answer {
        let body = deflated ? try Deflate.compress(json) : json
        let counter = state.withLock { state in
            state.counter += 1
            return state.counter
        }
        var request = URLRequest(url: URL(string: server + path)!)
        request.httpMethod = "POST"
        request.httpBody = body
        request.timeoutInterval = 300
        for (name, value) in try RequestSignature.headers(
            stationID: stationID, counter: counter, method: "POST", path: path, body: body, key: key)
        {
            request.setValue(value, forHTTPHeaderField: name)
        }
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if deflated { request.setValue(Deflate.name, forHTTPHeaderField: "Content-Encoding") }
        for (name, value) in more { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return Answer(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
    }
}
