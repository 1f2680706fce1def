import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOFoundationCompat
import Sync
@testable import SyncHTTP
import SyncServerService
import TestSupport
import Testing
import WebAPI

/// The idle check's question and answer as a relay or a hostile kiosk meets them: a changed byte,
/// another station's key, a replayed counter or an old answer is refused; the key agreed over a
/// signed pull is the same at both ends.
@Suite struct IdleCheckTests {
    let folder = try! TemporaryFolder()

    @Test func aQuestionOrAnAnswerChangedOrTakenForAnotherIsRefused() throws {
        let key = SymmetricKey(size: .bits256)
        let question = IdleCheck.Question(
            station: "st-1a2b3c4d", counter: 300, position: 1_234_567, pending: 0, stationTime: 1_790_000_000_000, reports: ["ledger": "abc"],
            epoch: "e1")
        let sent = question.encoded(key: key)
        #expect(IdleCheck.Question(reading: sent) == question && IdleCheck.Question.isAuthentic(sent, key: key))
        #expect(sent.count < 70)
        for index in sent.indices {
            var changed = sent
            changed[index] ^= 0x01
            #expect(!IdleCheck.Question.isAuthentic(changed, key: key))
        }
        #expect(!IdleCheck.Question.isAuthentic(sent, key: SymmetricKey(size: .bits256)))
        #expect(IdleCheck.Question(reading: Data(repeating: 0xff, count: 400)) == nil && IdleCheck.Question(reading: Data()) == nil)

        let answer = IdleAnswer(upToDate: true, countyTime: 1_790_000_000_123)
        let reply = answer.encoded(key: key, station: "st-1a2b3c4d", counter: 300)
        #expect(IdleAnswer(reading: reply, key: key, station: "st-1a2b3c4d", counter: 300) == answer)
        #expect(IdleAnswer(reading: reply, key: key, station: "st-1a2b3c4d", counter: 301) == nil)  // an old answer to a new question
        #expect(IdleAnswer(reading: reply, key: key, station: "st-99999999", counter: 300) == nil)
        var forged = reply
        forged[1] = 0  // "up to date" turned into "pull", or back
        #expect(IdleAnswer(reading: forged, key: key, station: "st-1a2b3c4d", counter: 300) == nil)
    }

    @Test(arguments: HubStore.allCases) func theCountyAnswersOnlyAQuestionOfTheKeyAgreedOverASignedPull(hub: HubStore) async throws {
        try await hub.withProgramStore(SyncServerProgram.self, in: folder.path) { settings, store in
            let county = try SyncServerProgram.assemble(settings: settings, store: store, webRoot: nil)
            let (id, code) = try await county.registry.add(village: "441422107201", name: "站")
            let signing = Curve25519.Signing.PrivateKey()
            _ = try await county.registry.enroll(code: code, publicKey: signing.publicKey.rawRepresentation)
            let router = Router(context: APIRequestContext.self)
            router.add(middleware: APIErrorMiddleware())
            CountySyncRoutes(replica: county.replica, registry: county.registry).addRoutes(to: router)
            try await Application(router: router).test(.router) { client in
                let ours = Curve25519.KeyAgreement.PrivateKey()
                let pull = PullRequest(
                    after: 0, limit: 1_000, reports: ["ledger": "head"], agreementKey: ours.publicKey.rawRepresentation.base64EncodedString())
                let body = try pull.wireJSON()
                var headers = HTTPFields()
                for (name, value) in try RequestSignature.headers(
                    stationID: id, counter: 1, method: "POST", path: "/sync/v1/pull", body: body, key: signing)
                {
                    headers[HTTPField.Name(name)!] = value
                }
                headers[HTTPField.Name(SyncWire.protocolHeader)!] = "2"
                let pulled = try await client.execute(uri: "/sync/v1/pull", method: .post, headers: headers, body: ByteBuffer(bytes: body))
                let reply = try PullReply(wireJSON: Data(buffer: pulled.body))
                let key = SymmetricKey(data: try CheckKey.derive(ours, countyHalf: try #require(reply.agreementKey), station: id))

                func ask(_ counter: Int64, position: Int64, reports: [String: String] = ["ledger": "head"], with key: SymmetricKey) async throws
                    -> (HTTPResponse.Status, IdleAnswer?)
                {
                    let question = IdleCheck.Question(
                        station: id, counter: counter, position: position, pending: 0, stationTime: 1_790_000_000_000, reports: reports,
                        epoch: reply.epoch)
                    let response = try await client.execute(
                        uri: IdleCheck.path, method: .post, body: ByteBuffer(bytes: question.encoded(key: key)))
                    return (response.status, IdleAnswer(reading: Data(buffer: response.body), key: key, station: id, counter: counter))
                }
                #expect(try await ask(2, position: reply.position, with: key).1?.upToDate == true)
                #expect(try await ask(3, position: 0, with: key).1?.upToDate == false)  // the log holds more after 0
                #expect(try await ask(4, position: reply.position, reports: ["ledger": "other"], with: key).1?.upToDate == false)
                #expect(try await ask(4, position: reply.position, with: key).0 == .conflict)  // replayed
                #expect(try await ask(5, position: reply.position, with: SymmetricKey(size: .bits256)).0 == .unauthorized)
            }
            let station = try #require(try await county.registry.stations().first { $0.id == id })
            #expect(station.protocolVersion == 2)
        }
    }
}
