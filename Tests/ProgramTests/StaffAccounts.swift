import Access
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ServiceRuntime
import WebAPI
import NIOFoundationCompat

/// One account for each staff role in a program under test, and their logins over its API.
///
/// ```swift
/// try await StaffAccounts.add(to: kiosk)
/// let token = try await StaffAccounts.login(client, .operator, program: .kiosk)
/// ```
enum StaffAccounts {
    /// A secret each program's rule accepts: a PIN at the station, a password at the county.
    static func secret(_ program: ProgramUnderTest) -> String {
        program == .kiosk ? "246810" : "county-pass-2026"
    }

    /// The login of the account that holds just this role.
    static func login(of role: StaffRole) -> String { "staff-\(role.rawValue)" }

    /// The person's name the account records under.
    static func name(of role: StaffRole) -> String { "测试\(role.chineseName)" }

    static func add(to assembly: any ProgramAssembly, program: ProgramUnderTest) async throws {
        for role in StaffRole.allCases {
            try await assembly.logins.accounts.save(
                Account(login: login(of: role), name: name(of: role), roles: [role]), secret: secret(program))
        }
    }

    /// Logs in over the API; the session's token.
    static func login(_ client: some TestClientProtocol, _ role: StaffRole, program: ProgramUnderTest) async throws -> String {
        let body = #"{"login": "\#(login(of: role))", "secret": "\#(secret(program))"}"#
        return try await client.execute(
            uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body)
        ) { response in
            let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            guard response.status == .created, let token = json?["token"] as? String else {
                throw LoginFailed(status: response.status.code, body: String(buffer: response.body))
            }
            return token
        }
    }

    struct LoginFailed: Error {
        let status: Int
        let body: String
    }
}

extension HTTPFields {
    /// Headers carrying a session token.
    static func bearer(_ token: String) -> HTTPFields {
        [.authorization: "Bearer \(token)", .contentType: "application/json"]
    }
}
