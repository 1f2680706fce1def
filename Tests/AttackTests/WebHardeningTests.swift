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
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (_, response) = try await URLSession.shared.data(for: request)
        return try #require(response as? HTTPURLResponse)
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
}
