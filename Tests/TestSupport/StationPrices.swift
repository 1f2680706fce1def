import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
public import Synchronization

/// Prices at a running program over its HTTP API, the one-time code of `station add` and a free
/// port: what the end-to-end suites that record and count prices share.
public enum StationPrices {
    public static let catalogue = """
        {"categories": [{"code": "01", "name": "种植业产品"}, {"code": "0101", "name": "谷物"}, {"code": "010103", "name": "玉米"}],
         "varieties": [{"code": "01010301", "name": "玉米", "category_code": "010103"}],
         "markets": [{"id": "M06", "name": "百侯镇农产品收购点", "region_code": "441422", "kind": "收购点"}]}
        """

    /// The station operator every suite logs in as, and his PIN.
    public static let (operatorLogin, operatorPIN) = ("li", "246810")

    /// The county administrator the suites log in as, and her password.
    public static let (adminLogin, adminPassword) = ("wang", "dabu-county-2026")

    /// Adds the operator to a station's store, as its administrator would with `kiosk account add`
    /// (of another build of `kiosk` when given its path, such as the previous release's).
    public static func addOperator(dataDir: String, kiosk: String = "kiosk") async throws {
        try await addAccount(kiosk, dataDir: dataDir, login: operatorLogin, name: "李站长", role: "operator", secret: operatorPIN)
    }

    /// Adds the administrator to a county's store with `syncserver account add`.
    public static func addAdmin(dataDir: String) async throws {
        try await addAccount("syncserver", dataDir: dataDir, login: adminLogin, name: "王科长", role: "admin", secret: adminPassword)
    }

    public static func addAccount(_ program: String, dataDir: String, login: String, name: String, role: String, secret: String) async throws {
        try await addAccount(program, storage: ["--data-dir", dataDir], login: login, name: name, role: role, secret: secret)
    }

    /// Adds an account to a store named as every command names it (`--data-dir …` or `--database …`).
    public static func addAccount(_ program: String, storage: [String], login: String, name: String, role: String, secret: String) async throws {
        let added = try await ProgramProcess.run(
            program, ["account", "add"] + storage + ["--login", login, "--name", name, "--role", role], input: secret + "\n")
        guard added.status == 0 else { throw ProgramFailure(message: "\(program) account add failed: \(added.error)") }
    }

    /// Sessions by port: a login costs a slow hash, so each station is logged in to once.
    public static let sessions = Mutex([Int: String]())

    /// A session token of the operator at the station on `port`, opened at the first call.
    public static func token(
        _ port: Int, renew: Bool = false, login: String = operatorLogin, secret: String = operatorPIN
    ) async throws -> String? {
        if !renew, let token = sessions.withLock({ $0[port] }) { return token }
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/session")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"{"login": "\#(login)", "secret": "\#(secret)"}"#.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        let token = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["token"] as? String
        if token == nil {  // told, so that a run that fails here says why
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            print("logging in as \(login) at :\(port) answered \(status): \(String(decoding: data, as: UTF8.self))")
        }
        sessions.withLock { $0[port] = token }
        return token
    }

    /// Records a price at the station as its logged-in operator; its id once the station answered 201.
    public static func record(_ port: Int, avg: Int) async throws -> String? {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/prices/observations")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(secondsFromGMT: 8 * 3600)!, formatOptions: [.withFullDate])
        request.httpBody = Data(
            """
            {"price": {"variety_code": "01010301", "market_id": "M06", "observed_on": "\(today)",
             "min_fen": \(avg - 10), "avg_fen": \(avg), "max_fen": \(avg + 10), "unit": "元/公斤"}}
            """.utf8)
        for renew in [false, true] {  // a session kept from another station on the same port is renewed once
            guard let token = try await token(port, renew: renew) else {
                print("logging in at :\(port) gave no session")
                return nil
            }
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            let (data, response) = try await URLSession.shared.data(for: request)
            let status = (response as? HTTPURLResponse)?.statusCode
            if status == 401 { continue }
            guard status == 201 else {  // told, so that a run that fails here says why
                print("recording a price at :\(port) answered \(status.map(String.init) ?? "nothing"): \(String(decoding: data, as: UTF8.self))")
                return nil
            }
            return (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["id"] as? String
        }
        return nil
    }

    /// The ids of the prices stations recorded, as a program's API lists them.
    public static func recorded(_ port: Int) async throws -> [String] {
        let (data, _) = try await URLSession.shared.data(
            from: URL(string: "http://127.0.0.1:\(port)/api/v1/prices/observations?limit=200")!)
        let body = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return (body?["observations"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    /// The one-time code in `syncserver station add`'s answer.
    public static func code(in output: String) -> String? {
        let words = output.split(whereSeparator: \.isWhitespace)
        return words.first { $0.count == 11 && $0.dropFirst(5).first == "-" }.map { String($0) }
    }

    /// The county key's fingerprint in `syncserver station add`'s answer.
    public static func fingerprint(in output: String) -> String? {
        output.firstMatch(of: /fingerprint ([0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4})/).map { String($0.1) }
    }

    /// What `kiosk enroll` is given from `syncserver station add`'s answer: the code and the
    /// fingerprint of the county's key, which plain http:// on loopback needs like any other.
    public static func enrollment(in output: String) throws -> [String] {
        guard let code = code(in: output) else { throw ProgramFailure(message: "no code in: \(output)") }
        return ["--code", code] + (fingerprint(in: output).map { ["--county-fingerprint", $0] } ?? [])
    }

    /// A port nobody listens on now, from the system.
    public static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

}
