import Crypto
import DemoData
import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Logging
import ServiceRuntime
import Sync
import SyncHTTP
import SyncServerService
import TestSupport
import Testing
import NIOFoundationCompat

/// The county's sync endpoints as an attacker or a confused station meets them.
@Suite struct CountySyncRoutesTests {
    let folder = try! TemporaryFolder()
    static let houNan = "441422107201"

    /// A county with sample data on the hub's store, and a station of 侯南村 registered, for the
    /// length of `body`.
    func withCounty(_ hub: HubStore, _ body: (SyncServerApplication) async throws -> Void) async throws {
        try await hub.withProgramStore(SyncServerProgram.self, in: folder.path) { settings, store in
            let county = try SyncServerProgram.assemble(settings: settings, store: store, webRoot: nil)
            try await DemoSeeder.seedCounty(county.replica, priceDays: 7, bookMonths: 1)
            _ = try await county.registry.add(village: Self.houNan, name: "侯南村信息服务站")
            try await body(county)
        }
    }

    func enroll(_ client: some TestClientProtocol, code: String, key: Curve25519.Signing.PrivateKey)
        async throws -> TestResponse
    {
        let body = #"{"code":"\#(code)","public_key":"\#(key.publicKey.rawRepresentation.base64EncodedString())"}"#
        return try await client.execute(uri: "/sync/v1/enroll", method: .post, body: ByteBuffer(string: body))
    }

    /// The origin the county chose for the station it enrolled.
    func origin(_ enrolled: TestResponse) throws -> String {
        let reply = try JSONSerialization.jsonObject(with: Data(buffer: enrolled.body)) as? [String: Any]
        return try #require(reply?["origin"] as? String)
    }

