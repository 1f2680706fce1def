import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import ServiceRuntime
import SyncHTTP
import SyncServerService
import TestSupport
import Testing
import WebAPI
import NIOFoundationCompat

/// Every endpoint of both programs, called by every kind of caller, allows exactly the callers its
/// OpenAPI document names in `x-roles` and refuses the rest: a villager (no login) with 401, a
/// logged-in person without the role with 403, and another village's station, whose signed
/// request is no login, with 401. Sync endpoints take only a station's signature.
///
/// Allowed here means "not refused": the test sends `{}` and placeholder ids, so an allowed call
/// is usually answered 400, 404 or 422. What the roles let each person do is the document's.
@Suite struct AuthorizationMatrixTests {
    /// Who calls: a villager, each staff role, or a station of another village signing its requests.
    enum Caller: Hashable, CustomStringConvertible {
        case villager, staff(StaffRole), station

        static let all: [Caller] = [.villager, .station] + StaffRole.allCases.map(Caller.staff)

        var description: String {
            switch self {
            case .villager: "villager"
            case .station: "another village's station"
            case .staff(let role): role.rawValue
            }
        }
    }

    /// A station of 北塘村, enrolled at the county, whose requests the test signs.
    struct SigningStation {
        let id: String
        let key = Curve25519.Signing.PrivateKey()
        var counter: Int64 = 0

        mutating func headers(method: String, path: String, body: Data) throws -> HTTPFields {
            counter += 1
            var fields: HTTPFields = [.contentType: "application/json"]
            for (name, value) in try RequestSignature.headers(
                stationID: id, counter: counter, method: method, path: path, body: body, key: key)
            {
                fields[HTTPField.Name(name)!] = value
            }
            return fields
        }
    }

    @Test(arguments: ProgramUnderTest.allCases)
    func everyEndpointAllowsExactlyTheCallersItsDocumentNames(program: ProgramUnderTest) async throws {
        let folder = try TemporaryFolder()
        try await program.withAssembly(in: folder) { assembly in
            try await StaffAccounts.add(to: assembly, program: program)
            let document = try OpenAPIDocument(path: program.openAPIPath)
            // Logging out would end the caller's session midway; `SessionTests` covers the session routes.
            // The idle check is authenticated by a code in its binary body, not by headers a caller
            // sends: `IdleCheckTests` covers who may ask it.
            let swept = document.operations.subtracting(["GET /api/v1/session", "DELETE /api/v1/session", "POST /sync/v2/check"]).sorted()
            #expect(swept.count > 40)

            // Over real HTTP on loopback: the machine's own address is not rate-limited, and this sweep sends hundreds.
            try await assembly.application(logger: Logger(label: "test")).test(.live) { client in
                var tokens: [StaffRole: String] = [:]
                for role in StaffRole.allCases { tokens[role] = try await StaffAccounts.login(client, role, program: program) }
                var station = try await enrolledStation(assembly, client)
                var wrong: [String] = []
                for operation in swept {
                    let allowed = try #require(document.roles[operation], "\(operation) has no x-roles")
                    #expect(!allowed.isEmpty, "\(operation) has no x-roles")
                    let (method, path) = Self.split(operation)
                    for caller in Caller.all {
                        if caller == .station && station == nil { continue }
                        let body = Data("{}".utf8)
                        let headers: HTTPFields
                        switch caller {
                        case .villager: headers = [.contentType: "application/json"]
                        case .staff(let role): headers = .bearer(tokens[role]!)
                        case .station: headers = try station!.headers(method: method.rawValue, path: path, body: body)
                        }
                        let status = try await client.execute(
                            uri: path, method: method, headers: headers, body: method == .get ? nil : ByteBuffer(data: body)
                        ) { $0.status.code }
                        let expected = Self.expected(allowed, caller)
                        let refused = status == 401 || status == 403
                        if let expected, status != expected { wrong.append("\(caller) \(operation): \(status), expected \(expected)") }
                        if expected == nil, refused { wrong.append("\(caller) \(operation): \(status), expected allowed") }
                    }
                }
                #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
            }
        }
    }

    /// The refusal a caller should meet, or nil where it should be let through.
    static func expected(_ allowed: [String], _ caller: Caller) -> Int? {
        if allowed.contains("anyone") { return nil }
        if allowed == ["station"] { return caller == .station ? nil : 401 }
        switch caller {
        case .villager, .station: return 401
        case .staff(let role): return allowed.contains(role.rawValue) ? nil : 403
        }
    }

    /// `GET /api/v1/ledger/journals/{account}` as a method and a path with placeholders filled.
    static func split(_ operation: String) -> (HTTPRequest.Method, String) {
        let parts = operation.split(separator: " ", maxSplits: 1)
        let path = parts[1].replacing(/\{[a-z_]+\}/, with: "x")
        return (HTTPRequest.Method(String(parts[0]))!, String(path))
    }

    /// At the county, a station of another village than the demo's, enrolled with its own key.
    func enrolledStation(_ assembly: any ProgramAssembly, _ client: some TestClientProtocol) async throws -> SigningStation? {
        guard let county = assembly as? SyncServerApplication else { return nil }
        let (id, code) = try await county.registry.add(village: "441422113203", name: "北塘村信息服务站")
        let station = SigningStation(id: id)
        let body = #"{"code":"\#(code)","public_key":"\#(station.key.publicKey.rawRepresentation.base64EncodedString())","origin":"\#(UUID().uuidString)"}"#
        let status = try await client.execute(uri: "/sync/v1/enroll", method: .post, body: ByteBuffer(string: body)) { $0.status }
        #expect(status == .ok)
        return station
    }
}
