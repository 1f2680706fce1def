import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

/// What the county's web answers carry for a browser, behind a TLS proxy and not. (Whose requests
/// the rate limit counts behind the proxy is `RateLimitAddressTests`'.)
@Suite(.serialized, .timeLimit(.minutes(30))) struct WebHardeningTests {
    let folder = try! TemporaryFolder()

    func request(_ url: String, method: String = "GET", body: String? = nil, headers: [String: String] = [:]) async throws
        -> HTTPURLResponse
    {
        try await exchange(url, method: method, body: body, headers: headers).response
    }

    /// A request's answer and body.
    func exchange(_ url: String, method: String, body: String?, headers: [String: String]) async throws
        -> (response: HTTPURLResponse, body: Data)
    {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return (try #require(response as? HTTPURLResponse), data)
    }

    @Test func answersCarrySecurityHeadersAndTheCookieIsSecureBehindTLS() async throws {
        let county = try await CountyUnderTest.start(in: folder)
        let page = try await request("\(county.url)/")
        #expect(page.value(forHTTPHeaderField: "Content-Security-Policy")?.contains("default-src 'self'") == true)
        #expect(page.value(forHTTPHeaderField: "Content-Security-Policy")?.contains("frame-ancestors") == true)
        #expect(page.value(forHTTPHeaderField: "X-Content-Type-Options") == "nosniff")
        let login = #"{"login": "\#(StationPrices.adminLogin)", "secret": "\#(StationPrices.adminPassword)"}"#
        let direct = try await request("\(county.url)/api/v1/session", method: "POST", body: login)
        #expect(direct.value(forHTTPHeaderField: "Set-Cookie")?.contains("Secure") == false)
        let proxied = try await request(
            "\(county.url)/api/v1/session", method: "POST", body: login,
            headers: ["X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https"])
        #expect(proxied.value(forHTTPHeaderField: "Set-Cookie")?.contains("; Secure") == true)
        #expect(await county.stop() == 0)
    }

    /// A NUL character in a query, a path or a body is refused naming where, on both stores: a hub
    /// on PostgreSQL, which keeps none in text, answered such a query with a 500 (schemathesis).
    @Test(arguments: HubStore.allCases) func aNULCharacterIsRefusedNamingWhereOnBothStores(hub: HubStore) async throws {
        try await CountyUnderTest.withSample(hub, in: folder) { county in
            let token = try #require(
                try await StationPrices.token(county.port, renew: true, login: StationPrices.adminLogin, secret: StationPrices.adminPassword))
            let auth = ["Authorization": "Bearer \(token)"]
            let asked = [
                ("GET", "/api/v1/ledger/vouchers?month=%00r&village=441422107201", nil, "month"),
                ("GET", "/api/v1/notices/T%00", nil, "path"),
                ("GET", "/api/v1/notices/search?q=%E5%8F%B0%00", nil, "q"),
                ("POST", "/api/v1/notices", #"[{"id": "N\u0000", "title": "x"}]"#, "[0].id"),
            ]
            for (method, path, body, field) in asked {
                let (response, data) = try await exchange("\(county.url)\(path)", method: method, body: body, headers: auth)
                let answer = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
                #expect(response.statusCode == 422 && answer["field"] as? String == field, "\(method) \(path): \(answer)")
            }
            #expect(await county.isAlive())
            #expect(await county.stop() == 0)
        }
    }
}
