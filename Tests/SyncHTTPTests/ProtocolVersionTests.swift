import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOFoundationCompat
import Sync
import SyncHTTP
import SyncServerService
import TestSupport
import Testing
import ServiceRuntime
import WebAPI

/// A hub serves the protocol version before its own beside it, states what it accepts to the
/// stations that can read it, refuses a version below the oldest it accepts, and lists its
/// stations by the version they last spoke.
@Suite struct ProtocolVersionTests {
    let folder = try! TemporaryFolder()
    static let houNan = "441422107201"

    /// A pull signed by the station, sent in `version` (no header at all when `nil`, as the first release sent).
    func pull(_ client: some TestClientProtocol, station: String, counter: Int64, key: Curve25519.Signing.PrivateKey, version: Int?)
        async throws -> TestResponse
    {
        let body = try PullRequest(after: 0, limit: 5).wireJSON()
        var headers = HTTPFields()
        for (name, value) in try RequestSignature.headers(
            stationID: station, counter: counter, method: "POST", path: "/sync/v1/pull", body: body, key: key)
        {
            headers[HTTPField.Name(name)!] = value
        }
        if let version { headers[HTTPField.Name(SyncWire.protocolHeader)!] = String(version) }
        return try await client.execute(uri: "/sync/v1/pull", method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    func code(_ response: TestResponse) -> String? {
        (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])?["error"] as? String
    }

    @Test(arguments: HubStore.allCases) func theHubServesTheVersionBeforeItsOwnAndListsStationsByVersion(hub: HubStore) async throws {
        try await hub.withProgramStore(SyncServerProgram.self, in: folder.path) { settings, store in
            let county = try SyncServerProgram.assemble(settings: settings, store: store, webRoot: nil)
            var enrolled: [String: Curve25519.Signing.PrivateKey] = [:]
            var ids: [String] = []
            for name in ["旧站", "新站", "更旧"] {
                let (id, code) = try await county.registry.add(village: Self.houNan, name: name)
                enrolled[id] = Curve25519.Signing.PrivateKey()
                _ = try await county.registry.enroll(code: code, publicKey: enrolled[id]!.publicKey.rawRepresentation)
                ids.append(id)
            }
            let keys = enrolled
            let (old, new, older) = (ids[0], ids[1], ids[2])
            let router = Router(context: APIRequestContext.self)
            let support = try #require(ProtocolSupport(setting: "2 from 2099-01-01"))
            CountySyncRoutes(replica: county.replica, registry: county.registry, protocols: support).addRoutes(to: router)
            try await Application(router: router).test(.router) { client in
                let first = try await pull(client, station: old, counter: 1, key: keys[old]!, version: 1)
                #expect(first.status == .ok)
                #expect(try PullReply(wireJSON: Data(buffer: first.body)).support == nil)  // a station of version 1 would not read it
                let current = try await pull(client, station: new, counter: 1, key: keys[new]!, version: 2)
                #expect(try PullReply(wireJSON: Data(buffer: current.body)).support == support)
                #expect(try await pull(client, station: older, counter: 1, key: keys[older]!, version: nil).status == .ok)
                let later = try await pull(client, station: new, counter: 2, key: keys[new]!, version: 3)
                #expect(later.status == .badRequest && code(later) == "protocol_unsupported")
            }
            let versions = Dictionary(uniqueKeysWithValues: try await county.registry.stations().map { ($0.id, $0.protocolVersion) })
            #expect(versions == [old: 1, new: 2, older: 1])

            // Once the raise is made, version 1 is refused saying so; version 2 goes on.
            let raised = Router(context: APIRequestContext.self)
            CountySyncRoutes(replica: county.replica, registry: county.registry, protocols: ProtocolSupport(oldest: 2)).addRoutes(to: raised)
            try await Application(router: raised).test(.router) { client in
                let refused = try await pull(client, station: old, counter: 2, key: keys[old]!, version: 1)
                #expect(refused.status == .badRequest && code(refused) == "protocol_retired")
                #expect(String(buffer: refused.body).contains("upgrade the station"))
                #expect(try await pull(client, station: new, counter: 3, key: keys[new]!, version: 2).status == .ok)
            }
        }
    }

    @Test func theCountyReadsItsSettingOrRefusesToStartNamingIt() throws {
        #expect(try SyncServerProgram.protocols(environment: [:]) == ProtocolSupport())
        #expect(try SyncServerProgram.protocols(environment: ["SYNCSERVER_OLDEST_PROTOCOL": "2 from 2027-06-30"]).raising?.to == 2)
        #expect(throws: (any Error).self) { try SyncServerProgram.protocols(environment: ["SYNCSERVER_OLDEST_PROTOCOL": "soon"]) }
        do {
            _ = try SyncServerProgram.protocols(environment: ["SYNCSERVER_OLDEST_PROTOCOL": "soon"])
        } catch {
            #expect(error.line(program: "syncserver").contains("SYNCSERVER_OLDEST_PROTOCOL"))
        }
    }
}
