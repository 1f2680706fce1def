import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@testable import WebAPI
import NIOFoundationCompat

@Suite struct RateLimitTests {
    final class Clock: Sendable {
        let instant = Mutex(ContinuousClock.now)
    }

    @Test func aClientPastItsBurstGetsJSON429UntilTokensReturn() async throws {
        let clock = Clock()
        let router = Router(context: APIRequestContext.self)
        router.add(middleware: APIErrorMiddleware())
        router.add(middleware: RateLimitMiddleware(burst: 3, perSecond: 0.5, exempting: ["/sync/"]) { clock.instant.withLock { $0 } })
        router.get("api/v1/board") { _, _ in "ok" }
        router.get("sync/v1/pull") { _, _ in "ok" }
        try await Application(router: router).test(.router) { client in
            for _ in 0..<3 {
                try await client.execute(uri: "/api/v1/board", method: .get) { #expect($0.status == .ok) }
            }
            try await client.execute(uri: "/api/v1/board", method: .get) { response in
                #expect(response.status == .tooManyRequests)
                let json = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:]
                #expect(json["error"] as? String == "rate_limited")
                #expect((json["message_en"] as? String)?.hasSuffix("try again in 2 s") == true)
            }
            for _ in 0..<5 {  // signed sync requests are not counted
                try await client.execute(uri: "/sync/v1/pull", method: .get) { #expect($0.status == .ok) }
            }
            clock.instant.withLock { $0 = $0.advanced(by: .seconds(2)) }
            try await client.execute(uri: "/api/v1/board", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/v1/board", method: .get) { #expect($0.status == .tooManyRequests) }
        }
    }
}

@Suite struct RateLimitAddressTests {
    @Test func theMachinesOwnScreenIsNotCountedButAProxiedClientIs() async throws {
        let router = Router(context: APIRequestContext.self)
        router.add(middleware: APIErrorMiddleware())
        router.add(middleware: RateLimitMiddleware(burst: 2, perSecond: 0.001))
        router.get("api/v1/board") { _, _ in "ok" }
        try await Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0))).test(.live) { client in
            let port = try #require(client.port)
            for _ in 0..<5 {
                #expect(try await Self.status(port, forwardedFor: nil) == 200)
            }
            // The proxy appends the address it saw; a client may write others in front of it, a new
            // one each time: the one counted is the proxy's.
            let statuses = try await (0..<3).asyncMap { number in try await Self.status(port, forwardedFor: "10.0.0.\(number), 203.0.113.7") }
            #expect(statuses == [200, 200, 429])
            #expect(try await Self.status(port, forwardedFor: "198.51.100.2") == 200)
        }
    }

    /// A GET's status over real HTTP, waiting as long as a busy machine needs (the test client of
    /// `.live` gives up after 20 s without a byte, which a run of every suite at once can exceed).
    static func status(_ port: Int, forwardedFor: String?) async throws -> Int {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/board")!, timeoutInterval: 300)
        if let forwardedFor { request.setValue(forwardedFor, forHTTPHeaderField: "X-Forwarded-For") }
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }
}

extension Range<Int> {
    func asyncMap<T>(_ transform: (Int) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for value in self { results.append(try await transform(value)) }
        return results
    }
}
