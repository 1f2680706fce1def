import Foundation
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
            for _ in 0..<5 {
                try await client.execute(uri: "/api/v1/board", method: .get) { #expect($0.status == .ok) }
            }
            // The proxy appends the address it saw; a client may write others in front of it, a new
            // one each time: the one counted is the proxy's.
            let statuses = try await (0..<3).asyncMap { number in
                let proxied: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "10.0.0.\(number), 203.0.113.7"]
                return try await client.execute(uri: "/api/v1/board", method: .get, headers: proxied) { $0.status }
            }
            #expect(statuses == [.ok, .ok, .tooManyRequests])
            let other: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "198.51.100.2"]
            try await client.execute(uri: "/api/v1/board", method: .get, headers: other) { #expect($0.status == .ok) }
        }
    }
}

extension Range<Int> {
    func asyncMap<T>(_ transform: (Int) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for value in self { results.append(try await transform(value)) }
        return results
    }
}