    func signed(
        _ client: some TestClientProtocol, _ path: String, _ message: some SyncWireMessage, station: String, counter: Int64,
        key: Curve25519.Signing.PrivateKey, tamper: Bool = false, deflate: Bool = false
    ) async throws -> TestResponse {
        let json = try message.wireJSON()
        let body = deflate ? try Deflate.compress(json) : json
        var headers = HTTPFields()
        if deflate {
            headers[.contentEncoding] = Deflate.name
            headers[HTTPField.Name(SyncWire.acceptHeader)!] = Deflate.name
        }
        for (name, value) in try RequestSignature.headers(
            stationID: station, counter: counter, method: "POST", path: path, body: body, key: key)
        {
            headers[HTTPField.Name(name)!] = value
        }
        let sent = tamper ? body + Data(" ".utf8) : body
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(bytes: sent))
    }

    func error(_ response: TestResponse) -> String? {
        (try? JSONDecoder().decode(APIErrorBody.self, from: Data(buffer: response.body)))?.error
    }

    struct APIErrorBody: Decodable { let error: String }

    func change(_ sequence: Int64, origin: String, collection: String, scope: String, id: String) -> Change {
        Change(
            origin: origin, sequence: sequence, timestamp: HybridTimestamp(wallMilliseconds: 1_700_000_000_000, counter: 0),
            collection: collection, recordID: id, scope: scope, fields: ["name": "假村"])
    }

    @Test(arguments: HubStore.allCases) func enrollmentCodesWorkOnceAndRequestsCannotBeReplayedForgedOrAltered(hub: HubStore)
        async throws
    {
        try await withCounty(hub) { county in try await enrollmentCodesWorkOnce(county) }
    }

    func enrollmentCodesWorkOnce(_ county: SyncServerApplication) async throws {
        let (stationID, code) = try await county.registry.add(village: Self.houNan, name: "第二台")
        let key = Curve25519.Signing.PrivateKey()
        try await county.application(logger: Logger(label: "test")).test(.router) { client in
            #expect(try await enroll(client, code: code.lowercased(), key: key).status == .ok)
            let again = try await enroll(client, code: code, key: Curve25519.Signing.PrivateKey())
            #expect(again.status == .forbidden && error(again) == "enrollment_refused")

            let pull = PullRequest(after: 0, limit: 50)
            let first = try await signed(client, "/sync/v1/pull", pull, station: stationID, counter: 1, key: key)
            #expect(first.status == .ok)
            let reply = try PullReply(wireJSON: Data(buffer: first.body))
            #expect(reply.changes.count == 50 && reply.changes.allSatisfy { county.replica.signature!.verifies($0) })

            let deflated = try await signed(client, "/sync/v1/pull", pull, station: stationID, counter: 2, key: key, deflate: true)
            #expect(deflated.headers[HTTPField.Name(SyncWire.encodingHeader)!] == Deflate.name)
            let inflated = try Deflate.decompress(Data(buffer: deflated.body), limit: 1 << 20)
            #expect(try PullReply(wireJSON: inflated).changes == reply.changes)
            #expect(deflated.body.readableBytes * 2 < first.body.readableBytes)

            let replayed = try await signed(client, "/sync/v1/pull", pull, station: stationID, counter: 1, key: key)
            #expect(replayed.status == .conflict && error(replayed) == "replayed_request")
            #expect(try await signed(client, "/sync/v1/pull", pull, station: stationID, counter: 5, key: key).status == .ok)
            let reordered = try await signed(client, "/sync/v1/pull", pull, station: stationID, counter: 4, key: key)
            #expect(reordered.status == .conflict)

            let forged = try await signed(
                client, "/sync/v1/pull", pull, station: stationID, counter: 6, key: Curve25519.Signing.PrivateKey())
            #expect(forged.status == .unauthorized && error(forged) == "not_authenticated")
            let altered = try await signed(client, "/sync/v1/pull", pull, station: stationID, counter: 7, key: key, tamper: true)
            #expect(altered.status == .unauthorized)
            let unsigned = try await client.execute(uri: "/sync/v1/pull", method: .post, body: ByteBuffer(string: "{}"))
            #expect(unsigned.status == .unauthorized)

            try await county.registry.revoke(stationID: stationID)
            let revoked = try await signed(client, "/sync/v1/pull", pull, station: stationID, counter: 8, key: key)
            #expect(revoked.status == .unauthorized)
        }
    }

    @Test(arguments: HubStore.allCases) func aStationCannotWriteWhatItsVillageDoesNotOwn(hub: HubStore) async throws {
        try await withCounty(hub) { county in try await aStationCannotWrite(county) }
    }

    func aStationCannotWrite(_ county: SyncServerApplication) async throws {
        let (stationID, code) = try await county.registry.add(village: Self.houNan, name: "第二台")
        let key = Curve25519.Signing.PrivateKey()
        try await county.application(logger: Logger(label: "test")).test(.router) { client in
            let enrolled = try await enroll(client, code: code, key: key)
            #expect(enrolled.status == .ok)
            let origin = try self.origin(enrolled)
            let push = PushRequest(changes: [
                change(1, origin: origin, collection: "villages.village", scope: "", id: Self.houNan),
                change(2, origin: origin, collection: "villages.village", scope: "441422113203", id: "441422113203"),
                change(3, origin: "someone-else", collection: "villages.village", scope: Self.houNan, id: Self.houNan),
            ])
            let response = try await signed(client, "/sync/v1/push", push, station: stationID, counter: 1, key: key)
            #expect(response.status == .ok)
            let reply = try PushReply(wireJSON: Data(buffer: response.body))
            #expect(reply.acknowledged == 2)
            #expect(reply.quarantined.map(\.sequence) == [1, 2])
            // A push's counter is taken in the transaction that applies it: a replayed counter
            // refuses the whole push, and nothing of it is applied.
            let next = PushRequest(changes: [change(3, origin: origin, collection: "villages.village", scope: "", id: "x")])
            let replayed = try await signed(client, "/sync/v1/push", next, station: stationID, counter: 1, key: key)
            #expect(replayed.status == .conflict && error(replayed) == "replayed_request")
            #expect(try await county.replica.quarantined().count == 2)
            let taken = try await signed(client, "/sync/v1/push", next, station: stationID, counter: 2, key: key)
            #expect(try PushReply(wireJSON: Data(buffer: taken.body)).acknowledged == 3)
        }
        let villages = try #require(SyncServerProgram.collections.first { $0.name == "villages.village" })
        for id in [Self.houNan, "441422113203", "x"] {
            #expect(try await county.replica.value("name", of: id, in: villages) != "假村")
        }
        #expect(try await county.replica.quarantined().count == 3)
        let listed = try await county.registry.stations().first { $0.id == stationID }
        #expect(listed?.quarantined == 3 && listed?.openConflicts == 0 && listed?.lastSyncAt != nil)
    }
}
