import DomainCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import TestSupport
import Testing

@testable import WebAPI
import NIOFoundationCompat

@Suite struct ErrorAnswerTests {
    struct Draft: Decodable {
        struct Line: Decodable { let amountFen: Int }
        let summary: String
        let lines: [Line]
    }

    struct Boom: Error {}

    static func router(limit: Int = 1024) -> Router<APIRequestContext> {
        let router = Router(context: APIRequestContext.self)
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: APIErrorMiddleware())
        router.add(middleware: BodyLimitMiddleware(limit: limit))
        router.add(middleware: NullCharacterMiddleware())
        router.post("drafts") { request, context in
            let draft = try await request.decodeJSON(as: Draft.self, context: context)
            return "\(draft.lines.count)"
        }
        router.get("boom") { _, _ -> String in throw Boom() }
        router.get("fine") { _, context in context.id }
        return router
    }

    /// The response's JSON object, or an empty one when the body is not a JSON object.
    func body(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:]
    }

    @Test func fieldsAreNamedInChineseAndADomainMessageSaysWhichField() {
        #expect(FieldLabel.chinese("product_name") == "品名")
        #expect(FieldLabel.chinese("lines[2].debit_fen") == "第 3 行的借方金额")
        #expect(FieldLabel.chinese("mystery") == "mystery")
        let bare = APIError(DomainError.invalidField("title", message: "不能为空", messageEN: "title must not be empty"))
        #expect(bare.message == "「标题」不能为空")
        let named = APIError(
            DomainError.invalidField("expires_on", message: "失效日期不能早于生效日期", messageEN: "expires_on must not be before effective_on"))
        #expect(named.message == "失效日期不能早于生效日期")  // already names it
    }

    @Test func unknownRouteIsJSON404() async throws {
        try await Application(router: Self.router()).test(.router) { client in
            try await client.execute(uri: "/nowhere", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let json = body(response)
                #expect(json["error"] as? String == "not_found")
                #expect(json["message"] as? String == "未查到")
                #expect(json["message_en"] is String)
                #expect(json.keys.contains("field"))
            }
        }
    }

    @Test func missingAndMistypedFieldsAreNamed() async throws {
        try await Application(router: Self.router()).test(.router) { client in
            try await client.execute(uri: "/drafts", method: .post, body: ByteBuffer(string: #"{"lines":[]}"#)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(body(response)["field"] as? String == "summary")
                #expect(body(response)["message"] as? String == "缺少「摘要」")  // the field in a person's words
            }
            let mistyped = #"{"summary":"x","lines":[{"amount_fen":1},{"amount_fen":"ten"}]}"#
            try await client.execute(uri: "/drafts", method: .post, body: ByteBuffer(string: mistyped)) { response in
                #expect(response.status == .unprocessableContent)
                let json = body(response)
                #expect(json["field"] as? String == "lines[1].amount_fen")
                #expect(json["error"] as? String == "invalid_field")
                #expect(json["message"] as? String == "「第 2 行的amount_fen」填的不对")  // no label known: the name itself
            }
            try await client.execute(uri: "/drafts", method: .post, body: ByteBuffer(string: "{not json")) { response in
                #expect(response.status == .badRequest)
                #expect(body(response)["error"] as? String == "malformed_body")
            }
        }
    }

    /// No text may hold a NUL character (PostgreSQL cannot keep one): wherever one comes, the
    /// answer is a 422 that names where, and an escaped backslash before `u0000` is no NUL.
    @Test func aNULCharacterInAPathAQueryOrABodyIsRefusedNamingWhere() async throws {
        try await Application(router: Self.router()).test(.router) { client in
            for (uri, field) in [("/fine?month=2026-1%001", "month"), ("/fine?x%00=1", "query"), ("/fine%00", "path")] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .unprocessableContent, "\(uri)")
                    #expect(body(response)["field"] as? String == field, "\(uri)")
                }
            }
            let bodies = [
                (#"{"summary":"收\u0000款","lines":[]}"#, "summary"),
                (#"{"summary":"x","lines":[{"amount_fen":1,"note":"\u0000"}]}"#, "lines[0].note"),
            ]
            for (sent, field) in bodies {
                try await client.execute(uri: "/drafts", method: .post, body: ByteBuffer(string: sent)) { response in
                    #expect(response.status == .unprocessableContent && body(response)["field"] as? String == field, "\(sent)")
                    #expect((body(response)["message_en"] as? String)?.contains("NUL character") == true)
                }
            }
            let backslash = #"{"summary":"C:\\u0000","lines":[]}"#  // the text C:\u0000, no NUL in it
            try await client.execute(uri: "/drafts", method: .post, body: ByteBuffer(string: backslash)) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func oversizedBodyIsRefused() async throws {
        let big = #"{"summary":""# + String(repeating: "x", count: 4096) + #"","lines":[]}"#
        try await Application(router: Self.router(limit: 1024)).test(.router) { client in
            try await client.execute(uri: "/drafts", method: .post, body: ByteBuffer(string: big)) { response in
                #expect(response.status == .contentTooLarge)
                #expect(body(response)["error"] as? String == "body_too_large")
            }
        }
    }

    @Test func internalFailureHidesDetailsButNamesTheRequest() async throws {
        try await Application(router: Self.router()).test(.router) { client in
            try await client.execute(uri: "/boom", method: .get) { response in
                #expect(response.status == .internalServerError)
                let json = body(response)
                let id = try #require(response.headers[.requestID])
                #expect((json["message_en"] as? String)?.contains(id) == true)
                #expect((json["message_en"] as? String)?.contains("Boom") == false)
            }
        }
    }

    @Test func requestIDIsEchoedOrGenerated() async throws {
        try await Application(router: Self.router()).test(.router) { client in
            try await client.execute(uri: "/fine", method: .get, headers: [.requestID: "sync-42_a"]) { response in
                #expect(response.headers[.requestID] == "sync-42_a")
                #expect(String(buffer: response.body) == "sync-42_a")
            }
            try await client.execute(uri: "/fine", method: .get, headers: [.requestID: "bad id with spaces"]) { response in
                let id = try #require(response.headers[.requestID])
                #expect(id != "bad id with spaces" && !id.isEmpty)
            }
        }
    }

    @Test func everyLogLineOfARequestCarriesItsID() async throws {
        let capture = LogCapture()
        let logger = Logger(label: "test") { _ in CapturingLogHandler(capture: capture) }
        let router = Self.router()
        router.get("talk") { _, context in
            context.logger.info("working")
            return "ok"
        }
        let app = Application(router: router, logger: logger)
        try await app.test(.router) { client in
            try await client.execute(uri: "/talk", method: .get, headers: [.requestID: "trace-7"]) { _ in }
        }
        let captured = capture.lines.withLock { $0 }
        #expect(!captured.isEmpty)
        #expect(captured.allSatisfy { $0["hb.request.id"]?.description == "trace-7" })
    }
}

/// The metadata of every line logged, for assertions.
final class LogCapture: Sendable {
    let lines = Mutex<[Logger.Metadata]>([])
}

/// A log handler that keeps each line's metadata in a ``LogCapture``.
struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        capture.lines.withLock { $0.append(merged) }
    }
}
